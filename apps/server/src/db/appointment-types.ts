import { toType, type AppointmentTypeRow, type TypeDbRow } from './clinics';
import type { Queryable } from './pool';

/**
 * A type as the administration sees it: `practitionerIds` holds every linked practitioner, active
 * or not (a deactivated one keeps the link for later).
 */
export type AdminTypeRow = AppointmentTypeRow;

const ADMIN_TYPE_SELECT = `
  SELECT t.id, t.clinic_id, t.name, t.description, t.duration_minutes, t.slot_step_minutes, t.modality,
         t.minimum_notice_minutes, t.horizon_days, t.cancellation_deadline_minutes, t.bookable_online, t.active,
         ARRAY(SELECT tp.practitioner_id FROM appointment_type_practitioners tp
                WHERE tp.appointment_type_id = t.id ORDER BY tp.practitioner_id) AS practitioner_ids
    FROM appointment_types t`;

/** Every type of the clinic, active ones first, in the clinic's order. */
export async function listAdminTypes(db: Queryable, clinicId: string): Promise<AdminTypeRow[]> {
  const { rows } = await db.query<TypeDbRow>(
    `${ADMIN_TYPE_SELECT} WHERE t.clinic_id = $1 ORDER BY t.active DESC, t.sort_order, t.name, t.id`,
    [clinicId],
  );
  return rows.map(toType);
}

/** One type if it belongs to the clinic; with `lock`, held until the transaction ends. */
export async function findAdminType(
  db: Queryable,
  clinicId: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<AdminTypeRow | null> {
  const { rows } = await db.query<TypeDbRow>(
    `${ADMIN_TYPE_SELECT} WHERE t.id = $1 AND t.clinic_id = $2${options.lock ? ' FOR UPDATE OF t' : ''}`,
    [id, clinicId],
  );
  return rows[0] ? toType(rows[0]) : null;
}

/** What an administrator sets on an appointment type (the row without ids and practitioners). */
export type TypeFields = Omit<AppointmentTypeRow, 'id' | 'clinicId' | 'practitionerIds'>;

const typeValues = (f: TypeFields) => [
  f.name,
  f.description,
  f.durationMinutes,
  f.slotStepMinutes,
  f.modality,
  f.minimumNoticeMinutes,
  f.horizonDays,
  f.cancellationDeadlineMinutes,
  f.bookableOnline,
  f.active,
];

/** Adds a type to the clinic, last in the clinic's order, and returns its id. */
export async function insertType(
  db: Queryable,
  clinicId: string,
  fields: TypeFields,
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO appointment_types (name, description, duration_minutes, slot_step_minutes, modality,
                                    minimum_notice_minutes, horizon_days, cancellation_deadline_minutes,
                                    bookable_online, active, clinic_id, sort_order)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11,
             (SELECT coalesce(max(sort_order) + 1, 0) FROM appointment_types WHERE clinic_id = $11))
     RETURNING id`,
    [...typeValues(fields), clinicId],
  );
  return rows[0]!.id;
}

/** Replaces the type's fields; its practitioners are set by `replaceTypePractitioners`. */
export async function updateType(db: Queryable, id: string, fields: TypeFields): Promise<void> {
  await db.query(
    `UPDATE appointment_types SET name = $1, description = $2, duration_minutes = $3, slot_step_minutes = $4,
            modality = $5, minimum_notice_minutes = $6, horizon_days = $7, cancellation_deadline_minutes = $8,
            bookable_online = $9, active = $10
      WHERE id = $11`,
    [...typeValues(fields), id],
  );
}

/** Links exactly `practitionerIds` to the type: links not in it are dropped, new ones added. */
export async function replaceTypePractitioners(
  db: Queryable,
  typeId: string,
  practitionerIds: readonly string[],
): Promise<void> {
  await db.query(
    'DELETE FROM appointment_type_practitioners WHERE appointment_type_id = $1 AND NOT (practitioner_id = ANY($2::uuid[]))',
    [typeId, practitionerIds],
  );
  await db.query(
    `INSERT INTO appointment_type_practitioners (appointment_type_id, practitioner_id)
     SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
    [typeId, practitionerIds],
  );
}

/** Which of `ids` are not practitioner rows of the clinic. */
export async function foreignPractitioners(
  db: Queryable,
  clinicId: string,
  ids: readonly string[],
): Promise<string[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM unnest($2::uuid[]) AS given(id)
      WHERE NOT EXISTS (SELECT 1 FROM practitioners p WHERE p.id = given.id AND p.clinic_id = $1)`,
    [clinicId, ids],
  );
  return rows.map((r) => r.id);
}

/**
 * Deletes a type nobody has booked; one with appointments (any status) is deactivated instead,
 * because the appointments still refer to it.
 */
export async function deleteOrDeactivateType(
  db: Queryable,
  id: string,
): Promise<'deleted' | 'deactivated'> {
  const { rows } = await db.query<{ used: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM appointments WHERE appointment_type_id = $1) AS used',
    [id],
  );
  if (rows[0]?.used) {
    await db.query('UPDATE appointment_types SET active = false WHERE id = $1', [id]);
    return 'deactivated';
  }
  await db.query('DELETE FROM appointment_types WHERE id = $1', [id]);
  return 'deleted';
}
