import type { UserId } from '@visitt/domain';
import type { Queryable } from '../db/pool';
import { fail } from '../core/errors';

/**
 * Who the user is for one of a clinic's appointments: its practitioner, an administrator of the
 * clinic, or nobody (null: answer 404, as for an appointment that does not exist).
 */
export async function staffRoleFor(
  db: Queryable,
  userId: UserId,
  clinicId: string,
  practitionerId: string,
): Promise<'practitioner' | 'admin' | null> {
  const { rows } = await db.query<{ is_admin: boolean; is_practitioner: boolean }>(
    `SELECT 'admin' = ANY(m.roles) AS is_admin,
            EXISTS (SELECT 1 FROM practitioners p WHERE p.id = $3 AND p.user_id = m.user_id AND p.active
                      AND 'practitioner' = ANY(m.roles)) AS is_practitioner
       FROM clinic_memberships m
      WHERE m.user_id = $1 AND m.clinic_id = $2 AND m.active`,
    [userId, clinicId, practitionerId],
  );
  const row = rows[0];
  if (!row) return null;
  if (row.is_practitioner) return 'practitioner';
  return row.is_admin ? 'admin' : null;
}

/**
 * Administrators of the clinic pass; other staff of the clinic get 403; anyone else 404, as if
 * the clinic did not exist.
 */
export async function requireClinicAdmin(
  db: Queryable,
  userId: UserId,
  clinicId: string,
): Promise<void> {
  const { rows } = await db.query<{ is_admin: boolean }>(
    `SELECT 'admin' = ANY(roles) AS is_admin FROM clinic_memberships WHERE user_id = $1 AND clinic_id = $2 AND active`,
    [userId, clinicId],
  );
  if (!rows[0]) throw fail('not_found');
  if (!rows[0].is_admin) throw fail('forbidden', 'Only the clinic’s administrators may do this.');
}
