import type { PractitionerId, UserId } from '@visitt/domain';
import type { Queryable } from './pool';

/**
 * The user's practitioner row at the clinic, made active (and created when missing); a name or
 * title given replaces the old one.
 */
export async function ensurePractitioner(
  db: Queryable,
  clinicId: string,
  userId: string,
  name: string,
  title: string | null,
  options: { keepName?: boolean } = {},
): Promise<PractitionerId> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO practitioners AS p (clinic_id, user_id, name, title, active) VALUES ($1, $2, $3, $4, true)
     ON CONFLICT (clinic_id, user_id) DO UPDATE
        SET active = true,
            name = CASE WHEN $5 THEN p.name ELSE EXCLUDED.name END,
            title = CASE WHEN $5 THEN p.title ELSE coalesce(EXCLUDED.title, p.title) END
     RETURNING id`,
    [clinicId, userId, name, title, options.keepName ?? false],
  );
  return rows[0]!.id as PractitionerId;
}

/** Turns the user's practitioner row at the clinic on or off (no-op when there is none). */
export async function setPractitionerActive(
  db: Queryable,
  clinicId: string,
  userId: string,
  active: boolean,
): Promise<void> {
  await db.query('UPDATE practitioners SET active = $3 WHERE clinic_id = $1 AND user_id = $2', [
    clinicId,
    userId,
    active,
  ]);
}

export interface ClinicPractitionerRow {
  id: PractitionerId;
  name: string;
  title: string | null;
  active: boolean;
  userId: UserId | null;
}

/** Every practitioner row of the clinic, with or without a user account, active ones first. */
export async function listClinicPractitioners(
  db: Queryable,
  clinicId: string,
): Promise<ClinicPractitionerRow[]> {
  const { rows } = await db.query<{
    id: string;
    name: string;
    title: string | null;
    active: boolean;
    user_id: string | null;
  }>(
    `SELECT id, name, title, active, user_id FROM practitioners WHERE clinic_id = $1
      ORDER BY active DESC, lower(name), id`,
    [clinicId],
  );
  return rows.map((r) => ({
    id: r.id as PractitionerId,
    name: r.name,
    title: r.title,
    active: r.active,
    userId: r.user_id as UserId | null,
  }));
}

/** One practitioner row if it belongs to the clinic (active or not); null otherwise. */
export async function findClinicPractitioner(
  db: Queryable,
  clinicId: string,
  practitionerId: string,
  options: { lock?: boolean } = {},
): Promise<ClinicPractitionerRow | null> {
  const { rows } = await db.query<{
    id: string;
    name: string;
    title: string | null;
    active: boolean;
    user_id: string | null;
  }>(
    `SELECT id, name, title, active, user_id FROM practitioners WHERE id = $1 AND clinic_id = $2
     ${options.lock ? 'FOR NO KEY UPDATE' : ''}`,
    [practitionerId, clinicId],
  );
  const r = rows[0];
  return r
    ? {
        id: r.id as PractitionerId,
        name: r.name,
        title: r.title,
        active: r.active,
        userId: r.user_id as UserId | null,
      }
    : null;
}

/**
 * Gives the clinic's practitioner row `practitionerId`, still without an account, to `userId`
 * (named and titled as given when given), so its hours and appointments become theirs.
 * The row stays active or inactive as it was: an inactive practitioner is not bookable, and
 * accepting an invitation must not make them so behind the administrator's back (they make a
 * member's practitioner row active by updating the member).
 * Returns false and changes nothing when the row is gone, already has a user, or the user
 * already has a practitioner row at the clinic.
 */
export async function linkPractitioner(
  db: Queryable,
  clinicId: string,
  practitionerId: string,
  userId: string,
  name: string | null,
  title: string | null,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE practitioners p
        SET user_id = $3, name = coalesce($4, p.name), title = coalesce($5, p.title)
      WHERE p.id = $1 AND p.clinic_id = $2 AND p.user_id IS NULL
        AND NOT EXISTS (SELECT 1 FROM practitioners o WHERE o.clinic_id = $2 AND o.user_id = $3)`,
    [practitionerId, clinicId, userId, name, title],
  );
  return rowCount === 1;
}
