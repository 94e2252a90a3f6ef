import type {
  AppointmentId,
  AppointmentStatus,
  Instant,
  Modality,
  PhoneFallbackReason,
  Presence,
  PractitionerId,
  RoomRole,
  RoomState,
  TimeZoneId,
  UserId,
} from '@visitt/domain';
import type { Queryable } from './pool';

/** A video room's row: presence, media and the practitioner's status message. */
export interface RoomRow {
  appointmentId: AppointmentId;
  startedAt: Instant;
  state: RoomState;
  sessions: Record<RoomRole, string | null>;
  media: Record<RoomRole, { mic: boolean; camera: boolean }>;
  status: { text: string; at: Instant } | null;
  endedAt: Instant | null;
}

/** What deciding about a video room needs to know of its appointment. */
export interface VideoAppointment {
  id: AppointmentId;
  status: AppointmentStatus;
  modality: Modality;
  start: Instant;
  timeZone: TimeZoneId;
  patientId: UserId;
  patientName: string;
  /** `YYYY-MM-DD`, or null until the patient has given it. */
  patientBirthDate: string | null;
  practitionerId: PractitionerId;
  practitionerUserId: UserId | null;
  practitionerName: string;
  clinicId: string;
  /** The clinic lets patients into video consultations only after strong sign-in. */
  clinicRequiresStrongSignIn: boolean;
  /** The clinic's phone number (E.164), for when video fails; null when it has none. */
  clinicPhone: string | null;
  /** The patient's mobile number (E.164) once they have verified it; null otherwise. */
  patientVerifiedPhone: string | null;
  room: RoomRow | null;
}

const ROOM_COLUMNS = `
  r.appointment_id, r.started_at, r.patient_presence, r.practitioner_presence, r.patient_session,
  r.practitioner_session, r.patient_mic, r.patient_camera, r.practitioner_mic, r.practitioner_camera,
  r.status_text, r.status_at, r.ended_at`;

export interface RoomDbRow {
  appointment_id: string;
  started_at: Date;
  patient_presence: Presence;
  practitioner_presence: Presence;
  patient_session: string | null;
  practitioner_session: string | null;
  patient_mic: boolean;
  patient_camera: boolean;
  practitioner_mic: boolean;
  practitioner_camera: boolean;
  status_text: string | null;
  status_at: Date | null;
  ended_at: Date | null;
}

export const toRoom = (r: RoomDbRow): RoomRow => ({
  appointmentId: r.appointment_id as AppointmentId,
  startedAt: r.started_at.getTime() as Instant,
  state: { patient: r.patient_presence, practitioner: r.practitioner_presence },
  sessions: { patient: r.patient_session, practitioner: r.practitioner_session },
  media: {
    patient: { mic: r.patient_mic, camera: r.patient_camera },
    practitioner: { mic: r.practitioner_mic, camera: r.practitioner_camera },
  },
  status:
    r.status_text && r.status_at
      ? { text: r.status_text, at: r.status_at.getTime() as Instant }
      : null,
  endedAt: r.ended_at ? (r.ended_at.getTime() as Instant) : null,
});

/** The appointment behind a video room, with the room if the patient has started it. */
export async function findVideoAppointment(
  db: Queryable,
  id: string,
): Promise<VideoAppointment | null> {
  return (await findVideoAppointments(db, [id])).get(id) ?? null;
}

