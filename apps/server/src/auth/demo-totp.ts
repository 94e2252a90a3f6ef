import type { DevTotp } from '@visitt/contracts';
import { normalizeEmail } from '@visitt/domain';
import { DEMO, DEMO_STAFF_EMAILS } from '../db/seed-demo';
import type { RequestContext } from '../core/context';
import { fail } from '../core/errors';
import { base32Encode, TOTP_PERIOD_MS, TOTP_WINDOW, totpCode, totpStep } from './totp';
import { openTotpSecret } from './totp-secret';

/**
 * Demo only: the code a seeded demo staff account's authenticator app would show now, so a
 * newcomer (and the end-to-end tests) can sign in without one. Answers only for the accounts the
 * seed creates (`@example.com`), and only while their secret is still the published demo one:
 * it never reveals a code nobody could compute already. The code given is one not used yet (a
 * used one would be refused); 429 when the next unused one is not valid yet; 404 otherwise, and
 * always in production mode.
 */
export async function currentDemoTotp(ctx: RequestContext, emailInput: string): Promise<DevTotp> {
  // Never in production, whoever calls it: a clinic's server must not hand out sign-in codes.
  if (ctx.config.isProduction) throw fail('not_found');
  const email = normalizeEmail(emailInput);
  if (!email.endsWith('@example.com') || !DEMO_STAFF_EMAILS.includes(email))
    throw fail('not_found');
  const { rows } = await ctx.db.query<{
    id: string;
    secret_encrypted: string;
    last_used_step: number | null;
  }>(
    `SELECT u.id, t.secret_encrypted, t.last_used_step FROM users u
       JOIN staff_totp t ON t.user_id = u.id AND t.confirmed_at IS NOT NULL
      WHERE u.email = $1`,
    [email],
  );
  const row = rows[0];
  const secret = row ? openTotpSecret(ctx.secret, row.id, row.secret_encrypted) : null;
  if (!row || !secret || base32Encode(secret) !== DEMO.totpSecret) throw fail('not_found');
  const now = ctx.clock.now();
  const current = totpStep(now);
  const step = Math.max(current, (row.last_used_step ?? -1) + 1);
  if (step > current + TOTP_WINDOW) {
    const wait = Math.ceil(((step - TOTP_WINDOW) * TOTP_PERIOD_MS - now) / 1000);
    throw fail('rate_limited', 'The next code is not valid yet.', { 'retry-after': String(wait) });
  }
  return {
    code: totpCode(secret, step),
    validForSeconds: Math.floor(((step + 1) * TOTP_PERIOD_MS - now) / 1000),
  };
}
