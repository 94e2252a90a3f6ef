import type { Instant, UserId } from '@visitt/domain';
import type { Queryable } from '../db/pool';
import { newToken, sha256 } from '../lib/crypto';

/** A staff sign-in between its password and its second step lives this long. */
export const PENDING_TTL_MS = 5 * 60_000;
/** Wrong codes a pending sign-in survives; the fifth ends it. */
export const PENDING_MAX_ATTEMPTS = 5;

export type PendingStage = 'totp' | 'enrol';

export interface PendingSignIn {
  tokenHash: Buffer;
  userId: UserId;
  stage: PendingStage;
  attempts: number;
}

/** Starts the wait for the second step; returns the cookie token (only its hash is stored). */
export async function createPendingSignIn(
  db: Queryable,
  input: { userId: UserId; stage: PendingStage; now: Instant },
): Promise<string> {
  const token = newToken();
  await db.query(
    `INSERT INTO pending_sign_ins (token_hash, user_id, stage, created_at, expires_at)
     VALUES ($1, $2, $3, to_timestamp($4 / 1000.0), to_timestamp($5 / 1000.0))`,
    [sha256(token), input.userId, input.stage, input.now, input.now + PENDING_TTL_MS],
  );
  return token;
}

/** The live pending sign-in of a cookie token, locked for the transaction; null when gone. */
export async function lockPendingSignIn(
  db: Queryable,
  token: string,
  now: Instant,
): Promise<PendingSignIn | null> {
  const { rows } = await db.query<{
    token_hash: Buffer;
    user_id: string;
    stage: PendingStage;
    attempts: number;
  }>(
    `SELECT token_hash, user_id, stage, attempts FROM pending_sign_ins
      WHERE token_hash = $1 AND expires_at > to_timestamp($2 / 1000.0) AND attempts < $3
      FOR UPDATE`,
    [sha256(token), now, PENDING_MAX_ATTEMPTS],
  );
  const row = rows[0];
  return row
    ? {
        tokenHash: row.token_hash,
        userId: row.user_id as UserId,
        stage: row.stage,
        attempts: row.attempts,
      }
    : null;
}

/** Counts a wrong code; the last allowed one deletes the pending sign-in. */
export async function recordPendingFailure(db: Queryable, pending: PendingSignIn): Promise<void> {
  if (pending.attempts + 1 >= PENDING_MAX_ATTEMPTS) {
    await db.query('DELETE FROM pending_sign_ins WHERE token_hash = $1', [pending.tokenHash]);
    return;
  }
  await db.query('UPDATE pending_sign_ins SET attempts = attempts + 1 WHERE token_hash = $1', [
    pending.tokenHash,
  ]);
}

export async function deletePendingSignIn(db: Queryable, token: string): Promise<void> {
  await db.query('DELETE FROM pending_sign_ins WHERE token_hash = $1', [sha256(token)]);
}

export interface StaffTotpRow {
  secretEncrypted: string;
  confirmed: boolean;
  lastUsedStep: number | null;
}

/** The user's authenticator secret (sealed), locked for the transaction; null when none. */
export async function lockStaffTotp(db: Queryable, userId: UserId): Promise<StaffTotpRow | null> {
  const { rows } = await db.query<{
    secret_encrypted: string;
    confirmed_at: Date | null;
    last_used_step: string | null;
  }>(
    'SELECT secret_encrypted, confirmed_at, last_used_step FROM staff_totp WHERE user_id = $1 FOR UPDATE',
    [userId],
  );
  const row = rows[0];
  return row
    ? {
        secretEncrypted: row.secret_encrypted,
        confirmed: row.confirmed_at !== null,
        lastUsedStep: row.last_used_step === null ? null : Number(row.last_used_step),
      }
    : null;
}

/**
 * Stores a new, unconfirmed secret, replacing an earlier unconfirmed one. A confirmed secret is
 * never replaced here: returns false then.
 */
export async function saveUnconfirmedTotp(
  db: Queryable,
  userId: UserId,
  secretEncrypted: string,
  now: Instant,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `INSERT INTO staff_totp (user_id, secret_encrypted, created_at) VALUES ($1, $2, to_timestamp($3 / 1000.0))
     ON CONFLICT (user_id) DO UPDATE
       SET secret_encrypted = EXCLUDED.secret_encrypted, created_at = EXCLUDED.created_at, last_used_step = NULL
       WHERE staff_totp.confirmed_at IS NULL`,
    [userId, secretEncrypted, now],
  );
  return (rowCount ?? 0) > 0;
}

/** Records the step of an accepted code (and confirms the secret at enrolment). */
export async function markTotpUsed(
  db: Queryable,
  userId: UserId,
  step: number,
  now: Instant,
): Promise<void> {
  await db.query(
    `UPDATE staff_totp SET last_used_step = $2,
            confirmed_at = COALESCE(confirmed_at, to_timestamp($3 / 1000.0))
      WHERE user_id = $1`,
    [userId, step, now],
  );
}

/** Replaces all of the user's recovery codes with these (hashes). */
export async function replaceRecoveryCodes(
  db: Queryable,
  userId: UserId,
  hashes: Buffer[],
  now: Instant,
): Promise<void> {
  await db.query('DELETE FROM recovery_codes WHERE user_id = $1', [userId]);
  await db.query(
    `INSERT INTO recovery_codes (user_id, code_hash, created_at)
     SELECT $1, h, to_timestamp($3 / 1000.0) FROM unnest($2::bytea[]) AS h`,
    [userId, hashes, now],
  );
}

/** Uses up an unused recovery code; false when it is not one of the user's, or used already. */
export async function useRecoveryCode(
  db: Queryable,
  userId: UserId,
  hash: Buffer,
  now: Instant,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE recovery_codes SET used_at = to_timestamp($3 / 1000.0)
      WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL`,
    [userId, hash, now],
  );
  return (rowCount ?? 0) > 0;
}

/** Whether the user has a confirmed secret, and how many recovery codes are unused. */
export async function findTotpStatus(
  db: Queryable,
  userId: UserId,
): Promise<{ enrolled: boolean; recoveryCodesLeft: number }> {
  const { rows } = await db.query<{ enrolled: boolean; left: number }>(
    `SELECT EXISTS (SELECT 1 FROM staff_totp WHERE user_id = $1 AND confirmed_at IS NOT NULL) AS enrolled,
            (SELECT count(*)::int FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL) AS left`,
    [userId],
  );
  return { enrolled: rows[0]?.enrolled ?? false, recoveryCodesLeft: rows[0]?.left ?? 0 };
}
