import type { Instant, UserId } from '@visitt/domain';
import type { Queryable, Tx } from './pool';

export type CodeChannel = 'email' | 'sms';

/**
 * Whose code a row is: a sign-in code belongs to the address, a contact code to the signed-in
 * user who asked to add that address.
 */
export type CodeOwner =
  | { purpose: 'sign_in'; channel: CodeChannel; address: string }
  | { purpose: 'contact'; channel: CodeChannel; address: string; userId: UserId };

export interface OpenCode {
  id: string;
  codeHash: Buffer;
  expiresAt: Instant;
  attempts: number;
}

/** A code that had wrong tries: when it was made, and how many. */
export interface WrongTries {
  createdAt: Instant;
  attempts: number;
}

// Two-key advisory locks in their own space: they never meet the practitioner locks (7261) or
// the one-key locks of migrations and the demo seed.
const ADDRESS_LOCK_SPACE = 7262;

/**
 * Queues this transaction behind every other code check of the address (sign-in and contact
 * codes alike) until it ends, so the daily count of wrong tries cannot be overrun by tries sent
 * at the same moment.
 */
export async function lockCodeAddress(
  tx: Tx,
  channel: CodeChannel,
  address: string,
): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
    ADDRESS_LOCK_SPACE,
    `${channel}:${address}`,
  ]);
}

/**
 * Stores a new code for `owner` and ends the owner's codes still open (only the newest works).
 * Returns the new row's id, which is also the message's reference at the provider.
 */
export async function replaceCode(
  tx: Tx,
  owner: CodeOwner,
  input: { codeHash: Buffer; now: Instant; expiresAt: Instant },
): Promise<string> {
  if (owner.purpose === 'sign_in') {
    await tx.query(
      `UPDATE sign_in_codes SET consumed_at = to_timestamp($3 / 1000.0)
        WHERE channel = $1 AND address = $2 AND consumed_at IS NULL AND purpose = 'sign_in'`,
      [owner.channel, owner.address, input.now],
    );
  } else {
    await tx.query(
      `UPDATE sign_in_codes SET consumed_at = to_timestamp($2 / 1000.0)
        WHERE user_id = $1 AND purpose = 'contact' AND consumed_at IS NULL`,
      [owner.userId, input.now],
    );
  }
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO sign_in_codes (channel, address, code_hash, created_at, expires_at, purpose, user_id)
     VALUES ($1, $2, $3, to_timestamp($4 / 1000.0), to_timestamp($5 / 1000.0), $6, $7) RETURNING id`,
    [
      owner.channel,
      owner.address,
      input.codeHash,
      input.now,
      input.expiresAt,
      owner.purpose,
      owner.purpose === 'contact' ? owner.userId : null,
    ],
  );
  return rows[0]!.id;
}

/** The owner's newest open code, locked for this transaction, or null when there is none. */
export async function lockNewestOpenCode(tx: Tx, owner: CodeOwner): Promise<OpenCode | null> {
  const { rows } = await tx.query<{
    id: string;
    code_hash: Buffer;
    expires_at: Date;
    attempts: number;
  }>(
    owner.purpose === 'sign_in'
      ? `SELECT id, code_hash, expires_at, attempts FROM sign_in_codes
          WHERE channel = $1 AND address = $2 AND consumed_at IS NULL AND purpose = 'sign_in'
          ORDER BY created_at DESC LIMIT 1 FOR UPDATE`
      : `SELECT id, code_hash, expires_at, attempts FROM sign_in_codes
          WHERE channel = $1 AND address = $2 AND consumed_at IS NULL AND purpose = 'contact'
            AND user_id = $3
          ORDER BY created_at DESC LIMIT 1 FOR UPDATE`,
    owner.purpose === 'sign_in'
      ? [owner.channel, owner.address]
      : [owner.channel, owner.address, owner.userId],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    codeHash: row.code_hash,
    expiresAt: row.expires_at.getTime() as Instant,
    attempts: row.attempts,
  };
}

/** Counts a wrong try on a code; the `maxAttempts`-th one ends it. */
export async function recordWrongTry(
  tx: Queryable,
  id: string,
  maxAttempts: number,
  now: Instant,
): Promise<void> {
  await tx.query(
    `UPDATE sign_in_codes SET attempts = attempts + 1,
            consumed_at = CASE WHEN attempts + 1 >= $2 THEN to_timestamp($3 / 1000.0) END
      WHERE id = $1`,
    [id, maxAttempts, now],
  );
}

/** Uses a code up: it matched and works no more. */
export async function consumeCode(tx: Queryable, id: string, now: Instant): Promise<void> {
  await tx.query('UPDATE sign_in_codes SET consumed_at = to_timestamp($2 / 1000.0) WHERE id = $1', [
    id,
    now,
  ]);
}

/**
 * The codes of an address (any purpose, any user) made after `since` that had wrong tries,
 * oldest first.
 */
export async function listWrongTries(
  db: Queryable,
  channel: CodeChannel,
  address: string,
  since: Instant,
): Promise<WrongTries[]> {
  const { rows } = await db.query<{ created_at: Date; attempts: number }>(
    `SELECT created_at, attempts FROM sign_in_codes
      WHERE channel = $1 AND address = $2 AND created_at > to_timestamp($3 / 1000.0) AND attempts > 0
      ORDER BY created_at`,
    [channel, address, since],
  );
  return rows.map((r) => ({ createdAt: r.created_at.getTime() as Instant, attempts: r.attempts }));
}
