import type {
  EnrolmentConfirmed,
  Me,
  RecoveryCodes,
  SecondFactorBody,
  TotpCodeBody,
  TotpEnrolment,
  TotpStatus,
} from '@visitt/contracts';
import type { Instant, UserId } from '@visitt/domain';
import QRCode from 'qrcode';
import { withTransaction, type Tx } from '../db/pool';
import { createSession, deleteSession } from '../db/sessions';
import { findLockedUntil, findUser, recordFailedSignIn, resetFailedSignIns } from '../db/users';
import type { RequestContext, SignedInContext } from '../core/context';
import { fail, type AppError } from '../core/errors';
import { presentMe } from '../presenters/me';
import { accountLocked } from './lockout';
import { newRecoveryCodes, recoveryCodeHash } from './recovery-codes';
import {
  deletePendingSignIn,
  findTotpStatus,
  lockPendingSignIn,
  lockStaffTotp,
  markTotpUsed,
  recordPendingFailure,
  replaceRecoveryCodes,
  saveUnconfirmedTotp,
  useRecoveryCode,
  type PendingSignIn,
  type PendingStage,
} from './second-factor-db';
import { openTotpSecret, sealTotpSecret } from './totp-secret';
import { base32Encode, checkTotp, newTotpSecret, otpauthUri } from './totp';

/** The outcome of a second-step transaction, turned into an answer after it has committed. */
type Outcome<T> =
  | { ok: true; value: T }
  | { ok: false; error: 'sign_in_expired' | 'wrong_sign_in_step' | 'invalid_code' }
  | { ok: false; error: 'account_locked'; until: Instant };

function refusal(outcome: Exclude<Outcome<unknown>, { ok: true }>, now: Instant): AppError {
  return outcome.error === 'account_locked'
    ? accountLocked(outcome.until, now)
    : fail(outcome.error);
}

/**
 * Runs one second step on the pending sign-in of `token` in a transaction: checks it is alive, at
 * `stage`, and that its account is not locked, then runs `attempt`. A failed attempt is counted
 * on the pending sign-in (the fifth ends it) and on the account (the tenth in a row locks it),
 * and those counts are committed although the request is refused.
 */
async function secondStep<T>(
  ctx: RequestContext,
  token: string | null,
  stage: PendingStage,
  attempt: (tx: Tx, pending: PendingSignIn, now: Instant, token: string) => Promise<T | null>,
): Promise<T> {
  const now = ctx.clock.now();
  if (!token) throw fail('sign_in_expired');
  const outcome = await withTransaction(ctx.db, async (tx): Promise<Outcome<T>> => {
    const pending = await lockPendingSignIn(tx, token, now);
    if (!pending) return { ok: false, error: 'sign_in_expired' };
    if (pending.stage !== stage) return { ok: false, error: 'wrong_sign_in_step' };
    const lockedUntil = await findLockedUntil(tx, pending.userId, now);
    if (lockedUntil) return { ok: false, error: 'account_locked', until: lockedUntil };
    const value = await attempt(tx, pending, now, token);
    if (value !== null) return { ok: true, value };
    await recordPendingFailure(tx, pending);
    const until = await recordFailedSignIn(tx, pending.userId, now);
    return until
      ? { ok: false, error: 'account_locked', until }
      : { ok: false, error: 'invalid_code' };
  });
  if (!outcome.ok) throw refusal(outcome, now);
  return outcome.value;
}

/** Ends the pending sign-in and starts the session (a new token: any earlier one is ended). */
async function startStaffSession(
  ctx: RequestContext,
  tx: Tx,
  userId: UserId,
  pendingToken: string,
  now: Instant,
): Promise<string> {
  await deletePendingSignIn(tx, pendingToken);
  await resetFailedSignIns(tx, userId);
  if (ctx.sessionToken) await deleteSession(tx, ctx.sessionToken);
  return createSession(tx, {
    userId,
    authMethod: 'password',
    staff: true,
    now,
    absoluteMs: ctx.config.sessionAbsoluteMs,
  });
}

/**
 * Checks a code from the user's confirmed authenticator app and records its step, so it is never
 * accepted again. Returns false for a wrong or reused code, or when there is no confirmed secret.
 */
async function useTotpCode(
  ctx: RequestContext,
  tx: Tx,
  userId: UserId,
  code: string,
  now: Instant,
  confirmed: boolean,
): Promise<boolean> {
  const row = await lockStaffTotp(tx, userId);
  if (!row || row.confirmed !== confirmed) return false;
  const secret = openTotpSecret(ctx.secret, userId, row.secretEncrypted);
  if (!secret) return false;
  const check = checkTotp(secret, code, now, row.lastUsedStep);
  if (!check.ok) return false;
  await markTotpUsed(tx, userId, check.step, now);
  return true;
}

/** New recovery codes for the user (the old ones stop working); returns them in clear, once. */
async function issueRecoveryCodes(
  ctx: RequestContext,
  tx: Tx,
  userId: UserId,
  now: Instant,
): Promise<string[]> {
  const codes = newRecoveryCodes();
  await replaceRecoveryCodes(
    tx,
    userId,
    codes.map((c) => recoveryCodeHash(ctx.secret, userId, c)),
    now,
  );
  return codes;
}

/**
 * The second step of staff sign-in: the code from the authenticator app (a code already used,
 * or from more than 30 s either side of now, is refused) or one unused recovery code. Right →
 * the session starts (`auth_method 'password'`), the pending sign-in ends and the account's
 * failure count starts again. Wrong → 401 `invalid_code`; 401 `sign_in_expired` without a live
 * pending sign-in; 409 `wrong_sign_in_step` when the account must set up its app first;
 * 429 `account_locked`.
 */