/** {@link findVideoAppointment} for many appointments in one query, by id (missing ones left out). */
export async function findVideoAppointments(
  db: Queryable,
  ids: readonly string[],
): Promise<Map<string, VideoAppointment>> {
  const { rows } = await db.query<
    RoomDbRow & {
      id: string;
      status: AppointmentStatus;
      modality: Modality;
      starts_at: Date;
      time_zone: string;
      patient_id: string;
      patient_name: string;
      patient_birth_date: string | null;
      practitioner_id: string;
      practitioner_user_id: string | null;
      practitioner_name: string;
      clinic_id: string;
      require_strong_auth_for_video: boolean;
      clinic_phone: string | null;
      patient_verified_phone: string | null;
    }
  >(
    `SELECT a.id, a.status, a.modality, a.starts_at, c.time_zone, a.patient_id,
            coalesce(u.name, u.email, u.phone, '') AS patient_name, u.birth_date AS patient_birth_date,
            a.practitioner_id, p.user_id AS practitioner_user_id, p.name AS practitioner_name, a.clinic_id,
            c.require_strong_auth_for_video, c.phone AS clinic_phone,
            CASE WHEN u.phone_verified_at IS NOT NULL THEN u.phone END AS patient_verified_phone,
            ${ROOM_COLUMNS}
       FROM appointments a
       JOIN clinics c ON c.id = a.clinic_id
       JOIN practitioners p ON p.id = a.practitioner_id
       JOIN users u ON u.id = a.patient_id
       LEFT JOIN video_rooms r ON r.appointment_id = a.id
      WHERE a.id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id as AppointmentId,
        status: r.status,
        modality: r.modality,
        start: r.starts_at.getTime() as Instant,
        timeZone: r.time_zone as TimeZoneId,
        patientId: r.patient_id as UserId,
        patientName: r.patient_name,
        patientBirthDate: r.patient_birth_date,
        practitionerId: r.practitioner_id as PractitionerId,
        practitionerUserId: r.practitioner_user_id as UserId | null,
        practitionerName: r.practitioner_name,
        clinicId: r.clinic_id,
        clinicRequiresStrongSignIn: r.require_strong_auth_for_video,
        clinicPhone: r.clinic_phone,
        patientVerifiedPhone: r.patient_verified_phone,
        room: r.appointment_id ? toRoom(r) : null,
      },
    ]),
  );
}

/** Opens the room (first start), or reopens it after a hang-up; returns it locked for update. */
export async function openRoom(
  db: Queryable,
  appointmentId: AppointmentId,
  now: Instant,
): Promise<RoomRow> {
  const { rows } = await db.query<RoomDbRow>(
    `INSERT INTO video_rooms AS r (appointment_id, started_at, updated_at)
     VALUES ($1, to_timestamp($2 / 1000.0), to_timestamp($2 / 1000.0))
     ON CONFLICT (appointment_id) DO UPDATE SET ended_at = NULL, ended_by = NULL, updated_at = EXCLUDED.updated_at
     RETURNING ${ROOM_COLUMNS}`,
    [appointmentId, now],
  );
  return toRoom(rows[0]!);
}

/** The room row locked until the end of the transaction, or null when never started. */
export async function lockRoom(db: Queryable, appointmentId: string): Promise<RoomRow | null> {
  const { rows } = await db.query<RoomDbRow>(
    `SELECT ${ROOM_COLUMNS} FROM video_rooms r WHERE r.appointment_id = $1 FOR UPDATE`,
    [appointmentId],
  );
  return rows[0] ? toRoom(rows[0]) : null;
}

/** Writes a room's presence, sessions, media, and the end when both have left. */
export async function saveRoom(
  db: Queryable,
  room: RoomRow,
  now: Instant,
  extra: { endedBy?: RoomRole; practitionerEntered?: boolean } = {},
): Promise<void> {
  await db.query(
    `UPDATE video_rooms SET
        patient_presence = $2, practitioner_presence = $3, patient_session = $4, practitioner_session = $5,
        patient_mic = $6, patient_camera = $7, practitioner_mic = $8, practitioner_camera = $9,
        ended_at = CASE WHEN $10::text IS NOT NULL THEN to_timestamp($11 / 1000.0) ELSE ended_at END,
        ended_by = coalesce($10::text, ended_by),
        practitioner_joined_at = CASE WHEN $12 THEN coalesce(practitioner_joined_at, to_timestamp($11 / 1000.0))
                                      ELSE practitioner_joined_at END,
        updated_at = to_timestamp($11 / 1000.0)
      WHERE appointment_id = $1`,
    [
      room.appointmentId,
      room.state.patient,
      room.state.practitioner,
      room.sessions.patient,
      room.sessions.practitioner,
      room.media.patient.mic,
      room.media.patient.camera,
      room.media.practitioner.mic,
      room.media.practitioner.camera,
      extra.endedBy ?? null,
      now,
      extra.practitionerEntered ?? false,
    ],
  );
}

export async function saveStatusMessage(
  db: Queryable,
  appointmentId: string,
  text: string,
  now: Instant,
): Promise<void> {
  await db.query(
    `UPDATE video_rooms SET status_text = $2, status_at = to_timestamp($3 / 1000.0), updated_at = to_timestamp($3 / 1000.0)
      WHERE appointment_id = $1`,
    [appointmentId, text, now],
  );
}

/** The consultation's switch to the phone: when it was first noted, and why. */
export interface PhoneSwitchRow {
  at: Instant;
  reason: PhoneFallbackReason;
}

/**
 * What noting a switch to the phone needs of a room: whether the call has ended, where its
 * practitioner is, and the switch already noted, if any. The row is locked until the transaction ends, so two clicks
 * at once keep one switch. Null when the room was never started.
 */
export async function lockPhoneSwitch(
  db: Queryable,
  appointmentId: string,
): Promise<{
  ended: boolean;
  practitionerPresence: Presence;
  phoneSwitch: PhoneSwitchRow | null;
} | null> {
  const { rows } = await db.query<{
    ended_at: Date | null;
    practitioner_presence: Presence;
    phone_switched_at: Date | null;
    phone_switch_reason: PhoneFallbackReason | null;
  }>(
    `SELECT ended_at, practitioner_presence, phone_switched_at, phone_switch_reason
       FROM video_rooms WHERE appointment_id = $1 FOR UPDATE`,
    [appointmentId],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    ended: r.ended_at !== null,
    practitionerPresence: r.practitioner_presence,
    phoneSwitch:
      r.phone_switched_at && r.phone_switch_reason
        ? { at: r.phone_switched_at.getTime() as Instant, reason: r.phone_switch_reason }
        : null,
  };
}

/** Notes the room's switch to the phone (the caller has checked that none is noted yet). */
export async function savePhoneSwitch(
  db: Queryable,
  appointmentId: string,
  phoneSwitch: PhoneSwitchRow,
): Promise<void> {
  await db.query(
    `UPDATE video_rooms SET phone_switched_at = to_timestamp($2 / 1000.0), phone_switch_reason = $3,
            updated_at = to_timestamp($2 / 1000.0)
      WHERE appointment_id = $1`,
    [appointmentId, phoneSwitch.at, phoneSwitch.reason],
  );
}

/** The practitioner rows a user is at active clinics (one per clinic they practise at). */
export async function findUserPractitionerIds(
  db: Queryable,
  userId: UserId,
): Promise<PractitionerId[]> {
  return (await findPractitionerIdsOfUsers(db, [userId])).get(userId) ?? [];
}

/**
 * {@link findUserPractitionerIds} for many users in one query: users who practise nowhere are
 * not in the map.
 */
export async function findPractitionerIdsOfUsers(
  db: Queryable,
  userIds: readonly UserId[],
): Promise<Map<UserId, PractitionerId[]>> {
  const { rows } = await db.query<{ id: string; user_id: string }>(
    `SELECT p.id, p.user_id FROM practitioners p
       JOIN clinic_memberships m ON m.clinic_id = p.clinic_id AND m.user_id = p.user_id AND m.active
      WHERE p.user_id = ANY($1::uuid[]) AND p.active AND 'practitioner' = ANY(m.roles)`,
    [userIds],
  );
  const byUser = new Map<UserId, PractitionerId[]>();
  for (const row of rows) {
    const list = byUser.get(row.user_id as UserId) ?? [];
    list.push(row.id as PractitionerId);
    byUser.set(row.user_id as UserId, list);
  }
  return byUser;
}

/**
 * Whether the practitioner is in a call in another room now: their presence there `in_call`
 * (a dropped page is `reconnecting`, and a tab left open after a call says nothing), the room
 * not ended, and its appointment ended no earlier than `since` (a call may run over, but a room
 * a lost instance left behind does not keep them busy for ever).
 */
export async function isPractitionerInAnotherCall(
  db: Queryable,
  practitionerId: PractitionerId,
  appointmentId: AppointmentId,
  since: Instant,
): Promise<boolean> {
  const { rows } = await db.query<{ busy: boolean }>(
    `SELECT EXISTS (
       SELECT 1 FROM video_rooms r JOIN appointments a ON a.id = r.appointment_id
        WHERE a.practitioner_id = $1 AND a.id <> $2 AND a.ends_at >= to_timestamp($3 / 1000.0)
          AND r.practitioner_presence = 'in_call' AND r.ended_at IS NULL
     ) AS busy`,
    [practitionerId, appointmentId, since],
  );
  return rows[0]?.busy ?? false;
}
