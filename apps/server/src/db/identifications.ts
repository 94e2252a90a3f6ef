import type { IdentificationMethod, IdPortenLevel, Instant, UserId } from '@visitt/domain';
import type { Queryable } from './pool';

/** How the patient was identified for one consultation, as recorded. */
export interface IdentificationRow {
  readonly method: IdentificationMethod;
  readonly level: IdPortenLevel | null;
  /** Who recorded it; null when it recorded itself from the patient's ID-porten sign-in. */
  readonly recordedBy: { readonly userId: UserId; readonly name: string | null } | null;
  readonly recordedAt: Instant;
}

/** The identification recorded for `appointmentId`, if any. */
export async function findIdentification(
  db: Queryable,
  appointmentId: string,
): Promise<IdentificationRow | null> {
  const { rows } = await db.query<{
    method: IdentificationMethod;
    level: IdPortenLevel | null;
    recorded_by: string | null;
    recorded_by_name: string | null;
    recorded_at: Date;
  }>(
    `SELECT i.method, i.level, i.recorded_by, u.name AS recorded_by_name, i.recorded_at
       FROM appointment_identifications i
       LEFT JOIN users u ON u.id = i.recorded_by
      WHERE i.appointment_id = $1`,
    [appointmentId],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    method: row.method,
    level: row.level,
    recordedBy: row.recorded_by
      ? { userId: row.recorded_by as UserId, name: row.recorded_by_name }
      : null,
    recordedAt: row.recorded_at.getTime() as Instant,
  };
}

/**
 * Records (or corrects) how the patient was identified for `appointmentId`. `recordedBy` null is
 * the automatic record of an ID-porten sign-in, which never replaces what a practitioner recorded.
 */
export async function saveIdentification(
  db: Queryable,
  input: {
    appointmentId: string;
    method: IdentificationMethod;
    level: IdPortenLevel | null;
    recordedBy: UserId | null;
    now: Instant;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO appointment_identifications AS i (appointment_id, method, level, recorded_by, recorded_at)
     VALUES ($1, $2, $3, $4, to_timestamp($5 / 1000.0))
     ON CONFLICT (appointment_id) DO UPDATE
        SET method = EXCLUDED.method, level = EXCLUDED.level,
            recorded_by = EXCLUDED.recorded_by,
            -- the sign-in's record keeps its first time when the patient starts again
            recorded_at = CASE WHEN EXCLUDED.recorded_by IS NULL AND i.recorded_by IS NULL
                               THEN i.recorded_at ELSE EXCLUDED.recorded_at END
      WHERE EXCLUDED.recorded_by IS NOT NULL OR i.recorded_by IS NULL`,
    [input.appointmentId, input.method, input.level, input.recordedBy, input.now],
  );
}

/**
 * Whether an earlier consultation of the patient's at the clinic (one that started before
 * `before`) identified them, as the domain's `identifies` reads it: then the practitioner is not
 * asked again.
 */
export async function wasIdentifiedBefore(
  db: Queryable,
  input: { clinicId: string; patientId: string; before: Instant },
): Promise<boolean> {
  const { rows } = await db.query(
    `SELECT 1
       FROM appointments a
       JOIN appointment_identifications i ON i.appointment_id = a.id
      WHERE a.clinic_id = $1 AND a.patient_id = $2 AND a.starts_at < to_timestamp($3 / 1000.0)
        AND (i.method <> 'id_porten' OR i.level = 'high')
      LIMIT 1`,
    [input.clinicId, input.patientId, input.before],
  );
  return rows.length > 0;
}
