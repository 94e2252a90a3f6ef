import type { Queryable } from '../db/pool';
import { isStrongAuthMethod, type AuthMethod } from '../db/sessions';
import { fail } from '../core/errors';

/** The clinic requires strong (OpenID Connect) sign-in for video consultations. */
export async function clinicRequiresStrongAuth(db: Queryable, clinicId: string): Promise<boolean> {
  const { rows } = await db.query<{ required: boolean }>(
    'SELECT require_strong_auth_for_video AS required FROM clinics WHERE id = $1',
    [clinicId],
  );
  return rows[0]?.required ?? false;
}

/**
 * Whether a patient signed in with `authMethod` may enter a video consultation at the clinic:
 * always, unless the clinic requires strong sign-in and the session is not an OpenID Connect one.
 */
export async function mayEnterVideo(
  db: Queryable,
  authMethod: AuthMethod,
  clinicId: string,
): Promise<boolean> {
  return isStrongAuthMethod(authMethod) || !(await clinicRequiresStrongAuth(db, clinicId));
}

/** 403 `strong_auth_required` when {@link mayEnterVideo} says no. */
export async function requireStrongAuthForVideo(
  db: Queryable,
  authMethod: AuthMethod,
  clinicId: string,
): Promise<void> {
  if (!(await mayEnterVideo(db, authMethod, clinicId))) throw fail('strong_auth_required');
}