export async function verifySecondFactor(
  ctx: RequestContext,
  pendingToken: string | null,
  body: SecondFactorBody,
): Promise<{ token: string; me: Me }> {
  const result = await secondStep(ctx, pendingToken, 'totp', async (tx, p, now, pending) => {
    const ok =
      'code' in body
        ? await useTotpCode(ctx, tx, p.userId, body.code, now, true)
        : await useRecoveryCode(
            tx,
            p.userId,
            recoveryCodeHash(ctx.secret, p.userId, body.recoveryCode),
            now,
          );
    if (!ok) return null;
    return {
      userId: p.userId,
      token: await startStaffSession(ctx, tx, p.userId, pending, now),
    };
  });
  return {
    token: result.token,
    me: await presentMe(ctx.db, result.userId, { authMethod: 'password', staff: true }),
  };
}

// What the QR library writes: one <svg> with <path> elements and nothing else.
const QR_SVG_SHAPE =
  /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^<>]*>(<path [^<>]*\/>)+<\/svg>\s*$/;

/**
 * The link as a QR code in SVG. It holds only paths drawn from the link's bits (no text, no
 * scripts); the shape is checked anyway, since the client shows it inline.
 */
export async function qrSvg(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  if (!QR_SVG_SHAPE.test(svg)) throw new Error('unexpected QR code SVG');
  return svg.trim();
}

/**
 * Setting up the authenticator app while signing in (the account has none confirmed yet): a new
 * secret, replacing any earlier unconfirmed one, as an `otpauth://` link, QR code and base32.
 * Refused with 409 `wrong_sign_in_step` when the pending sign-in waits for a code instead.
 */
export async function startTotpEnrolment(
  ctx: RequestContext,
  pendingToken: string | null,
): Promise<TotpEnrolment> {
  const now = ctx.clock.now();
  if (!pendingToken) throw fail('sign_in_expired');
  const secret = newTotpSecret();
  const userId = await withTransaction(ctx.db, async (tx) => {
    const pending = await lockPendingSignIn(tx, pendingToken, now);
    if (!pending) throw fail('sign_in_expired');
    if (pending.stage !== 'enrol') throw fail('wrong_sign_in_step');
    const lockedUntil = await findLockedUntil(tx, pending.userId, now);
    if (lockedUntil) throw accountLocked(lockedUntil, now);
    const saved = await saveUnconfirmedTotp(
      tx,
      pending.userId,
      sealTotpSecret(ctx.secret, pending.userId, secret),
      now,
    );
    if (!saved) throw fail('wrong_sign_in_step');
    return pending.userId;
  });
  const user = await findUser(ctx.db, userId);
  const base32 = base32Encode(secret);
  const uri = otpauthUri(user?.email ?? '', base32);
  return { otpauthUri: uri, qrSvg: await qrSvg(uri), secret: base32 };
}

/**
 * Confirms the new authenticator app with a code from it: the secret becomes the account's, ten
 * recovery codes are made (shown this once), and the session starts. Wrong code → 401
 * `invalid_code`, counted like any failed second step.
 */
export async function confirmTotpEnrolment(
  ctx: RequestContext,
  pendingToken: string | null,
  body: TotpCodeBody,
): Promise<{ token: string; confirmed: EnrolmentConfirmed }> {
  const result = await secondStep(ctx, pendingToken, 'enrol', async (tx, p, now, pending) => {
    if (!(await useTotpCode(ctx, tx, p.userId, body.code, now, false))) return null;
    const recoveryCodes = await issueRecoveryCodes(ctx, tx, p.userId, now);
    const token = await startStaffSession(ctx, tx, p.userId, pending, now);
    return { userId: p.userId, token, recoveryCodes };
  });
  const me = await presentMe(ctx.db, result.userId, { authMethod: 'password', staff: true });
  return { token: result.token, confirmed: { recoveryCodes: result.recoveryCodes, me } };
}

/**
 * New recovery codes for a signed-in user with an authenticator app, against a current code from
 * it (so a borrowed, unlocked browser alone cannot take them). The old codes stop working.
 * 404 `not_found` without an app; 401 `invalid_code` (counted towards lockout); 429
 * `account_locked`.
 */
export async function regenerateRecoveryCodes(
  ctx: SignedInContext,
  body: TotpCodeBody,
): Promise<RecoveryCodes> {
  const userId = ctx.actor.userId;
  const now = ctx.clock.now();
  const outcome = await withTransaction(ctx.db, async (tx): Promise<Outcome<string[]>> => {
    const lockedUntil = await findLockedUntil(tx, userId, now);
    if (lockedUntil) return { ok: false, error: 'account_locked', until: lockedUntil };
    const row = await lockStaffTotp(tx, userId);
    if (!row?.confirmed) throw fail('not_found', 'No authenticator app is set up.');
    if (await useTotpCode(ctx, tx, userId, body.code, now, true)) {
      await resetFailedSignIns(tx, userId);
      return { ok: true, value: await issueRecoveryCodes(ctx, tx, userId, now) };
    }
    const until = await recordFailedSignIn(tx, userId, now);
    return until
      ? { ok: false, error: 'account_locked', until }
      : { ok: false, error: 'invalid_code' };
  });
  if (!outcome.ok) throw refusal(outcome, now);
  return { recoveryCodes: outcome.value };
}

/** Whether the signed-in user has an authenticator app, and how many recovery codes are left. */
export const readTotpStatus = (ctx: SignedInContext): Promise<TotpStatus> =>
  findTotpStatus(ctx.db, ctx.actor.userId);
