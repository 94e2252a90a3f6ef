import type { CodeSent, Locale, Me, RequestCodeBody, VerifyCodeBody } from '@visitt/contracts';
import { normalizeEmail, normalizePhone, type Instant } from '@visitt/domain';
import { withTransaction } from '../db/pool';
import { hitRateLimit, type RateLimitRule } from '../db/rate-limits';
import { createSession, deleteSession } from '../db/sessions';
import { findUserLocaleByAddress, upsertVerifiedUser } from '../db/users';
import type { RequestContext } from '../core/context';
import { fail } from '../core/errors';
import { equalBuffers, hmac, newOneTimeCode } from '../lib/crypto';
import { localeFromAcceptLanguage, signInCodeText } from '../notifications/texts';
import type { Transport } from '../notifications/transport';
import { presentMe } from '../presenters/me';

export const CODE_VALID_MINUTES = 10;
export const CODE_MAX_ATTEMPTS = 5;

const limits = {
  perAddress: { bucket: 'code:address', limit: 5, windowMs: 15 * 60_000 },
  verifyPerIp: { bucket: 'verify:ip', limit: 200, windowMs: 15 * 60_000 },
} satisfies Record<string, RateLimitRule>;

type Channel = 'email' | 'sms';

/** Which channel and normalized address a body names; a number we cannot read is a 400. */
function addressOf(body: RequestCodeBody): { channel: Channel; address: string } {
  if ('email' in body) return { channel: 'email', address: normalizeEmail(body.email) };
  const phone = normalizePhone(body.phone);
  if (!phone) throw fail('validation_failed', 'phone: not a mobile number we can send to');
  return { channel: 'sms', address: phone };
}

async function enforce(
  ctx: RequestContext,
  rule: RateLimitRule,
  key: string,
  now: Instant,
): Promise<void> {
  const hit = await hitRateLimit(ctx.db, ctx.secret, rule, key, now);
  if (!hit.allowed) {
    throw fail('rate_limited', undefined, { 'retry-after': String(hit.retryAfterSeconds) });
  }
}

const codeHash = (secret: string, channel: Channel, address: string, code: string) =>
  hmac(secret, 'sign-in-code', channel, address, code);

/**
 * Sends a one-time sign-in code to an e-mail address or mobile number. Earlier codes for the
 * address stop working. Answers the same whether or not an account exists (no enumeration).
 */
export async function requestSignInCode(
  ctx: RequestContext,
  body: RequestCodeBody,
): Promise<CodeSent> {
  const { channel, address } = addressOf(body);
  const transport = ctx.transports[channel];
  if (!transport) throw fail('channel_unavailable');
  const now = ctx.clock.now();
  await enforce(
    ctx,
    { bucket: 'code:ip', limit: ctx.config.codesPerIpPerHour, windowMs: 60 * 60_000 },
    ctx.ip,
    now,
  );
  await enforce(ctx, limits.perAddress, `${channel}:${address}`, now);

  const code = newOneTimeCode();
  const codeId = await withTransaction(ctx.db, async (tx) => {
    await tx.query(
      `UPDATE sign_in_codes SET consumed_at = to_timestamp($3 / 1000.0)
        WHERE channel = $1 AND address = $2 AND consumed_at IS NULL AND purpose = 'sign_in'`,
      [channel, address, now],
    );
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO sign_in_codes (channel, address, code_hash, created_at, expires_at)
       VALUES ($1, $2, $3, to_timestamp($4 / 1000.0), to_timestamp($5 / 1000.0)) RETURNING id`,
      [
        channel,
        address,
        codeHash(ctx.secret, channel, address, code),
        now,
        now + CODE_VALID_MINUTES * 60_000,
      ],
    );
    return rows[0]!.id;
  });

  const locale: Locale =
    (await findUserLocaleByAddress(ctx.db, channel, address)) ??
    localeFromAcceptLanguage(ctx.acceptLanguage);
  return sendCode(transport, { channel, address, code, reference: codeId, locale });
}

/**
 * Signs in with a code: single use, valid 10 minutes, dead after 5 wrong tries. Creates the
 * account on first sign-in and marks the address verified. Returns the session token (a new
 * one: any session the request carried is ended) and the signed-in user.
 */
export async function verifySignInCode(
  ctx: RequestContext,
  body: VerifyCodeBody,
): Promise<{ token: string; me: Me }> {
  const { channel, address } = addressOf(body);
  const now = ctx.clock.now();
  await enforce(ctx, limits.verifyPerIp, ctx.ip, now);

  const outcome = await withTransaction(ctx.db, async (tx) => {
    const { rows } = await tx.query<{
      id: string;
      code_hash: Buffer;
      expires_at: Date;
      attempts: number;
    }>(
      `SELECT id, code_hash, expires_at, attempts FROM sign_in_codes
        WHERE channel = $1 AND address = $2 AND consumed_at IS NULL AND purpose = 'sign_in'
        ORDER BY created_at DESC LIMIT 1 FOR UPDATE`,
      [channel, address],
    );
    const row = rows[0];
    if (!row || row.expires_at.getTime() <= now || row.attempts >= CODE_MAX_ATTEMPTS) return null;
    if (!equalBuffers(row.code_hash, codeHash(ctx.secret, channel, address, body.code))) {
      // The failed try is committed: the fifth one kills the code.
      await tx.query(
        `UPDATE sign_in_codes SET attempts = attempts + 1,
                consumed_at = CASE WHEN attempts + 1 >= $2 THEN to_timestamp($3 / 1000.0) END
          WHERE id = $1`,
        [row.id, CODE_MAX_ATTEMPTS, now],
      );
      return null;
    }
    await tx.query(
      'UPDATE sign_in_codes SET consumed_at = to_timestamp($2 / 1000.0) WHERE id = $1',
      [row.id, now],
    );
    const userId = await upsertVerifiedUser(
      tx,
      channel,
      address,
      now,
      localeFromAcceptLanguage(ctx.acceptLanguage),
    );
    if (ctx.sessionToken) await deleteSession(tx, ctx.sessionToken);
    const authMethod = channel === 'email' ? 'code_email' : 'code_sms';
    const token = await createSession(tx, {
      userId,
      authMethod,
      now,
      absoluteMs: ctx.config.sessionAbsoluteMs,
    });
    return { userId, token, authMethod, staff: false } as const;
  });
  if (!outcome) throw fail('invalid_code');
  return { token: outcome.token, me: await presentMe(ctx.db, outcome.userId, outcome) };
}

/**
 * Sends a one-time code by e-mail or SMS in `locale` (sign-in, or confirming a new address), under
 * the code row's id as the provider's reference. 503 `channel_unavailable` when it cannot go now.
 */
export async function sendCode(
  transport: Transport,
  message: { channel: Channel; address: string; code: string; reference: string; locale: Locale },
): Promise<CodeSent> {
  const { channel, address, code, reference } = message;
  const texts = signInCodeText[message.locale];
  try {
    await transport.send(
      channel === 'email'
        ? {
            channel,
            to: address,
            subject: texts.subject,
            text: texts.text(code, CODE_VALID_MINUTES),
            reference,
          }
        : { channel, to: address, text: texts.sms(code, CODE_VALID_MINUTES), reference },
    );
  } catch {
    throw fail(
      'channel_unavailable',
      'The code could not be sent right now. Try again in a moment.',
    );
  }
  return { channel, expiresIn: CODE_VALID_MINUTES * 60 };
}
