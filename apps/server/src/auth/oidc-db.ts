import type { Locale } from '@visitt/contracts';
import type { Instant, UserId } from '@visitt/domain';
import type { Queryable } from '../db/pool';

/** The two identity providers, as `user_identities.provider` and `oidc_requests.provider` name them. */
export type IdentityProvider = 'patient_oidc' | 'staff_oidc';

/** An OpenID Connect round trip under way, found by its state. */
export interface OidcRequestRow {
  codeVerifier: string;
  nonce: string;
  returnTo: string;
  linkUserId: UserId | null;
  expiresAt: Instant;
}

export async function insertOidcRequest(
  db: Queryable,
  input: {
    stateHash: Buffer;
    provider: IdentityProvider;
    codeVerifier: string;
    nonce: string;
    returnTo: string;
    linkUserId: UserId | null;
    now: Instant;
    expiresAt: Instant;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO oidc_requests (state_hash, provider, code_verifier, nonce, return_to, link_user_id, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, to_timestamp($7 / 1000.0), to_timestamp($8 / 1000.0))`,
    [
      input.stateHash,
      input.provider,
      input.codeVerifier,
      input.nonce,
      input.returnTo,
      input.linkUserId,
      input.now,
      input.expiresAt,
    ],
  );
}

/**
 * Takes (deletes and returns) the request of a state: a state works once, whatever happens next.
 * Null when unknown, of the other provider, or expired.
 */
export async function takeOidcRequest(
  db: Queryable,
  stateHash: Buffer,
  provider: IdentityProvider,
  now: Instant,
): Promise<OidcRequestRow | null> {
  const { rows } = await db.query<{
    code_verifier: string;
    nonce: string;
    return_to: string;
    link_user_id: string | null;
    expires_at: Date;
  }>(
    `DELETE FROM oidc_requests WHERE state_hash = $1 AND provider = $2
     RETURNING code_verifier, nonce, return_to, link_user_id, expires_at`,
    [stateHash, provider],
  );
  const row = rows[0];
  if (!row || row.expires_at.getTime() <= now) return null;
  return {
    codeVerifier: row.code_verifier,
    nonce: row.nonce,
    returnTo: row.return_to,
    linkUserId: row.link_user_id as UserId | null,
    expiresAt: row.expires_at.getTime() as Instant,
  };
}

/** The user an identity belongs to (its last use is recorded), or null. */
export async function useIdentity(
  db: Queryable,
  provider: IdentityProvider,
  subjectHash: Buffer,
  now: Instant,
): Promise<UserId | null> {
  const { rows } = await db.query<{ user_id: string }>(
    `UPDATE user_identities SET last_used_at = to_timestamp($3 / 1000.0)
      WHERE provider = $1 AND subject_hash = $2 RETURNING user_id`,
    [provider, subjectHash, now],
  );
  return (rows[0]?.user_id as UserId | undefined) ?? null;
}

/**
 * Links an identity to a user. Returns false when the identity already belongs to someone (a
 * concurrent sign-in may have linked it first).
 */
export async function linkIdentity(
  db: Queryable,
  provider: IdentityProvider,
  subjectHash: Buffer,
  userId: UserId,
  now: Instant,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `INSERT INTO user_identities (provider, subject_hash, user_id, created_at, last_used_at)
     VALUES ($1, $2, $3, to_timestamp($4 / 1000.0), to_timestamp($4 / 1000.0))
     ON CONFLICT (provider, subject_hash) DO NOTHING`,
    [provider, subjectHash, userId, now],
  );
  return (rowCount ?? 0) > 0;
}

/** Whether the user already has an identity of this provider (one per person and provider). */
export async function hasIdentity(
  db: Queryable,
  provider: IdentityProvider,
  userId: UserId,
): Promise<boolean> {
  const { rows } = await db.query(
    'SELECT 1 FROM user_identities WHERE provider = $1 AND user_id = $2 LIMIT 1',
    [provider, userId],
  );
  return rows.length > 0;
}

/** A new user known only by an identity: no e-mail or mobile number until they add one. */
export async function insertIdentityUser(
  db: Queryable,
  input: { name: string | null; locale: Locale; now: Instant },
): Promise<UserId> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO users (name, locale, created_at, updated_at)
     VALUES ($1, $2, to_timestamp($3 / 1000.0), to_timestamp($3 / 1000.0)) RETURNING id`,
    [input.name, input.locale, input.now],
  );
  return rows[0]!.id as UserId;
}
