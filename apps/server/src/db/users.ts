import type { Locale, Membership, StaffRole } from '@visitt/contracts';
import type { Instant, UserId } from '@visitt/domain';
import type { Queryable } from './pool';

export interface UserRow {
  id: UserId;
  /** The display name: given and family name when both are set (the database keeps it so). */
  name: string | null;
  givenName: string | null;
  familyName: string | null;
  /** `YYYY-MM-DD`. */
  birthDate: string | null;
  email: string | null;
  emailVerifiedAt: Date | null;
  phone: string | null;
  phoneVerifiedAt: Date | null;
  locale: Locale | null;
}

const USER_COLUMNS =
  'id, name, given_name, family_name, birth_date, email, email_verified_at, phone, phone_verified_at, locale';

interface UserDbRow {
  id: string;
  name: string | null;
  given_name: string | null;
  family_name: string | null;
  /** Read as text: the pool leaves dates as `YYYY-MM-DD`. */
  birth_date: string | null;
  email: string | null;
  email_verified_at: Date | null;
  phone: string | null;
  phone_verified_at: Date | null;
  locale: Locale | null;
}

const toUser = (r: UserDbRow): UserRow => ({
  id: r.id as UserId,
  name: r.name,
  givenName: r.given_name,
  familyName: r.family_name,
  birthDate: r.birth_date,
  email: r.email,
  emailVerifiedAt: r.email_verified_at,
  phone: r.phone,
  phoneVerifiedAt: r.phone_verified_at,
  locale: r.locale,
});

export async function findUser(db: Queryable, id: UserId): Promise<UserRow | null> {
  const { rows } = await db.query<UserDbRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [
    id,
  ]);
  return rows[0] ? toUser(rows[0]) : null;
}

export async function findUserLocaleByAddress(
  db: Queryable,
  channel: 'email' | 'sms',
  address: string,
): Promise<Locale | null> {
  const column = channel === 'email' ? 'email' : 'phone';
  const { rows } = await db.query<{ locale: Locale | null }>(
    `SELECT locale FROM users WHERE ${column} = $1`,
    [address],
  );
  return rows[0]?.locale ?? null;
}

/**
 * The user owning this e-mail address or mobile number, created on first sign-in; the address
 * is marked verified, since the person just proved they receive messages there.
 */
