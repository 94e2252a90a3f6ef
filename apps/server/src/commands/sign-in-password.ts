import { hash, verify } from '@node-rs/argon2';
import type { PasswordSignInBody, PasswordStep } from '@visitt/contracts';
import { normalizeEmail } from '@visitt/domain';
import { accountLocked } from '../auth/lockout';
import { createPendingSignIn, deletePendingSignIn } from '../auth/second-factor-db';
import { withTransaction } from '../db/pool';
import { hitRateLimit, type RateLimitRule } from '../db/rate-limits';
import { findPasswordUser, recordFailedSignIn } from '../db/users';
import type { RequestContext } from '../core/context';
import { fail } from '../core/errors';

/** argon2id with OWASP's second recommended setting (19 MiB, 2 passes). */
export const ARGON2_OPTIONS = {
  algorithm: 2,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export const hashPassword = (password: string): Promise<string> => hash(password, ARGON2_OPTIONS);

async function enforce(ctx: RequestContext, rule: RateLimitRule, key: string): Promise<void> {
  const hit = await hitRateLimit(ctx.db, ctx.secret, rule, key, ctx.clock.now());
  if (!hit.allowed)
    throw fail('rate_limited', undefined, { 'retry-after': String(hit.retryAfterSeconds) });
}

// Verified against when the e-mail is unknown, so a wrong address takes as long as a wrong password.
let dummyHash: Promise<string> | null = null;

/**
 * The first step of staff sign-in: e-mail and password. Right → no session yet, but a pending
 * sign-in (its token for the `visitt_pending` cookie) that waits 5 minutes for the code from the
 * authenticator app (`next: 'totp'`), or for setting the app up when the account has none yet
 * (`next: 'enrol'`). Wrong → 401 `invalid_credentials`, as slow for an unknown address as for a
 * wrong password; a wrong password also counts towards the account's lockout. A locked account
 * is refused with 429 `account_locked` whatever the password.
 */
export async function signInWithPassword(
  ctx: RequestContext,
  body: PasswordSignInBody,
  earlierPendingToken: string | null,
): Promise<{ pendingToken: string; step: PasswordStep }> {
  const email = normalizeEmail(body.email);
  const now = ctx.clock.now();
  await enforce(ctx, { bucket: 'password:ip', limit: 50, windowMs: 15 * 60_000 }, ctx.ip);
  const user = await findPasswordUser(ctx.db, email, now);
  // A locked account is told so before the per-address limit counts the try, so the person
  // sees the lock and its end rather than a bare "too many attempts".
  if (user?.lockedUntil) throw accountLocked(user.lockedUntil, now);
  await enforce(ctx, { bucket: 'password:email', limit: 10, windowMs: 15 * 60_000 }, email);
  dummyHash ??= hashPassword('not a real password');
  const valid = await verify(user?.passwordHash ?? (await dummyHash), body.password).catch(
    () => false,
  );
  if (!user) throw fail('invalid_credentials');
  if (!valid) {
    const lockedUntil = await recordFailedSignIn(ctx.db, user.id, now);
    throw lockedUntil ? accountLocked(lockedUntil, now) : fail('invalid_credentials');
  }
  const stage = user.hasTotp ? 'totp' : 'enrol';
  const pendingToken = await withTransaction(ctx.db, async (tx) => {
    if (earlierPendingToken) await deletePendingSignIn(tx, earlierPendingToken);
    return createPendingSignIn(tx, { userId: user.id, stage, now });
  });
  return { pendingToken, step: { next: stage } };
}
