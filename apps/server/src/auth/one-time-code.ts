import type { CodeSent, Locale } from '@visitt/contracts';
import { DAY, type Instant } from '@visitt/domain';
import type { RequestContext } from '../core/context';
import { fail } from '../core/errors';
import { withTransaction, type Queryable, type Tx } from '../db/pool';
import { enforceRateLimit, type RateLimitRule } from '../db/rate-limits';
import {
  consumeCode,
  listWrongTries,
  lockCodeAddress,
  lockNewestOpenCode,
  recordWrongTry,
  replaceCode,
  type CodeChannel,
  type CodeOwner,
} from '../db/sign-in-codes';
import { equalBuffers, hmac, newOneTimeCode } from '../lib/crypto';
import { isSmsCountryAllowed } from '../notifications/sms-countries';
import { signInCodeText } from '../notifications/texts';
import type { Transport } from '../notifications/transport';

export type { CodeChannel, CodeOwner } from '../db/sign-in-codes';

/** How long a code works. */
export const CODE_VALID_MINUTES = 10;
/** Wrong tries that end one code. */
export const CODE_MAX_ATTEMPTS = 5;

// The labels are those codes were always hashed under, so codes out at a deploy keep working.
const codeHash = (secret: string, owner: CodeOwner, code: string): Buffer =>
  owner.purpose === 'sign_in'
    ? hmac(secret, 'sign-in-code', owner.channel, owner.address, code)
    : hmac(secret, 'contact-code', owner.userId, owner.channel, owner.address, code);

/**
 * 429 `rate_limited` when the address has had its day's wrong tries: `codeTriesPerAddressPerDay`
 * over the last 24 hours, across all its codes (sign-in and contact, any account). Retry-After
 * says when enough of them have aged out.
 */
async function checkDailyTries(
  ctx: RequestContext,
  db: Queryable,
  channel: CodeChannel,
  address: string,
  now: Instant,
): Promise<void> {
  const cap = ctx.config.codeTriesPerAddressPerDay;
  // Tries are counted on their code, so the window slides by the codes' creation times (a code
  // lives 10 minutes, so a try is counted for at least 23 h 50 min).
  const tries = await listWrongTries(db, channel, address, (now - DAY) as Instant);
  let total = tries.reduce((sum, t) => sum + t.attempts, 0);
  if (total < cap) return;
  let retryAt = now + DAY;
  for (const t of tries) {
    total -= t.attempts;
    if (total < cap) {
      retryAt = t.createdAt + DAY;
      break;
    }
  }
  throw fail('rate_limited', 'Too many wrong codes for this address. Try again later.', {
    'retry-after': String(Math.max(1, Math.ceil((retryAt - now) / 1000))),
  });
}

/**
 * Sends a new one-time code to `owner`'s address (earlier open codes of the owner stop working)
 * and says how long it works. Refuses, before anything is stored or sent: 503
 * `channel_unavailable` without a transport for the channel, 422 `sms_country_not_allowed` for a
 * number outside the allowed countries, 429 `rate_limited` when one of `limits` (a rule and its
 * key) is used up or the address has had its day's wrong tries.
 */
export async function issueCode(
  ctx: RequestContext,
  owner: CodeOwner,
  options: {
    limits: readonly (readonly [RateLimitRule, string])[];
    locale: () => Promise<Locale>;
  },
): Promise<CodeSent> {
  const transport = ctx.transports[owner.channel];
  if (!transport) throw fail('channel_unavailable');
  if (
    owner.channel === 'sms' &&
    !isSmsCountryAllowed(owner.address, ctx.config.sms.allowedCountryCodes)
  )
    throw fail('sms_country_not_allowed');
  const now = ctx.clock.now();
  for (const [rule, key] of options.limits) await enforceRateLimit(ctx, rule, key, now);
  // Not under the address lock: a race here sends at most one more code, whose tries are capped
  // when it is typed in.
  await checkDailyTries(ctx, ctx.db, owner.channel, owner.address, now);

  const code = newOneTimeCode();
  const id = await withTransaction(ctx.db, (tx) =>
    replaceCode(tx, owner, {
      codeHash: codeHash(ctx.secret, owner, code),
      now,
      expiresAt: (now + CODE_VALID_MINUTES * 60_000) as Instant,
    }),
  );
  return sendCode(transport, {
    channel: owner.channel,
    address: owner.address,
    code,
    reference: id,
    locale: await options.locale(),
    publicUrl: ctx.config.publicUrl,
  });
}

/**
 * Checks `code` against `owner`'s newest open code (single use, valid 10 minutes, dead after 5
 * wrong tries) and, when it matches, uses it up and runs `onMatch` in the same transaction,
 * returning its result. A wrong code is counted (also against the address's daily cap) and
 * answered 401 `invalid_code`, as is a missing, expired or used-up code. Once the address has had
 * its day's wrong tries, every try is 429 `rate_limited` with Retry-After, the right code too.
 */
export async function redeemCode<T>(
  ctx: RequestContext,
  owner: CodeOwner,
  code: string,
  onMatch: (tx: Tx, now: Instant) => Promise<T>,
): Promise<T> {
  const now = ctx.clock.now();
  const outcome = await withTransaction(ctx.db, async (tx) => {
    // One check at a time per address, so simultaneous tries cannot pass the cap together.
    await lockCodeAddress(tx, owner.channel, owner.address);
    await checkDailyTries(ctx, tx, owner.channel, owner.address, now);
    const row = await lockNewestOpenCode(tx, owner);
    if (!row || row.expiresAt <= now || row.attempts >= CODE_MAX_ATTEMPTS)
      return { matched: false } as const;
    if (!equalBuffers(row.codeHash, codeHash(ctx.secret, owner, code))) {
      // Committed with the refusal: the fifth wrong try ends the code.
      await recordWrongTry(tx, row.id, CODE_MAX_ATTEMPTS, now);
      return { matched: false } as const;
    }
    await consumeCode(tx, row.id, now);
    return { matched: true, value: await onMatch(tx, now) } as const;
  });
  if (!outcome.matched) throw fail('invalid_code');
  return outcome.value;
}

// Sends the code in `locale` under the code row's id as the provider's reference; 503
// `channel_unavailable` when it cannot go now.
async function sendCode(
  transport: Transport,
  message: {
    channel: CodeChannel;
    address: string;
    code: string;
    reference: string;
    locale: Locale;
    publicUrl: string;
  },
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
        : {
            channel,
            to: address,
            text: texts.sms(code, CODE_VALID_MINUTES, message.publicUrl),
            reference,
          },
    );
  } catch {
    throw fail(
      'channel_unavailable',
      'The code could not be sent right now. Try again in a moment.',
    );
  }
  return { channel, expiresIn: CODE_VALID_MINUTES * 60 };
}
