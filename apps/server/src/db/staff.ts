import type { AppointmentStatus, Modality } from '@visitt/contracts';
import {
  VIDEO_CLOSES_AFTER,
  VIDEO_OPENS_BEFORE,
  type AppointmentId,
  type Instant,
  type PractitionerId,
  type TimeZoneId,
} from '@visitt/domain';
import {
  IN_PERSON_COLUMNS,
  toInPersonRequest,
  type InPersonDbColumns,
  type InPersonRequestRow,
} from './in-person-requests';
import type { Queryable } from './pool';
import { toRoom, type RoomDbRow, type RoomRow } from './video';

type StaffDbRow = Omit<RoomDbRow, 'appointment_id'> &
  InPersonDbColumns & {
    appointment_id: string | null;
    id: string;
    status: AppointmentStatus;
    starts_at: Date;
    ends_at: Date;
    modality: Modality;
    comment: string | null;
    time_zone: string;
    clinic_id: string;
    clinic_name: string;
    practitioner_id: string;
    practitioner_name: string;
    type_id: string;
    type_name: string;
    duration_minutes: number;
    patient_name: string | null;
    patient_birth_date: string | null;
    patient_email: string | null;
    patient_phone: string | null;
  };

/** An appointment as its practitioner's workspace shows it. */
export interface StaffAppointmentRow {
  id: AppointmentId;
  status: AppointmentStatus;
  start: Instant;
  end: Instant;
  modality: Modality;
  comment: string | null;
  timeZone: TimeZoneId;
  clinic: { id: string; name: string };
  practitioner: { id: PractitionerId; name: string };
  appointmentType: { id: string; name: string; durationMinutes: number };
  /** `birthDate` is `YYYY-MM-DD`. */
  patient: {
    name: string | null;
    birthDate: string | null;
    email: string | null;
    phone: string | null;
  };
  room: RoomRow | null;
  inPersonRequest: InPersonRequestRow | null;
}

const STAFF_SELECT = `
  SELECT a.id, a.status, a.starts_at, a.ends_at, a.modality, a.comment, c.time_zone,
         c.id AS clinic_id, c.name AS clinic_name, p.id AS practitioner_id, p.name AS practitioner_name,
         t.id AS type_id, t.name AS type_name, t.duration_minutes,
         u.name AS patient_name, u.birth_date AS patient_birth_date, u.email AS patient_email, u.phone AS patient_phone,
         r.appointment_id, r.started_at, r.patient_presence, r.practitioner_presence, r.patient_session,
         r.practitioner_session, r.patient_mic, r.patient_camera, r.practitioner_mic, r.practitioner_camera,
         r.status_text, r.status_at, r.ended_at, ${IN_PERSON_COLUMNS}
    FROM appointments a
    JOIN clinics c ON c.id = a.clinic_id
    JOIN practitioners p ON p.id = a.practitioner_id
    JOIN appointment_types t ON t.id = a.appointment_type_id
    JOIN users u ON u.id = a.patient_id
    LEFT JOIN video_rooms r ON r.appointment_id = a.id
    LEFT JOIN in_person_requests ipr ON ipr.appointment_id = a.id`;

const toStaffRow = (r: StaffDbRow): StaffAppointmentRow => ({
  id: r.id as AppointmentId,
  status: r.status,
  start: r.starts_at.getTime() as Instant,
  end: r.ends_at.getTime() as Instant,
  modality: r.modality,
  comment: r.comment,
  timeZone: r.time_zone as TimeZoneId,
  clinic: { id: r.clinic_id, name: r.clinic_name },
  practitioner: { id: r.practitioner_id as PractitionerId, name: r.practitioner_name },
  appointmentType: {
    id: r.type_id,
    name: r.type_name,
    durationMinutes: r.duration_minutes,
  },
  patient: {
    name: r.patient_name,
    birthDate: r.patient_birth_date,
    email: r.patient_email,
    phone: r.patient_phone,
  },
  room: r.appointment_id ? toRoom({ ...r, appointment_id: r.appointment_id }) : null,
  inPersonRequest: toInPersonRequest(r),
});

/**
 * The practitioners' appointments on one day of their clinic's calendar, cancelled ones included,
 * in time order. Today's list (`at`) also holds every video appointment whose room is open at
 * `at`, whatever its day ({@link isInVideoWindow}): a patient who waits before midnight for a
 * consultation at 00:05 is on it, as is one still in a call that began before midnight.
 */
export async function listPractitionerDay(
  db: Queryable,
  practitionerIds: readonly PractitionerId[],
  day: { date: string } | { at: Instant },
): Promise<StaffAppointmentRow[]> {
  const { rows } = await db.query<StaffDbRow>(
    'date' in day
      ? `${STAFF_SELECT}
          WHERE a.practitioner_id = ANY($1::uuid[])
            AND (a.starts_at AT TIME ZONE c.time_zone)::date = $2::date
          ORDER BY a.starts_at`
      : `${STAFF_SELECT}
          WHERE a.practitioner_id = ANY($1::uuid[])
            AND ((a.starts_at AT TIME ZONE c.time_zone)::date
                   = (to_timestamp($2 / 1000.0) AT TIME ZONE c.time_zone)::date
                 OR (a.modality = 'video' AND a.status <> 'cancelled'
                     AND a.starts_at BETWEEN to_timestamp(($2 - $3) / 1000.0)
                                         AND to_timestamp(($2 + $4) / 1000.0)))
          ORDER BY a.starts_at`,
    'date' in day
      ? [practitionerIds, day.date]
      : [practitionerIds, day.at, VIDEO_CLOSES_AFTER, VIDEO_OPENS_BEFORE],
  );
  return rows.map(toStaffRow);
}

export async function findStaffAppointment(
  db: Queryable,
  id: string,
): Promise<StaffAppointmentRow | null> {
  const { rows } = await db.query<StaffDbRow>(`${STAFF_SELECT} WHERE a.id = $1`, [id]);
  return rows[0] ? toStaffRow(rows[0]) : null;
}

/**
 * The practitioners' appointments whose start falls on `fromDate`…`toDate` (both inclusive) of
 * their own clinic's calendar, cancelled ones included, in time order. The UTC bounds (a day of
 * margin each side covers any zone's offset) let the (practitioner, start) index do the work.
 */
export async function listPractitionerRange(
  db: Queryable,
  practitionerIds: readonly PractitionerId[],
  fromDate: string,
  toDate: string,
): Promise<StaffAppointmentRow[]> {
  const { rows } = await db.query<StaffDbRow>(
    `${STAFF_SELECT}
      WHERE a.practitioner_id = ANY($1::uuid[])
        AND a.starts_at >= (($2::date - 1)::timestamp AT TIME ZONE 'UTC')
        AND a.starts_at < (($3::date + 2)::timestamp AT TIME ZONE 'UTC')
        AND (a.starts_at AT TIME ZONE c.time_zone)::date BETWEEN $2::date AND $3::date
      ORDER BY a.starts_at, a.id`,
    [practitionerIds, fromDate, toDate],
  );
  return rows.map(toStaffRow);
}
