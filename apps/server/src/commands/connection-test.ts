import { randomBytes } from 'node:crypto';
import type { ConnectionTest } from '@visitt/contracts';
import type { RequestContext } from '../core/context';
import { enforceRateLimit, type RateLimitRule } from '../db/rate-limits';
import { clientKey } from '../lib/client-key';
import { iceServersFor } from '../lib/turn';

/** How long the test's TURN credentials last: the test connects within its first ten seconds. */
export const TEST_CREDENTIALS_SECONDS = 60;

/**
 * Tests one client (an IPv4 address, or an IPv6 /64) may start per ten minutes: a household
 * trying a few times, not a free relay for anyone.
 */
export const TESTS_PER_IP = 20;
/**
 * Tests the whole installation hands out per minute, whoever asks: many clients together cannot
 * take the relay from the calls (each test holds it some seconds).
 */
export const TESTS_PER_MINUTE = 120;

const perIp = {
  bucket: 'connection-test:ip',
  limit: TESTS_PER_IP,
  windowMs: 10 * 60_000,
} satisfies RateLimitRule;
const perInstallation = {
  bucket: 'connection-test:all',
  limit: TESTS_PER_MINUTE,
  windowMs: 60_000,
} satisfies RateLimitRule;

/**
 * ICE servers for one connection test, open to anyone (the test page needs no sign-in): TURN
 * credentials under a throwaway name that expire after {@link TEST_CREDENTIALS_SECONDS}, at
 * most {@link TESTS_PER_IP} per client in ten minutes and {@link TESTS_PER_MINUTE} for the whole
 * installation (429 `rate_limited`).
 */
export async function startConnectionTest(ctx: RequestContext): Promise<ConnectionTest> {
  const now = ctx.clock.now();
  await enforceRateLimit(ctx, perIp, clientKey(ctx.ip), now);
  await enforceRateLimit(ctx, perInstallation, 'all', now);
  const { iceServers, expiresAt } = iceServersFor(
    { ...ctx.config.ice, turnTtlSeconds: TEST_CREDENTIALS_SECONDS },
    `test-${randomBytes(8).toString('hex')}`,
    now,
  );
  const hasRelay = expiresAt !== null;
  return {
    iceServers,
    iceTransportPolicy: hasRelay ? 'relay' : 'all',
    hasRelay,
    credentialsExpireAt: expiresAt === null ? null : new Date(expiresAt).toISOString(),
  };
}
