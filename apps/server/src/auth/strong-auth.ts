import type { Queryable } from '../db/pool';

/**
 * The clinic requires strong (OpenID Connect) sign-in for video consultations. What that means
 * for a session is the domain's rule (`canStartRoom`, `canJoinRoom`): this only reads the setting.
 */
export async function clinicRequiresStrongAuth(db: Queryable, clinicId: string): Promise<boolean> {
  const { rows } = await db.query<{ required: boolean }>(
    'SELECT require_strong_auth_for_video AS required FROM clinics WHERE id = $1',
    [clinicId],
  );
  return rows[0]?.required ?? false;
}
