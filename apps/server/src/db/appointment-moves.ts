import type { Instant, UserId } from '@visitt/domain';
import { practitionerLockSql } from './appointments';
import type { Queryable, Tx } from './pool';

/** The appointment's type and patient, or null when there is no such appointment. */
export async function findAppointmentTypeAndPatient(
  db: Queryable,
  id: string,
): Promise<{ appointmentTypeId: string; patientId: UserId } | null> {
  const { rows } = await db.query<{ appointment_type_id: string; patient_id: string }>(
    'SELECT appointment_type_id, patient_id FROM appointments WHERE id = $1',
    [id],
  );
  const row = rows[0];
  return row
    ? { appointmentTypeId: row.appointment_type_id, patientId: row.patient_id as UserId }
    : null;
}

/**
 * Locks an appointment to move it: first queues with the bookings of its practitioner (see
 * practitionerLockSql), then locks the row. Returns its version and status, or null when gone.
 */
export async function lockAppointmentForMove(
  tx: Tx,
  id: string,
  practitionerId: string,
): Promise<{ version: number; status: string } | null> {
  await tx.query(`SELECT ${practitionerLockSql('$1')}`, [practitionerId]);
  const { rows } = await tx.query<{ version: number; status: string }>(
    'SELECT version, status FROM appointments WHERE id = $1 FOR UPDATE',
    [id],
  );
  return rows[0] ?? null;
}

/** Gives the appointment its new time and version. */
export async function updateAppointmentTime(
  tx: Queryable,
  id: string,
  change: { start: Instant; end: Instant; version: number; now: Instant },
): Promise<void> {
  await tx.query(
    `UPDATE appointments SET starts_at = to_timestamp($2 / 1000.0), ends_at = to_timestamp($3 / 1000.0),
            version = $4, updated_at = to_timestamp($5 / 1000.0) WHERE id = $1`,
    [id, change.start, change.end, change.version, change.now],
  );
}
