import type { AppointmentStatus, Modality } from '@visitt/contracts';
import type {
  PlannedNotification,
  AppointmentId,
  AppointmentTypeId,
  ClinicId,
  Instant,
  PractitionerId,
  TimeZoneId,
  UserId,
} from '@visitt/domain';
import { plannedArrays, plannedRowsSql } from './notifications';
import type { Queryable } from './pool';

/** An appointment with what a patient sees of its clinic, practitioner and type. */
export interface AppointmentView {
  id: AppointmentId;
  status: AppointmentStatus;
  /** 1 when booked, one more each time it is moved. */
  version: number;
  start: Instant;
  end: Instant;
  modality: Modality;
  comment: string | null;
  patientId: UserId;
  cancellationDeadlineMinutes: number;
  createdAt: Instant;
  cancelledAt: Instant | null;
  clinic: {
    id: ClinicId;
    name: string;
    town: string | null;
    address: string | null;
    timeZone: TimeZoneId;
  };
  practitioner: { id: PractitionerId; name: string; title: string | null };
  appointmentType: { id: AppointmentTypeId; name: string; durationMinutes: number };
}

const VIEW_SELECT = `
  SELECT a.id, a.status, a.version, a.starts_at, a.ends_at, a.modality, a.comment, a.patient_id,
         a.cancellation_deadline_minutes, a.created_at, a.cancelled_at,
         c.id AS clinic_id, c.name AS clinic_name, c.town AS clinic_town, c.address AS clinic_address,
         c.time_zone AS clinic_time_zone,
         p.id AS practitioner_id, p.name AS practitioner_name, p.title AS practitioner_title,
         t.id AS type_id, t.name AS type_name, t.duration_minutes AS type_duration
    FROM appointments a
    JOIN clinics c ON c.id = a.clinic_id
    JOIN practitioners p ON p.id = a.practitioner_id
    JOIN appointment_types t ON t.id = a.appointment_type_id`;

interface ViewDbRow {
  id: string;
  status: AppointmentStatus;
  version: number;
  starts_at: Date;
  ends_at: Date;
  modality: Modality;
  comment: string | null;
  patient_id: string;
  cancellation_deadline_minutes: number;
  created_at: Date;
  cancelled_at: Date | null;
  clinic_id: string;
  clinic_name: string;
  clinic_town: string | null;
  clinic_address: string | null;
  clinic_time_zone: string;
  practitioner_id: string;
  practitioner_name: string;
  practitioner_title: string | null;
  type_id: string;
  type_name: string;
  type_duration: number;
}

const toView = (r: ViewDbRow): AppointmentView => ({
  id: r.id as AppointmentId,
  status: r.status,
  version: r.version,
  start: r.starts_at.getTime() as Instant,
  end: r.ends_at.getTime() as Instant,
  modality: r.modality,
  comment: r.comment,
  patientId: r.patient_id as UserId,
  cancellationDeadlineMinutes: r.cancellation_deadline_minutes,
  createdAt: r.created_at.getTime() as Instant,
  cancelledAt: r.cancelled_at ? (r.cancelled_at.getTime() as Instant) : null,
  clinic: {
    id: r.clinic_id as ClinicId,
    name: r.clinic_name,
    town: r.clinic_town,
    address: r.clinic_address,
    timeZone: r.clinic_time_zone as TimeZoneId,
  },
  practitioner: {
    id: r.practitioner_id as PractitionerId,
    name: r.practitioner_name,
    title: r.practitioner_title,
  },
  appointmentType: {
    id: r.type_id as AppointmentTypeId,
    name: r.type_name,
    durationMinutes: r.type_duration,
  },
});

/** The appointment if `patientId` is its patient; otherwise null, exactly as if it did not exist. */
export async function findPatientAppointment(
  db: Queryable,
  id: string,
  patientId: UserId,
  options: { forUpdate?: boolean } = {},
): Promise<AppointmentView | null> {
  const { rows } = await db.query<ViewDbRow>(
    `${VIEW_SELECT} WHERE a.id = $1 AND a.patient_id = $2${options.forUpdate ? ' FOR UPDATE OF a' : ''}`,
    [id, patientId],
  );
  return rows[0] ? toView(rows[0]) : null;
}

/**
 * A patient's appointments. `upcoming`: booked ones not yet ended, soonest first;
 * `past`: ended or cancelled ones, latest first; `all`: everything, latest first.
 */
