import { hash, verify } from '@node-rs/argon2';
import type { Me, PasswordSignInBody } from '@visitt/contracts';
import { normalizeEmail } from '@visitt/domain';
import { hitRateLimit } from '../db/rate-limits';
import { createSession, deleteSession } from '../db/sessions';
import { findPasswordUser } from '../db/users';
import type { RequestContext } from '../http/context';
import { fail } from '../http/errors';
import { presentMe } from '../presenters/me';

/** argon2id with OWASP's second recommended setting (19 MiB, 2 passes). */
export const ARGON2_OPTIONS = {
  algorithm: 2,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export const hashPassword = (password: string): Promise<string> => hash(password, ARGON2_OPTIONS);

// Verified against when the e-mail is unknown, so a wrong address takes as long as a wrong password.
let dummyHash: Promise<string> | null = null;

/** Staff sign-in with e-mail and password (TOTP follows with the clinic issue). */
export async function signInWithPassword(
  ctx: RequestContext,
  body: PasswordSignInBody,
): Promise<{ token: string; me: Me }> {
  const email = normalizeEmail(body.email);
  const now = ctx.clock.now();
  for (const [rule, key] of [
    [{ bucket: 'password:ip', limit: 50, windowMs: 15 * 60_000 }, ctx.ip],
    [{ bucket: 'password:email', limit: 10, windowMs: 15 * 60_000 }, email],
  ] as const) {
    const hit = await hitRateLimit(ctx.db, ctx.secret, rule, key, now);
    if (!hit.allowed)
      throw fail('rate_limited', undefined, { 'retry-after': String(hit.retryAfterSeconds) });
  }
  const user = await findPasswordUser(ctx.db, email);
  dummyHash ??= hashPassword('not a real password');
  const valid = await verify(user?.passwordHash ?? (await dummyHash), body.password).catch(
    () => false,
  );
  if (!user || !valid) throw fail('invalid_credentials');
  if (ctx.sessionToken) await deleteSession(ctx.db, ctx.sessionToken);
  const token = await createSession(ctx.db, {
    userId: user.id,
    authMethod: 'password',
    now,
    absoluteMs: ctx.config.sessionAbsoluteMs,
  });
  return { token, me: await presentMe(ctx.db, user.id) };
}
