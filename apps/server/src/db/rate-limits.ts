import type { Instant } from '@visitt/domain';
import { fail } from '../core/errors';
import { hmac } from '../lib/crypto';
import type { Queryable } from './pool';

export interface RateLimitRule {
  /** Names the counter, e.g. `code:address`. */
  bucket: string;
  limit: number;
  windowMs: number;
}

export interface RateLimitHit {
  allowed: boolean;
  /** Seconds until the window ends, for `Retry-After`. */
  retryAfterSeconds: number;
}

/**
 * Counts one attempt for `key` in a fixed window shared by every instance (one upsert).
 * The key is stored only as an HMAC, so the table holds no addresses or IP addresses.
 */
export async function hitRateLimit(
  db: Queryable,
  secret: string,
  rule: RateLimitRule,
  key: string,
  now: Instant,
): Promise<RateLimitHit> {
  const windowStart = Math.floor(now / rule.windowMs) * rule.windowMs;
  const { rows } = await db.query<{ hits: number }>(
    `INSERT INTO rate_limits (bucket, key_hash, window_start, hits)
     VALUES ($1, $2, to_timestamp($3 / 1000.0), 1)
     ON CONFLICT (bucket, key_hash, window_start) DO UPDATE SET hits = rate_limits.hits + 1
     RETURNING hits`,
    [rule.bucket, hmac(secret, 'rate-limit', rule.bucket, key), windowStart],
  );
  const hits = rows[0]?.hits ?? 1;
  return {
    allowed: hits <= rule.limit,
    retryAfterSeconds: Math.max(1, Math.ceil((windowStart + rule.windowMs - now) / 1000)),
  };
}

/**
 * Counts one attempt for `key` like {@link hitRateLimit}, and refuses it when over the limit:
 * 429 `rate_limited` with `Retry-After` (seconds until the window ends).
 */
export async function enforceRateLimit(
  deps: { db: Queryable; secret: string },
  rule: RateLimitRule,
  key: string,
  now: Instant,
): Promise<void> {
  const hit = await hitRateLimit(deps.db, deps.secret, rule, key, now);
  if (!hit.allowed) {
    throw fail('rate_limited', undefined, { 'retry-after': String(hit.retryAfterSeconds) });
  }
}

export async function deleteOldRateLimits(db: Queryable, now: Instant): Promise<void> {
  await db.query(
    "DELETE FROM rate_limits WHERE window_start < to_timestamp($1 / 1000.0) - interval '1 day'",
    [now],
  );
}