export async function upsertVerifiedUser(
  db: Queryable,
  channel: 'email' | 'sms',
  address: string,
  now: Instant,
  locale: Locale,
): Promise<UserId> {
  const column = channel === 'email' ? 'email' : 'phone';
  const verified = channel === 'email' ? 'email_verified_at' : 'phone_verified_at';
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO users (${column}, ${verified}, locale, created_at, updated_at)
     VALUES ($1, to_timestamp($2 / 1000.0), $3, to_timestamp($2 / 1000.0), to_timestamp($2 / 1000.0))
     ON CONFLICT (${column}) DO UPDATE
       SET ${verified} = COALESCE(users.${verified}, EXCLUDED.${verified})
     RETURNING id`,
    [address, now, locale],
  );
  return rows[0]!.id as UserId;
}

/** A staff account that signs in with a password, with what the second step needs to know. */
export interface PasswordUser {
  id: UserId;
  email: string;
  passwordHash: string;
  /** Locked after repeated failures until then (null: not locked, or the lock has run out). */
  lockedUntil: Instant | null;
  /** An authenticator app is set up and confirmed. */
  hasTotp: boolean;
}

/** The active staff account with this e-mail and a password, or null. */
export async function findPasswordUser(
  db: Queryable,
  email: string,
  now: Instant,
): Promise<PasswordUser | null> {
  const { rows } = await db.query<{
    id: string;
    email: string;
    password_hash: string;
    locked_until: Date | null;
    has_totp: boolean;
  }>(
    `SELECT u.id, u.email, u.password_hash, u.locked_until,
            EXISTS (SELECT 1 FROM staff_totp t WHERE t.user_id = u.id AND t.confirmed_at IS NOT NULL) AS has_totp
       FROM users u
      WHERE u.email = $1 AND u.password_hash IS NOT NULL
        AND EXISTS (SELECT 1 FROM clinic_memberships m WHERE m.user_id = u.id AND m.active)`,
    [email],
  );
  const row = rows[0];
  if (!row) return null;
  const lockedUntil = row.locked_until?.getTime() ?? null;
  return {
    id: row.id as UserId,
    email: row.email,
    passwordHash: row.password_hash,
    lockedUntil: lockedUntil !== null && lockedUntil > now ? (lockedUntil as Instant) : null,
    hasTotp: row.has_totp,
  };
}

/** Failed sign-ins in a row (password or second factor) that lock an account. */
export const LOCKOUT_THRESHOLD = 10;
/** How long a lock lasts. */
export const LOCKOUT_MS = 15 * 60_000;

/**
 * Counts a failed sign-in of a known account. The tenth failure in a row, and every one after it
 * until a success, locks the account for {@link LOCKOUT_MS}. Returns the lock's end when locked.
 */
export async function recordFailedSignIn(
  db: Queryable,
  userId: UserId,
  now: Instant,
): Promise<Instant | null> {
  const { rows } = await db.query<{ locked_until: Date | null }>(
    `UPDATE users SET failed_sign_ins = failed_sign_ins + 1,
            locked_until = CASE WHEN failed_sign_ins + 1 >= $2 THEN to_timestamp($3 / 1000.0) ELSE locked_until END
      WHERE id = $1 RETURNING locked_until`,
    [userId, LOCKOUT_THRESHOLD, now + LOCKOUT_MS],
  );
  const until = rows[0]?.locked_until?.getTime() ?? null;
  return until !== null && until > now ? (until as Instant) : null;
}

/** A complete sign-in: the count of failures starts again and any lock ends. */
export async function resetFailedSignIns(db: Queryable, userId: UserId): Promise<void> {
  await db.query(
    'UPDATE users SET failed_sign_ins = 0, locked_until = NULL WHERE id = $1 AND (failed_sign_ins > 0 OR locked_until IS NOT NULL)',
    [userId],
  );
}

/** When the account's lock ends, or null when it is not locked; locks the user's row (FOR UPDATE). */
export async function findLockedUntil(
  db: Queryable,
  userId: UserId,
  now: Instant,
): Promise<Instant | null> {
  const { rows } = await db.query<{ locked_until: Date | null }>(
    'SELECT locked_until FROM users WHERE id = $1 FOR UPDATE',
    [userId],
  );
  const until = rows[0]?.locked_until?.getTime() ?? null;
  return until !== null && until > now ? (until as Instant) : null;
}

/** Whether the user is active staff at some clinic (only staff may link and use HelseID). */
export async function isActiveStaff(db: Queryable, userId: UserId): Promise<boolean> {
  const { rows } = await db.query(
    'SELECT 1 FROM clinic_memberships WHERE user_id = $1 AND active LIMIT 1',
    [userId],
  );
  return rows.length > 0;
}

export async function findMemberships(db: Queryable, userId: UserId): Promise<Membership[]> {
  const { rows } = await db.query<{
    clinic_id: string;
    clinic_name: string;
    roles: StaffRole[];
    practitioner_id: string | null;
  }>(
    `SELECT m.clinic_id, c.name AS clinic_name, m.roles, p.id AS practitioner_id
       FROM clinic_memberships m
       JOIN clinics c ON c.id = m.clinic_id
       LEFT JOIN practitioners p ON p.clinic_id = m.clinic_id AND p.user_id = m.user_id AND p.active
      WHERE m.user_id = $1 AND m.active
      ORDER BY c.name`,
    [userId],
  );
  return rows.map((r) => ({
    clinicId: r.clinic_id,
    clinicName: r.clinic_name,
    roles: r.roles,
    practitionerId: r.practitioner_id,
  }));
}

/** What a user may change about themselves; a field left out keeps its value. */
export interface UserChanges {
  name?: string | undefined;
  givenName?: string | undefined;
  familyName?: string | undefined;
  /** `YYYY-MM-DD`. */
  birthDate?: string | undefined;
  locale?: Locale | undefined;
}

/**
 * Changes the fields given. With given and family name both set, the database writes `name` from
 * them (a trigger), whatever `name` was sent.
 */
export async function updateUser(
  db: Queryable,
  id: UserId,
  changes: UserChanges,
  now: Instant,
): Promise<void> {
  await db.query(
    `UPDATE users SET name = COALESCE($2, name), locale = COALESCE($3, locale),
            given_name = COALESCE($5, given_name), family_name = COALESCE($6, family_name),
            birth_date = COALESCE($7::date, birth_date), updated_at = to_timestamp($4 / 1000.0)
      WHERE id = $1`,
    [
      id,
      changes.name ?? null,
      changes.locale ?? null,
      now,
      changes.givenName ?? null,
      changes.familyName ?? null,
      changes.birthDate ?? null,
    ],
  );
}

/**
 * Fills the parts of the user's profile that are still empty with what an identity provider
 * vouched for (null: not given); what the user already has is kept.
 */
export async function fillMissingProfile(
  db: Queryable,
  id: UserId,
  profile: { givenName: string | null; familyName: string | null; birthDate: string | null },
  now: Instant,
): Promise<void> {
  if (profile.givenName === null && profile.familyName === null && profile.birthDate === null)
    return;
  await db.query(
    `UPDATE users SET given_name = COALESCE(given_name, $2), family_name = COALESCE(family_name, $3),
            birth_date = COALESCE(birth_date, $4::date), updated_at = to_timestamp($5 / 1000.0)
      WHERE id = $1
        AND ((given_name IS NULL AND $2::text IS NOT NULL) OR (family_name IS NULL AND $3::text IS NOT NULL)
             OR (birth_date IS NULL AND $4::date IS NOT NULL))`,
    [id, profile.givenName, profile.familyName, profile.birthDate, now],
  );
}

/**
 * Gives the user `passwordHash` unless they already have a password (an existing account keeps
 * its own); whether the user has a password afterwards.
 */
export async function setPasswordIfNone(
  db: Queryable,
  userId: UserId,
  passwordHash: string | null,
  now: Instant,
): Promise<boolean> {
  const { rows } = await db.query<{ has_password: boolean }>(
    `UPDATE users SET password_hash = coalesce(password_hash, $2::text),
            updated_at = CASE WHEN password_hash IS NULL AND $2::text IS NOT NULL
                              THEN to_timestamp($3 / 1000.0) ELSE updated_at END
      WHERE id = $1
      RETURNING password_hash IS NOT NULL AS has_password`,
    [userId, passwordHash, now],
  );
  return rows[0]?.has_password ?? false;
}
