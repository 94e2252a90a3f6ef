import type { CodeSent, Me, RequestCodeBody, VerifyCodeBody } from '@visitt/contracts';
import { normalizeEmail, normalizePhone } from '@visitt/domain';
import { issueCode, redeemCode, type CodeChannel, type CodeOwner } from '../auth/one-time-code';
import { enforceRateLimit, type RateLimitRule } from '../db/rate-limits';
import { createSession, deleteSession } from '../db/sessions';
import { findUserLocaleByAddress, upsertVerifiedUser } from '../db/users';
import type { RequestContext } from '../core/context';
import { fail } from '../core/errors';
import { localeFromAcceptLanguage } from '../notifications/texts';
import { presentMe } from '../presenters/me';

const limits = {
  perAddress: { bucket: 'code:address', limit: 5, windowMs: 15 * 60_000 },
  verifyPerIp: { bucket: 'verify:ip', limit: 200, windowMs: 15 * 60_000 },
} satisfies Record<string, RateLimitRule>;

/** Which channel and normalized address a body names; a number we cannot read is a 400. */
function ownerOf(body: RequestCodeBody): CodeOwner {
  if ('email' in body)
    return { purpose: 'sign_in', channel: 'email', address: normalizeEmail(body.email) };
  const phone = normalizePhone(body.phone);
  if (!phone) throw fail('validation_failed', 'phone: not a mobile number we can send to');
  return { purpose: 'sign_in', channel: 'sms', address: phone };
}

/**
 * Sends a one-time sign-in code to an e-mail address or mobile number. Earlier codes for the
 * address stop working. Answers the same whether or not an account exists (no enumeration): the
 * limits below, the daily cap of wrong tries and the SMS countries apply to any address alike.
 * 422 `sms_country_not_allowed` for a number outside the allowed countries; 429 `rate_limited`
 * per IP address, per address, and once the address has had its day's wrong tries.
 */
export async function requestSignInCode(
  ctx: RequestContext,
  body: RequestCodeBody,
): Promise<CodeSent> {
  const owner = ownerOf(body);
  return issueCode(ctx, owner, {
    limits: [
      [{ bucket: 'code:ip', limit: ctx.config.codesPerIpPerHour, windowMs: 60 * 60_000 }, ctx.ip],
      [limits.perAddress, `${owner.channel}:${owner.address}`],
    ],
    locale: async () =>
      (await findUserLocaleByAddress(ctx.db, owner.channel, owner.address)) ??
      localeFromAcceptLanguage(ctx.acceptLanguage),
  });
}

/**
 * Signs in with a code: single use, valid 10 minutes, dead after 5 wrong tries, and refused
 * (429) once the address has had its day's wrong tries across all its codes. Creates the account
 * on first sign-in and marks the address verified. Returns the session token (a new one: any
 * session the request carried is ended) and the signed-in user.
 */
export async function verifySignInCode(
  ctx: RequestContext,
  body: VerifyCodeBody,
): Promise<{ token: string; me: Me }> {
  const owner = ownerOf(body);
  await enforceRateLimit(ctx, limits.verifyPerIp, ctx.ip, ctx.clock.now());
  const outcome = await redeemCode(ctx, owner, body.code, async (tx, now) => {
    const userId = await upsertVerifiedUser(
      tx,
      owner.channel,
      owner.address,
      now,
      localeFromAcceptLanguage(ctx.acceptLanguage),
    );
    if (ctx.sessionToken) await deleteSession(tx, ctx.sessionToken);
    const authMethod = authMethodOf[owner.channel];
    const token = await createSession(tx, {
      userId,
      authMethod,
      now,
      absoluteMs: ctx.config.sessionAbsoluteMs,
    });
    return { userId, token, authMethod, staff: false } as const;
  });
  return { token: outcome.token, me: await presentMe(ctx.db, outcome.userId, outcome) };
}

const authMethodOf = { email: 'code_email', sms: 'code_sms' } as const satisfies Record<
  CodeChannel,
  string
>;
