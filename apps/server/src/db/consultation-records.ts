import type { Locale } from '@visitt/contracts';
import type {
  AppointmentId,
  ClinicId,
  Instant,
  Modality,
  PhoneFallbackReason,
  PractitionerId,
  RoomRole,
  TimeZoneId,
  UserId,
} from '@visitt/domain';
import type { Queryable } from './pool';

/** What a consultation record is made of: the appointment, its people and its room's times. */
export interface ConsultationRow {
  readonly id: AppointmentId;
  readonly modality: Modality;
  readonly cancelled: boolean;
  readonly start: Instant;
  readonly end: Instant;
  readonly typeName: string;
  readonly clinic: {
    readonly id: ClinicId;
    readonly name: string;
    readonly timeZone: TimeZoneId;
    readonly language: Locale;
  };
  readonly patient: {
    readonly id: UserId;
    readonly name: string;
    readonly birthDate: string | null;
  };
  readonly practitioner: { readonly id: PractitionerId; readonly name: string };
  /** The room's times; null when the patient never started the consultation. */
  readonly room: {
    readonly startedAt: Instant;
    readonly practitionerEnteredAt: Instant | null;
    readonly endedAt: Instant | null;
    readonly endedBy: RoomRole | null;
    /** The switch to the phone because video failed, when the practitioner noted one. */
    readonly phoneSwitch: { readonly at: Instant; readonly reason: PhoneFallbackReason } | null;
  } | null;
}

const instant = (d: Date): Instant => d.getTime() as Instant;

/** The consultation behind appointment `id`, or null when there is no such appointment. */
export async function findConsultation(db: Queryable, id: string): Promise<ConsultationRow | null> {
  const { rows } = await db.query<{
    id: string;
    modality: Modality;
    status: string;
    starts_at: Date;
    ends_at: Date;
    type_name: string;
    clinic_id: string;
    clinic_name: string;
    time_zone: string;
    language: Locale;
    patient_id: string;
    patient_name: string;
    birth_date: string | null;
    practitioner_id: string;
    practitioner_name: string;
    started_at: Date | null;
    practitioner_joined_at: Date | null;
    ended_at: Date | null;
    ended_by: RoomRole | null;
    phone_switched_at: Date | null;
    phone_switch_reason: PhoneFallbackReason | null;
  }>(
    `SELECT a.id, a.modality, a.status, a.starts_at, a.ends_at, t.name AS type_name,
            c.id AS clinic_id, c.name AS clinic_name, c.time_zone, c.language,
            a.patient_id, coalesce(u.name, u.email, u.phone, '') AS patient_name, u.birth_date,
            p.id AS practitioner_id, p.name AS practitioner_name,
            r.started_at, r.practitioner_joined_at, r.ended_at, r.ended_by,
            r.phone_switched_at, r.phone_switch_reason
       FROM appointments a
       JOIN appointment_types t ON t.id = a.appointment_type_id
       JOIN clinics c ON c.id = a.clinic_id
       JOIN practitioners p ON p.id = a.practitioner_id
       JOIN users u ON u.id = a.patient_id
       LEFT JOIN video_rooms r ON r.appointment_id = a.id
      WHERE a.id = $1`,
    [id],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    id: r.id as AppointmentId,
    modality: r.modality,
    cancelled: r.status === 'cancelled',
    start: instant(r.starts_at),
    end: instant(r.ends_at),
    typeName: r.type_name,
    clinic: {
      id: r.clinic_id as ClinicId,
      name: r.clinic_name,
      timeZone: r.time_zone as TimeZoneId,
      language: r.language,
    },
    patient: { id: r.patient_id as UserId, name: r.patient_name, birthDate: r.birth_date },
    practitioner: { id: r.practitioner_id as PractitionerId, name: r.practitioner_name },
    room: r.started_at
      ? {
          startedAt: instant(r.started_at),
          practitionerEnteredAt: r.practitioner_joined_at && instant(r.practitioner_joined_at),
          endedAt: r.ended_at && instant(r.ended_at),
          endedBy: r.ended_by,
          phoneSwitch:
            r.phone_switched_at && r.phone_switch_reason
              ? { at: instant(r.phone_switched_at), reason: r.phone_switch_reason }
              : null,
        }
      : null,
  };
}
