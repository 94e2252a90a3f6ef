import { randomBytes } from 'node:crypto';
import type { ConnectionTest } from '@visitt/contracts';
import type { RequestContext } from '../core/context';
import { enforceRateLimit, type RateLimitRule } from '../db/rate-limits';
import { iceServersFor } from '../lib/turn';

/** How long the test's TURN credentials last: the test takes under a minute. */
export const TEST_CREDENTIALS_SECONDS = 5 * 60;

/**
 * Tests one client (IP address) may start per ten minutes: a household trying a few times, not
 * a free relay for anyone.
 */
export const TESTS_PER_IP = 20;

const perIp = {
  bucket: 'connection-test:ip',
  limit: TESTS_PER_IP,
  windowMs: 10 * 60_000,
} satisfies RateLimitRule;

/**
 * ICE servers for one connection test, open to anyone (the test page needs no sign-in): TURN
 * credentials under a throwaway name that expire after {@link TEST_CREDENTIALS_SECONDS}, and at
 * most {@link TESTS_PER_IP} per address in ten minutes (429 `rate_limited`).
 */
export async function startConnectionTest(ctx: RequestContext): Promise<ConnectionTest> {
  const now = ctx.clock.now();
  await enforceRateLimit(ctx, perIp, ctx.ip, now);
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
