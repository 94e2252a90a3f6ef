import { createHmac } from 'node:crypto';
import type { IceServer } from '@visitt/contracts';
import type { Instant } from '@visitt/domain';
import type { Config } from '../config/config';

/**
 * TURN credentials by the TURN REST API scheme that coturn implements with `use-auth-secret`:
 * the username is `<expiry in Unix seconds>:<user id>` and the password is the base64
 * HMAC-SHA1 of the username under the shared secret. coturn refuses them after the expiry.
 */
export function turnCredentials(
  secret: string,
  userId: string,
  now: Instant,
  ttlSeconds: number,
): { username: string; credential: string; expiresAt: Instant } {
  const expiry = Math.floor(now / 1000) + ttlSeconds;
  const username = `${expiry}:${userId}`;
  const credential = createHmac('sha1', secret).update(username).digest('base64');
  return { username, credential, expiresAt: (expiry * 1000) as Instant };
}

/** The ICE servers for one user joining a call now, with fresh TURN credentials. */
export function iceServersFor(
  ice: Config['ice'],
  userId: string,
  now: Instant,
): { iceServers: IceServer[]; expiresAt: Instant | null } {
  const iceServers: IceServer[] = [];
  if (ice.stunUrls.length > 0) iceServers.push({ urls: [...ice.stunUrls] });
  if (ice.turnUrls.length === 0 || !ice.turnSecret) return { iceServers, expiresAt: null };
  const { username, credential, expiresAt } = turnCredentials(
    ice.turnSecret,
    userId,
    now,
    ice.turnTtlSeconds,
  );
  iceServers.push({ urls: [...ice.turnUrls], username, credential });
  return { iceServers, expiresAt };
}
