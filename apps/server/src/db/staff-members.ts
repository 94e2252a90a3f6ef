import type { StaffRole } from '@visitt/contracts';
import type { Instant, PractitionerId, UserId } from '@visitt/domain';
import type { Queryable } from './pool';

export interface MemberRow {
  userId: UserId;
  name: string | null;
  email: string | null;
  roles: StaffRole[];
  active: boolean;
  deactivatedAt: Instant | null;
  createdAt: Instant;
  authenticator: boolean;
  practitioner: { id: PractitionerId; name: string; title: string | null; active: boolean } | null;
}

type MemberDbRow = {
  user_id: string;
  name: string | null;
  email: string | null;
  roles: StaffRole[];
  active: boolean;
  deactivated_at: Date | null;
  created_at: Date;
  authenticator: boolean;
  p_id: string | null;
  p_name: string | null;
  p_title: string | null;
  p_active: boolean | null;
};

const MEMBER_SELECT = `
  SELECT m.user_id, u.name, u.email, m.roles, m.active, m.deactivated_at, m.created_at,
         EXISTS (SELECT 1 FROM staff_totp t WHERE t.user_id = m.user_id AND t.confirmed_at IS NOT NULL)
           AS authenticator,
         p.id AS p_id, p.name AS p_name, p.title AS p_title, p.active AS p_active
    FROM clinic_memberships m
    JOIN users u ON u.id = m.user_id
    LEFT JOIN practitioners p ON p.clinic_id = m.clinic_id AND p.user_id = m.user_id`;

const toMember = (r: MemberDbRow): MemberRow => ({
  userId: r.user_id as UserId,
  name: r.name,
  email: r.email,
  roles: r.roles,
  active: r.active,
  deactivatedAt: r.deactivated_at ? (r.deactivated_at.getTime() as Instant) : null,
  createdAt: r.created_at.getTime() as Instant,
  authenticator: r.authenticator,
  practitioner: r.p_id
    ? {
        id: r.p_id as PractitionerId,
        name: r.p_name!,
        title: r.p_title,
        active: r.p_active === true,
      }
    : null,
});

/** Every member of the clinic, active ones first, then by name. */
export async function listMembers(db: Queryable, clinicId: string): Promise<MemberRow[]> {
  const { rows } = await db.query<MemberDbRow>(
    `${MEMBER_SELECT} WHERE m.clinic_id = $1
      ORDER BY m.active DESC, lower(coalesce(p.name, u.name, u.email)), m.user_id`,
    [clinicId],
  );
  return rows.map(toMember);
}

/** One member of the clinic (active or not), or null. */
export async function findMember(
  db: Queryable,
  clinicId: string,
  userId: string,
): Promise<MemberRow | null> {
  const { rows } = await db.query<MemberDbRow>(
    `${MEMBER_SELECT} WHERE m.clinic_id = $1 AND m.user_id = $2`,
    [clinicId, userId],
  );
  return rows[0] ? toMember(rows[0]) : null;
}

/**
 * Locks the clinic's memberships until the transaction ends and returns how many active
 * administrators it has apart from `exceptUserId`: two administrators demoting each other at
 * once cannot both succeed.
 */
export async function otherActiveAdmins(
  db: Queryable,
  clinicId: string,
  exceptUserId: string,
): Promise<number> {
  const { rows } = await db.query<{ user_id: string; is_admin: boolean; active: boolean }>(
    `SELECT user_id, 'admin' = ANY(roles) AS is_admin, active
       FROM clinic_memberships WHERE clinic_id = $1 FOR UPDATE`,
    [clinicId],
  );
  return rows.filter((r) => r.user_id !== exceptUserId && r.is_admin && r.active).length;
}

/**
 * Sets the member's roles and whether they are active; deactivating keeps the first
 * deactivation time, reactivating clears it.
 */
export async function updateMembership(
  db: Queryable,
  clinicId: string,
  userId: string,
  change: { roles: readonly StaffRole[]; active: boolean },
  now: Instant,
): Promise<void> {
  await db.query(
    `UPDATE clinic_memberships
        SET roles = $3, active = $4,
            deactivated_at = CASE WHEN $4 THEN NULL
                                  ELSE coalesce(deactivated_at, to_timestamp($5 / 1000.0)) END
      WHERE clinic_id = $1 AND user_id = $2`,
    [clinicId, userId, change.roles, change.active, now],
  );
}

/**
 * Makes the user active staff with `roles`: a new membership, or an existing one reactivated.
 * An active member keeps the roles they had and gains the new ones.
 */
export async function upsertMembership(
  db: Queryable,
  clinicId: string,
  userId: string,
  roles: readonly StaffRole[],
  now: Instant,
): Promise<StaffRole[]> {
  const { rows } = await db.query<{ roles: StaffRole[] }>(
    `INSERT INTO clinic_memberships AS m (clinic_id, user_id, roles, active, created_at)
     VALUES ($1, $2, $3, true, to_timestamp($4 / 1000.0))
     ON CONFLICT (clinic_id, user_id) DO UPDATE
        SET roles = CASE WHEN m.active
                         THEN ARRAY(SELECT DISTINCT r FROM unnest(m.roles || EXCLUDED.roles) AS r ORDER BY r)
                         ELSE EXCLUDED.roles END,
            active = true, deactivated_at = NULL
     RETURNING roles`,
    [clinicId, userId, roles, now],
  );
  return rows[0]!.roles;
}

/** Ends every session of the user (and any sign-in half done), on every device, at once. */
export async function endUserSessions(db: Queryable, userId: string): Promise<number> {
  const { rowCount } = await db.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
  await db.query('DELETE FROM pending_sign_ins WHERE user_id = $1', [userId]);
  return rowCount ?? 0;
}

/**
 * Removes the user's authenticator app and recovery codes: the next staff sign-in sets up a new
 * one. Returns whether there was one.
 */
export async function removeAuthenticator(db: Queryable, userId: string): Promise<boolean> {
  const { rowCount } = await db.query('DELETE FROM staff_totp WHERE user_id = $1', [userId]);
  await db.query('DELETE FROM recovery_codes WHERE user_id = $1', [userId]);
  return (rowCount ?? 0) > 0;
}

/** Whether the address belongs to an active member of the clinic. */
export async function isActiveMemberByEmail(
  db: Queryable,
  clinicId: string,
  email: string,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `SELECT 1 FROM clinic_memberships m JOIN users u ON u.id = m.user_id
      WHERE m.clinic_id = $1 AND u.email = $2 AND m.active`,
    [clinicId, email],
  );
  return (rowCount ?? 0) > 0;
}
