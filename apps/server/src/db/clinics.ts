import type { Modality } from '@visitt/contracts';
import type {
  NotificationSettings,
  PatientChannels,
  AppointmentTypeId,
  Interval,
  ClinicId,
  PractitionerId,
  TimeZoneId,
  UserId,
} from '@visitt/domain';
import { isProfileComplete } from '@visitt/domain';
import {
  CHANNEL_COLUMNS,
  SETTINGS_COLUMNS,
  toChannels,
  toSettings,
  type ChannelColumns,
  type SettingsColumns,
} from './notifications';
import type { Queryable } from './pool';
import {
  parseSchedules,
  scheduleColumns,
  scheduleDates,
  type PractitionerSchedule,
  type ScheduleColumns,
} from './scheduling';

export interface ClinicRow {
  id: ClinicId;
  name: string;
  address: string | null;
  town: string | null;
  timeZone: TimeZoneId;
  usedBefore: boolean;
  offersVideo: boolean;
  /** Video consultations here need a strong (OpenID Connect) sign-in. */
  requiresStrongAuthForVideo: boolean;
}

export interface AppointmentTypeRow {
  id: AppointmentTypeId;
  clinicId: ClinicId;
  name: string;
  description: string | null;
  durationMinutes: number;
  slotStepMinutes: number | null;
  modality: Modality;
  minimumNoticeMinutes: number;
  horizonDays: number;
  cancellationDeadlineMinutes: number;
  bookableOnline: boolean;
  active: boolean;
  practitionerIds: PractitionerId[];
}

export interface PractitionerRow {
  id: PractitionerId;
  clinicId: ClinicId;
  name: string;
  title: string | null;
}

/** The text clinic search matches against: lower-cased here, not by the database's locale. */
export const clinicSearchText = (name: string, town: string | null): string =>
  `${name} ${town ?? ''}`.toLocaleLowerCase('nb').normalize('NFC');

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

const CLINIC_SELECT = `
  SELECT c.id, c.name, c.address, c.town, c.time_zone, c.listed, c.search_text, c.require_strong_auth_for_video,
         ($1::uuid IS NOT NULL AND EXISTS (
           SELECT 1 FROM appointments a WHERE a.clinic_id = c.id AND a.patient_id = $1::uuid)) AS used_before,
         EXISTS (SELECT 1 FROM appointment_types t
                  WHERE t.clinic_id = c.id AND t.modality = 'video' AND t.active AND t.bookable_online) AS offers_video
    FROM clinics c`;

type ClinicDbRow = {
  id: string;
  name: string;
  address: string | null;
  town: string | null;
  time_zone: string;
  used_before: boolean;
  offers_video: boolean;
  require_strong_auth_for_video: boolean;
};

const toClinic = (r: ClinicDbRow): ClinicRow => ({
  id: r.id as ClinicId,
  name: r.name,
  address: r.address,
  town: r.town,
  timeZone: r.time_zone as TimeZoneId,
  usedBefore: r.used_before,
  offersVideo: r.offers_video,
  requiresStrongAuthForVideo: r.require_strong_auth_for_video,
});

/**
 * Listed clinics whose name or town contains `q` (all when empty), clinics where the patient has
 * had appointments first (those even when unlisted), then by name. At most 50.
 */
export async function searchClinics(
  db: Queryable,
  q: string | undefined,
  userId: UserId | null,
): Promise<ClinicRow[]> {
  const needle = q ? `%${escapeLike(q.toLocaleLowerCase('nb').normalize('NFC'))}%` : null;
  const { rows } = await db.query<ClinicDbRow>(
    `SELECT * FROM (${CLINIC_SELECT}) c
      WHERE ($2::text IS NULL OR c.search_text LIKE $2) AND (c.listed OR c.used_before)
      ORDER BY c.used_before DESC, c.name
      LIMIT 50`,
    [userId, needle],
  );
  return rows.map(toClinic);
}

export async function findClinic(
  db: Queryable,
  id: string,
  userId: UserId | null,
): Promise<ClinicRow | null> {
  const { rows } = await db.query<ClinicDbRow>(`${CLINIC_SELECT} WHERE c.id = $2`, [userId, id]);
  return rows[0] ? toClinic(rows[0]) : null;
}

