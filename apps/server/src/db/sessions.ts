import type { Instant, UserId } from '@visitt/domain';
import { newToken, sha256 } from '../lib/crypto';
import type { Queryable } from './pool';

export type AuthMethod = 'code_email' | 'code_sms' | 'password' | 'oidc';

export interface SessionRow {
  tokenHash: Buffer;
  userId: UserId;
  authMethod: AuthMethod;
  createdAt: Instant;
  lastSeenAt: Instant;
  expiresAt: Instant;
  /** The level of assurance an identity provider vouched for (OpenID Connect sessions only). */
  acr: string | null;
  /** Signed in as staff must (password and TOTP, or the staff identity provider). */
  staff: boolean;
}

/**
 * A session signed in strongly: through an OpenID Connect provider, whose `acr` was checked
 * against the required levels when it signed in. Password + TOTP is staff's own strong sign-in
 * but does not identify a patient nationally, so it does not count here.
 */
export const isStrongAuthMethod = (method: AuthMethod): boolean => method === 'oidc';

/** Creates a session and returns the cookie token (only its hash is stored). */
export async function createSession(
  db: Queryable,
  input: {
    userId: UserId;
    authMethod: AuthMethod;
    now: Instant;
    absoluteMs: number;
    /** The identity provider's `acr` (OpenID Connect only). */
    acr?: string | null;
    /** Grants staff rights: only password + TOTP and the staff identity provider may. */
    staff?: boolean;
  },
): Promise<string> {
  const token = newToken();
  await db.query(
    `INSERT INTO sessions (token_hash, user_id, auth_method, created_at, last_seen_at, expires_at, acr, staff)
     VALUES ($1, $2, $3, to_timestamp($4 / 1000.0), to_timestamp($4 / 1000.0), to_timestamp($5 / 1000.0), $6, $7)`,
    [
      sha256(token),
      input.userId,
      input.authMethod,
      input.now,
      input.now + input.absoluteMs,
      input.acr ?? null,
      input.staff ?? false,
    ],
  );
  return token;
}

/**
 * The live session for a cookie token, or null when unknown, past its absolute expiry, or idle
 * for longer than `idleMs`. Expired rows are deleted on the way.
 */
export async function findSession(
  db: Queryable,
  token: string,
  now: Instant,
  idleMs: number,
): Promise<SessionRow | null> {
  const hash = sha256(token);
  const { rows } = await db.query<{
    user_id: string;
    auth_method: AuthMethod;
    created_at: Date;
    last_seen_at: Date;
    expires_at: Date;
    acr: string | null;
    staff: boolean;
  }>({
    name: 'find-session',
    text: 'SELECT user_id, auth_method, created_at, last_seen_at, expires_at, acr, staff FROM sessions WHERE token_hash = $1',
    values: [hash],
  });
  const row = rows[0];
  if (!row) return null;
  const lastSeenAt = row.last_seen_at.getTime() as Instant;
  const expiresAt = row.expires_at.getTime() as Instant;
  if (expiresAt <= now || lastSeenAt + idleMs <= now) {
    await db.query('DELETE FROM sessions WHERE token_hash = $1', [hash]);
    return null;
  }
  return {
    tokenHash: hash,
    userId: row.user_id as UserId,
    authMethod: row.auth_method,
    createdAt: row.created_at.getTime() as Instant,
    lastSeenAt,
    expiresAt,
    acr: row.acr,
    staff: row.staff,
  };
}

/** Moves the idle timer; written at most once a minute per session to spare the database. */
export async function touchSession(
  db: Queryable,
  session: SessionRow,
  now: Instant,
): Promise<void> {
  if (now - session.lastSeenAt < 60_000) return;
  await db.query(
    'UPDATE sessions SET last_seen_at = to_timestamp($2 / 1000.0) WHERE token_hash = $1',
    [session.tokenHash, now],
  );
}

/** The hex SHA-256 of a cookie token: how the bus names a session (never the token itself). */
export const sessionTokenHash = (token: string): string => sha256(token).toString('hex');

/**
 * Of the sessions named by `tokenHashes` (hex), those still live at `now`; the expired ones
 * among them are deleted on the way (which announces their end to every instance). One query
 * for any number of sessions: the signaling sweep asks it for all of its sockets at once.
 */
export async function keepLiveSessions(
  db: Queryable,
  tokenHashes: readonly string[],
  now: Instant,
  idleMs: number,
): Promise<Set<string>> {
  if (tokenHashes.length === 0) return new Set();
  // The outer SELECT sees the rows as they were before the DELETE, so it leaves out the expired.
  const { rows } = await db.query<{ hash: string }>(
    `WITH asked AS (SELECT decode(h, 'hex') AS token_hash FROM unnest($1::text[]) AS h),
          expired AS (
            DELETE FROM sessions s USING asked a
             WHERE s.token_hash = a.token_hash
               AND (s.expires_at <= to_timestamp($2 / 1000.0)
                    OR s.last_seen_at <= to_timestamp(($2 - $3) / 1000.0))
            RETURNING s.token_hash)
     SELECT encode(s.token_hash, 'hex') AS hash FROM sessions s JOIN asked a USING (token_hash)
      WHERE s.token_hash NOT IN (SELECT token_hash FROM expired)`,
    [tokenHashes, now, idleMs],
  );
  return new Set(rows.map((r) => r.hash));
}

/** Ends the session of a cookie token (sign-out); its sockets close on every instance. */
export async function deleteSession(db: Queryable, token: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1', [sha256(token)]);
}

/**
 * Deletes expired sessions (their sockets close on every instance), and with them expired sign-ins still under way (staff waiting for
 * their second step, OpenID Connect round trips never finished). Returns the sessions deleted.
 */
export async function deleteExpiredSessions(
  db: Queryable,
  now: Instant,
  idleMs: number,
): Promise<number> {
  const { rowCount } = await db.query(
    `DELETE FROM sessions WHERE expires_at <= to_timestamp($1 / 1000.0)
        OR last_seen_at <= to_timestamp(($1 - $2) / 1000.0)`,
    [now, idleMs],
  );
  await db.query('DELETE FROM pending_sign_ins WHERE expires_at <= to_timestamp($1 / 1000.0)', [
    now,
  ]);
  await db.query('DELETE FROM oidc_requests WHERE expires_at <= to_timestamp($1 / 1000.0)', [now]);
  return rowCount ?? 0;
}
