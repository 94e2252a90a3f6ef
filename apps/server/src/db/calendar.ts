import type { AppointmentStatus, Modality } from '@visitt/contracts';
import type { Instant, UserId } from '@visitt/domain';
import type { Queryable } from './pool';

/** What an appointment's details add to the workspace's row: its history. */
export interface AppointmentHistory {
  createdAt: Instant;
  cancelledAt: Instant | null;
  cancelledBy: 'patient' | 'clinic' | null;
  cancellationMessage: string | null;
  statusChangedAt: Instant | null;
  statusChangedBy: { userId: UserId; name: string | null } | null;
}

export async function findAppointmentHistory(
  db: Queryable,
  id: string,
): Promise<AppointmentHistory | null> {
  const { rows } = await db.query<{
    created_at: Date;
    cancelled_at: Date | null;
    cancelled_by: string | null;
    patient_id: string;
    cancellation_message: string | null;
    status_changed_at: Date | null;
    status_changed_by: string | null;
    changed_by_name: string | null;
  }>(
    `SELECT a.created_at, a.cancelled_at, a.cancelled_by, a.patient_id, a.cancellation_message,
            a.status_changed_at, a.status_changed_by, u.name AS changed_by_name
       FROM appointments a LEFT JOIN users u ON u.id = a.status_changed_by
      WHERE a.id = $1`,
    [id],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    createdAt: r.created_at.getTime() as Instant,
    cancelledAt: r.cancelled_at ? (r.cancelled_at.getTime() as Instant) : null,
    cancelledBy: r.cancelled_at ? (r.cancelled_by === r.patient_id ? 'patient' : 'clinic') : null,
    cancellationMessage: r.cancellation_message,
    statusChangedAt: r.status_changed_at ? (r.status_changed_at.getTime() as Instant) : null,
    statusChangedBy: r.status_changed_by
      ? { userId: r.status_changed_by as UserId, name: r.changed_by_name }
      : null,
  };
}

/** An appointment's row locked until the end of the transaction, with what changing it needs. */
export interface LockedAppointment {
  id: string;
  status: AppointmentStatus;
  modality: Modality;
  start: Instant;
  end: Instant;
  clinicId: string;
  patientId: UserId;
}

export async function lockAppointment(
  db: Queryable,
  id: string,
): Promise<LockedAppointment | null> {
  const { rows } = await db.query<{
    id: string;
    status: AppointmentStatus;
    modality: Modality;
    starts_at: Date;
    ends_at: Date;
    clinic_id: string;
    patient_id: string;
  }>(
    `SELECT id, status, modality, starts_at, ends_at, clinic_id, patient_id
       FROM appointments WHERE id = $1 FOR UPDATE`,
    [id],
  );
  const r = rows[0];
  return r
    ? {
        id: r.id,
        status: r.status,
        modality: r.modality,
        start: r.starts_at.getTime() as Instant,
        end: r.ends_at.getTime() as Instant,
        clinicId: r.clinic_id,
        patientId: r.patient_id as UserId,
      }
    : null;
}

/** Marks an appointment completed or no-show, with who did it (null: the system) and when. */
export async function markStatus(
  db: Queryable,
  id: string,
  status: 'completed' | 'no_show',
  by: string | null,
  now: Instant,
): Promise<void> {
  await db.query(
    `UPDATE appointments SET status = $2, status_changed_by = $3, status_changed_at = to_timestamp($4 / 1000.0),
            updated_at = to_timestamp($4 / 1000.0)
      WHERE id = $1`,
    [id, status, by, now],
  );
}

/** The clinic cancels: the message for the patient is kept with the appointment. */
export async function markCancelledByClinic(
  db: Queryable,
  id: string,
  by: string,
  message: string,
  now: Instant,
): Promise<void> {
  await db.query(
    `UPDATE appointments SET status = 'cancelled', cancelled_at = to_timestamp($4 / 1000.0), cancelled_by = $2,
            cancellation_message = $3, updated_at = to_timestamp($4 / 1000.0)
      WHERE id = $1`,
    [id, by, message, now],
  );
}
