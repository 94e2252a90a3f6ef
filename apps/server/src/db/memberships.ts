import type { UserId } from '@visitt/domain';
import type { ClinicStanding } from '../policies/rules';
import type { Queryable } from './pool';

/**
 * The user's standing at a clinic for the policies: whether they are an active administrator,
 * and whether they are the active practitioner `practitionerId` (when given) with the
 * practitioner role. `null` when they have no active membership there.
 */
export async function findClinicStanding(
  db: Queryable,
  userId: UserId,
  clinicId: string,
  practitionerId: string | null,
): Promise<ClinicStanding | null> {
  const { rows } = await db.query<{ is_admin: boolean; is_practitioner: boolean }>(
    `SELECT 'admin' = ANY(m.roles) AS is_admin,
            EXISTS (SELECT 1 FROM practitioners p
                     WHERE p.id = $3 AND p.user_id = m.user_id AND p.clinic_id = m.clinic_id
                       AND p.active AND 'practitioner' = ANY(m.roles)) AS is_practitioner
       FROM clinic_memberships m
      WHERE m.user_id = $1 AND m.clinic_id = $2 AND m.active`,
    [userId, clinicId, practitionerId],
  );
  const row = rows[0];
  return row ? { isAdmin: row.is_admin, isTheirPractitioner: row.is_practitioner } : null;
}