const TYPE_SELECT = `
  SELECT t.id, t.clinic_id, t.name, t.description, t.duration_minutes, t.slot_step_minutes, t.modality,
         t.minimum_notice_minutes, t.horizon_days, t.cancellation_deadline_minutes, t.bookable_online, t.active,
         COALESCE(array_agg(tp.practitioner_id ORDER BY tp.practitioner_id)
                  FILTER (WHERE tp.practitioner_id IS NOT NULL AND p.active), '{}') AS practitioner_ids
    FROM appointment_types t
    LEFT JOIN appointment_type_practitioners tp ON tp.appointment_type_id = t.id
    LEFT JOIN practitioners p ON p.id = tp.practitioner_id`;

export type TypeDbRow = {
  id: string;
  clinic_id: string;
  name: string;
  description: string | null;
  duration_minutes: number;
  slot_step_minutes: number | null;
  modality: Modality;
  minimum_notice_minutes: number;
  horizon_days: number;
  cancellation_deadline_minutes: number;
  bookable_online: boolean;
  active: boolean;
  practitioner_ids: string[];
};

export const toType = (r: TypeDbRow): AppointmentTypeRow => ({
  id: r.id as AppointmentTypeId,
  clinicId: r.clinic_id as ClinicId,
  name: r.name,
  description: r.description,
  durationMinutes: r.duration_minutes,
  slotStepMinutes: r.slot_step_minutes,
  modality: r.modality,
  minimumNoticeMinutes: r.minimum_notice_minutes,
  horizonDays: r.horizon_days,
  cancellationDeadlineMinutes: r.cancellation_deadline_minutes,
  bookableOnline: r.bookable_online,
  active: r.active,
  practitionerIds: r.practitioner_ids as PractitionerId[],
});

/** Types patients can book online at a clinic, optionally only one modality or practitioner's. */
export async function findBookableTypes(
  db: Queryable,
  clinicId: string,
  filter: { modality?: Modality | undefined; practitionerId?: string | undefined },
): Promise<AppointmentTypeRow[]> {
  const { rows } = await db.query<TypeDbRow>(
    `${TYPE_SELECT}
      WHERE t.clinic_id = $1 AND t.active AND t.bookable_online AND ($2::text IS NULL OR t.modality = $2)
      GROUP BY t.id
     HAVING $3::uuid IS NULL OR $3::uuid = ANY(array_agg(tp.practitioner_id) FILTER (WHERE p.active))
      ORDER BY t.sort_order, t.name`,
    [clinicId, filter.modality ?? null, filter.practitionerId ?? null],
  );
  return rows.map(toType).filter((t) => t.practitionerIds.length > 0);
}

export async function findAppointmentType(
  db: Queryable,
  id: string,
): Promise<AppointmentTypeRow | null> {
  const { rows } = await db.query<TypeDbRow>(`${TYPE_SELECT} WHERE t.id = $1 GROUP BY t.id`, [id]);
  return rows[0] ? toType(rows[0]) : null;
}

export async function findPractitioners(
  db: Queryable,
  clinicId: string,
): Promise<PractitionerRow[]> {
  const { rows } = await db.query<{
    id: string;
    clinic_id: string;
    name: string;
    title: string | null;
  }>(
    'SELECT id, clinic_id, name, title FROM practitioners WHERE clinic_id = $1 AND active ORDER BY name',
    [clinicId],
  );
  return rows.map((r) => ({
    id: r.id as PractitionerId,
    clinicId: r.clinic_id as ClinicId,
    name: r.name,
    title: r.title,
  }));
}

export async function findPractitioner(db: Queryable, id: string): Promise<PractitionerRow | null> {
  const { rows } = await db.query<{
    id: string;
    clinic_id: string;
    name: string;
    title: string | null;
  }>('SELECT id, clinic_id, name, title FROM practitioners WHERE id = $1 AND active', [id]);
  const r = rows[0];
  return r
    ? {
        id: r.id as PractitionerId,
        clinicId: r.clinic_id as ClinicId,
        name: r.name,
        title: r.title,
      }
    : null;
}