export async function listPatientAppointments(
  db: Queryable,
  patientId: UserId,
  scope: 'upcoming' | 'past' | 'all',
  now: Instant,
): Promise<AppointmentView[]> {
  const where = {
    upcoming: `AND a.status = 'booked' AND a.ends_at > to_timestamp($2 / 1000.0) ORDER BY a.starts_at`,
    past: `AND (a.status <> 'booked' OR a.ends_at <= to_timestamp($2 / 1000.0)) ORDER BY a.starts_at DESC`,
    all: 'AND $2::float8 IS NOT NULL ORDER BY a.starts_at DESC',
  }[scope];
  const { rows } = await db.query<ViewDbRow>(
    `${VIEW_SELECT} WHERE a.patient_id = $1 ${where} LIMIT 200`,
    [patientId, now],
  );
  return rows.map(toView);
}

/**
 * SQL that takes the practitioner's booking lock until the transaction ends: everything that puts
 * an appointment on a practitioner's time (booking, moving) queues on it. Without it, racing
 * inserts into the exclusion constraint can deadlock each other (each waits for the other's
 * uncommitted row), and PostgreSQL aborts one with 40P01 after `deadlock_timeout` instead of the
 * plain 23P01 the loser should get. Two-key advisory locks: they never meet the one-key locks of
 * migrations and the demo seed.
 */
export const practitionerLockSql = (practitionerIdParam: string): string =>
  `pg_advisory_xact_lock(${PRACTITIONER_LOCK_SPACE}, hashtext(${practitionerIdParam}::uuid::text))`;
const PRACTITIONER_LOCK_SPACE = 7261;

/**
 * Inserts a booked appointment, its `appointment.create` audit row and its planned messages in
 * one statement, so they commit together (or not at all) in a single round trip. An overlap with
 * another active appointment of the practitioner fails with SQLSTATE 23P01 (the exclusion
 * constraint), and then nothing at all is written. Simultaneous bookings of one practitioner
 * queue on {@link practitionerLockSql} for the moment of the insert.
 */
export async function insertAppointment(
  db: Queryable,
  input: {
    id: AppointmentId;
    clinicId: ClinicId;
    practitionerId: PractitionerId;
    patientId: UserId;
    appointmentTypeId: AppointmentTypeId;
    modality: Modality;
    start: Instant;
    end: Instant;
    comment: string | null;
    cancellationDeadlineMinutes: number;
    now: Instant;
    ip: string | null;
  },
  planned: readonly PlannedNotification[],
): Promise<void> {
  await db.query({
    name: 'insert-appointment',
    text: `WITH booked AS (
       INSERT INTO appointments (id, clinic_id, practitioner_id, patient_id, appointment_type_id, modality, starts_at,
                                 ends_at, comment, cancellation_deadline_minutes, created_at, updated_at)
       SELECT $12, $1, $2, $3, $4, $5, to_timestamp($6 / 1000.0), to_timestamp($7 / 1000.0), $8, $9,
              to_timestamp($10 / 1000.0), to_timestamp($10 / 1000.0)
         FROM (SELECT ${practitionerLockSql('$2')}) AS queued
       RETURNING id, version
     ), audited AS (
       INSERT INTO audit_log (at, actor_user_id, actor_role, action, entity_type, entity_id, clinic_id, ip)
       SELECT to_timestamp($10 / 1000.0), $3, 'patient', 'appointment.create', 'appointment', booked.id, $1, $11::inet
         FROM booked
     ), planned AS (
       INSERT INTO notifications (dedupe_key, kind, channel, due_at, send_before, appointment_id, appointment_version,
                                  user_id, created_at, updated_at)
       SELECT p.key, p.kind, p.channel, p.due, p.before, booked.id, booked.version, $3,
              to_timestamp($10 / 1000.0), to_timestamp($10 / 1000.0)
         FROM booked, (${plannedRowsSql(13)}) AS p(key, kind, channel, due, before)
     )
     SELECT id FROM booked`,
    values: [
      input.clinicId,
      input.practitionerId,
      input.patientId,
      input.appointmentTypeId,
      input.modality,
      input.start,
      input.end,
      input.comment,
      input.cancellationDeadlineMinutes,
      input.now,
      input.ip,
      input.id,
      ...plannedArrays(planned),
    ],
  });
}

/** Marks a booked appointment cancelled; returns false when it was not in `booked` any more. */
export async function markCancelled(
  db: Queryable,
  id: AppointmentId,
  by: UserId,
  now: Instant,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE appointments SET status = 'cancelled', cancelled_at = to_timestamp($3 / 1000.0), cancelled_by = $2,
            updated_at = to_timestamp($3 / 1000.0)
      WHERE id = $1 AND status = 'booked'`,
    [id, by, now],
  );
  return rowCount === 1;
}