/** What booking needs to know, read in one statement: type, practitioner, clinic and schedule. */
export interface BookingContext {
  type: AppointmentTypeRow;
  practitioner: PractitionerRow;
  clinic: {
    id: ClinicId;
    name: string;
    town: string | null;
    address: string | null;
    timeZone: TimeZoneId;
  };
  /** The practitioner offers this type. */
  offered: boolean;
  /** The practitioner's schedule around the asked time. */
  schedule: PractitionerSchedule;
  /** What the clinic sends, and where the patient can be reached: for planning the messages. */
  settings: NotificationSettings;
  patientChannels: PatientChannels;
  /** The patient has given their given name, family name and date of birth. */
  patientProfileComplete: boolean;
}

const BOOKING_CONTEXT_SQL = `
  SELECT t.id, t.clinic_id, t.name, t.description, t.duration_minutes, t.slot_step_minutes, t.modality,
         t.minimum_notice_minutes, t.horizon_days, t.cancellation_deadline_minutes, t.bookable_online, t.active,
         '{}'::uuid[] AS practitioner_ids,
         p.id AS p_id, p.name AS p_name, p.title AS p_title,
         c.name AS c_name, c.town AS c_town, c.address AS c_address, c.time_zone AS c_time_zone,
         EXISTS (SELECT 1 FROM appointment_type_practitioners tp
                  WHERE tp.appointment_type_id = t.id AND tp.practitioner_id = p.id) AS offered,
         u.given_name AS u_given_name, u.family_name AS u_family_name, u.birth_date AS u_birth_date,
         ${SETTINGS_COLUMNS},
         ${CHANNEL_COLUMNS},
         ${scheduleColumns({
           practitionerIds: 'ARRAY[p.id]',
           fromDate: '$3::date',
           toDate: '$4::date',
           clinicId: 't.clinic_id',
           start: '$5',
           end: '$6',
         })}
    FROM appointment_types t
    JOIN practitioners p ON p.id = $2 AND p.active AND p.clinic_id = t.clinic_id
    JOIN clinics c ON c.id = t.clinic_id
    JOIN users u ON u.id = $7
    LEFT JOIN notification_settings ns ON ns.clinic_id = t.clinic_id
   WHERE t.id = $1 AND t.active`;

/**
 * The active type and active practitioner of one clinic with the practitioner's schedule around
 * `range`, in one round trip; null when either is unknown, inactive, or they belong to
 * different clinics.
 */
export async function findBookingContext(
  db: Queryable,
  appointmentTypeId: string,
  practitionerId: string,
  range: Interval,
  patientId: string,
): Promise<BookingContext | null> {
  const { fromDate, toDate } = scheduleDates(range);
  const { rows } = await db.query<
    TypeDbRow &
      ScheduleColumns &
      SettingsColumns &
      ChannelColumns & {
        p_id: string;
        p_name: string;
        p_title: string | null;
        c_name: string;
        c_town: string | null;
        c_address: string | null;
        c_time_zone: string;
        offered: boolean;
        u_given_name: string | null;
        u_family_name: string | null;
        u_birth_date: string | null;
      }
  >({
    name: 'find-booking-context',
    text: BOOKING_CONTEXT_SQL,
    values: [
      appointmentTypeId,
      practitionerId,
      fromDate,
      toDate,
      range.start,
      range.end,
      patientId,
    ],
  });
  const r = rows[0];
  if (!r) return null;
  const id = r.p_id as PractitionerId;
  const timeZone = r.c_time_zone as TimeZoneId;
  return {
    type: toType(r),
    practitioner: { id, clinicId: r.clinic_id as ClinicId, name: r.p_name, title: r.p_title },
    clinic: {
      id: r.clinic_id as ClinicId,
      name: r.c_name,
      town: r.c_town,
      address: r.c_address,
      timeZone,
    },
    offered: r.offered,
    schedule: parseSchedules(r, timeZone, [id]).get(id)!,
    settings: toSettings(r),
    patientChannels: toChannels(r),
    // Read as stored and decided by the domain's rule, the one the web checks before it books.
    patientProfileComplete: isProfileComplete({
      givenName: r.u_given_name,
      familyName: r.u_family_name,
      birthDate: r.u_birth_date,
    }),
  };
}
