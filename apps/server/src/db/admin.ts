import type { Modality, StaffRole } from '@visitt/contracts';
import type {
  AppointmentId,
  ClinicId,
  Instant,
  LocalDate,
  LocalTime,
  PractitionerId,
  TimeZoneId,
  UserId,
} from '@visitt/domain';
import type { ActorRole } from './audit';
import { toType, type AppointmentTypeRow, type TypeDbRow } from './clinics';
import type { Queryable } from './pool';

// ---------------------------------------------------------------------------------------------
// Clinic profile

export interface AdminClinicRow {
  id: ClinicId;
  name: string;
  address: string | null;
  town: string | null;
  timeZone: TimeZoneId;
  listed: boolean;
  requireStrongAuthForVideo: boolean;
}

/**
 * The clinic's profile. With `lock`, the row is held (FOR NO KEY UPDATE) until the transaction
 * ends: administration changes of one clinic run one after the other, while bookings (which
 * only take a key-share lock on it) go on.
 */
export async function findAdminClinic(
  db: Queryable,
  id: string,
  options: { lock?: boolean } = {},
): Promise<AdminClinicRow | null> {
  const { rows } = await db.query<{
    id: string;
    name: string;
    address: string | null;
    town: string | null;
    time_zone: string;
    listed: boolean;
    require_strong_auth_for_video: boolean;
  }>(
    `SELECT id, name, address, town, time_zone, listed, require_strong_auth_for_video
       FROM clinics WHERE id = $1${options.lock ? ' FOR NO KEY UPDATE' : ''}`,
    [id],
  );
  const r = rows[0];
  return r
    ? {
        id: r.id as ClinicId,
        name: r.name,
        address: r.address,
        town: r.town,
        timeZone: r.time_zone as TimeZoneId,
        listed: r.listed,
        requireStrongAuthForVideo: r.require_strong_auth_for_video,
      }
    : null;
}

export async function updateClinicProfile(
  db: Queryable,
  clinic: Omit<AdminClinicRow, 'id'> & { id: string; searchText: string },
  now: Instant,
): Promise<void> {
  await db.query(
    `UPDATE clinics SET name = $2, address = $3, town = $4, time_zone = $5, listed = $6,
            require_strong_auth_for_video = $7, search_text = $8, updated_at = to_timestamp($9 / 1000.0)
      WHERE id = $1`,
    [
      clinic.id,
      clinic.name,
      clinic.address,
      clinic.town,
      clinic.timeZone,
      clinic.listed,
      clinic.requireStrongAuthForVideo,
      clinic.searchText,
      now,
    ],
  );
}

// ---------------------------------------------------------------------------------------------
// Staff

export interface MemberRow {
  userId: UserId;
  name: string | null;
  email: string | null;
  roles: StaffRole[];
  active: boolean;
  deactivatedAt: Instant | null;
  createdAt: Instant;
  authenticator: boolean;
  practitioner: { id: PractitionerId; name: string; title: string | null; active: boolean } | null;
}

type MemberDbRow = {
  user_id: string;
  name: string | null;
  email: string | null;
  roles: StaffRole[];
  active: boolean;
  deactivated_at: Date | null;
  created_at: Date;
  authenticator: boolean;
  p_id: string | null;
  p_name: string | null;
  p_title: string | null;
  p_active: boolean | null;
};

const MEMBER_SELECT = `
  SELECT m.user_id, u.name, u.email, m.roles, m.active, m.deactivated_at, m.created_at,
         EXISTS (SELECT 1 FROM staff_totp t WHERE t.user_id = m.user_id AND t.confirmed_at IS NOT NULL)
           AS authenticator,
         p.id AS p_id, p.name AS p_name, p.title AS p_title, p.active AS p_active
    FROM clinic_memberships m
    JOIN users u ON u.id = m.user_id
    LEFT JOIN practitioners p ON p.clinic_id = m.clinic_id AND p.user_id = m.user_id`;

const toMember = (r: MemberDbRow): MemberRow => ({
  userId: r.user_id as UserId,
  name: r.name,
  email: r.email,
  roles: r.roles,
  active: r.active,
  deactivatedAt: r.deactivated_at ? (r.deactivated_at.getTime() as Instant) : null,
  createdAt: r.created_at.getTime() as Instant,
  authenticator: r.authenticator,
  practitioner: r.p_id
    ? {
        id: r.p_id as PractitionerId,
        name: r.p_name!,
        title: r.p_title,
        active: r.p_active === true,
      }
    : null,
});

/** Every member of the clinic, active ones first, then by name. */
export async function listMembers(db: Queryable, clinicId: string): Promise<MemberRow[]> {
  const { rows } = await db.query<MemberDbRow>(
    `${MEMBER_SELECT} WHERE m.clinic_id = $1
      ORDER BY m.active DESC, lower(coalesce(p.name, u.name, u.email)), m.user_id`,
    [clinicId],
  );
  return rows.map(toMember);
}

/** One member of the clinic (active or not), or null. */
export async function findMember(
  db: Queryable,
  clinicId: string,
  userId: string,
): Promise<MemberRow | null> {
  const { rows } = await db.query<MemberDbRow>(
    `${MEMBER_SELECT} WHERE m.clinic_id = $1 AND m.user_id = $2`,
    [clinicId, userId],
  );
  return rows[0] ? toMember(rows[0]) : null;
}

/**
 * Locks the clinic's memberships until the transaction ends and returns how many active
 * administrators it has apart from `exceptUserId`: two administrators demoting each other at
 * once cannot both succeed.
 */
export async function otherActiveAdmins(
  db: Queryable,
  clinicId: string,
  exceptUserId: string,
): Promise<number> {
  const { rows } = await db.query<{ user_id: string; is_admin: boolean; active: boolean }>(
    `SELECT user_id, 'admin' = ANY(roles) AS is_admin, active
       FROM clinic_memberships WHERE clinic_id = $1 FOR UPDATE`,
    [clinicId],
  );
  return rows.filter((r) => r.user_id !== exceptUserId && r.is_admin && r.active).length;
}

export async function updateMembership(
  db: Queryable,
  clinicId: string,
  userId: string,
  change: { roles: readonly StaffRole[]; active: boolean },
  now: Instant,
): Promise<void> {
  await db.query(
    `UPDATE clinic_memberships
        SET roles = $3, active = $4,
            deactivated_at = CASE WHEN $4 THEN NULL
                                  ELSE coalesce(deactivated_at, to_timestamp($5 / 1000.0)) END
      WHERE clinic_id = $1 AND user_id = $2`,
    [clinicId, userId, change.roles, change.active, now],
  );
}

/**
 * Makes the user active staff with `roles`: a new membership, or an existing one reactivated.
 * An active member keeps the roles they had and gains the new ones.
 */
export async function upsertMembership(
  db: Queryable,
  clinicId: string,
  userId: string,
  roles: readonly StaffRole[],
  now: Instant,
): Promise<StaffRole[]> {
  const { rows } = await db.query<{ roles: StaffRole[] }>(
    `INSERT INTO clinic_memberships AS m (clinic_id, user_id, roles, active, created_at)
     VALUES ($1, $2, $3, true, to_timestamp($4 / 1000.0))
     ON CONFLICT (clinic_id, user_id) DO UPDATE
        SET roles = CASE WHEN m.active
                         THEN ARRAY(SELECT DISTINCT r FROM unnest(m.roles || EXCLUDED.roles) AS r ORDER BY r)
                         ELSE EXCLUDED.roles END,
            active = true, deactivated_at = NULL
     RETURNING roles`,
    [clinicId, userId, roles, now],
  );
  return rows[0]!.roles;
}

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

/** Ends every session of the user (and any sign-in half done), on every device, at once. */
export async function endUserSessions(db: Queryable, userId: string): Promise<number> {
  const { rowCount } = await db.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
  await db.query('DELETE FROM pending_sign_ins WHERE user_id = $1', [userId]);
  return rowCount ?? 0;
}

/**
 * Removes the user's authenticator app and recovery codes: the next staff sign-in sets up a new
 * one. Returns whether there was one.
 */
export async function removeAuthenticator(db: Queryable, userId: string): Promise<boolean> {
  const { rowCount } = await db.query('DELETE FROM staff_totp WHERE user_id = $1', [userId]);
  await db.query('DELETE FROM recovery_codes WHERE user_id = $1', [userId]);
  return (rowCount ?? 0) > 0;
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

// ---------------------------------------------------------------------------------------------
// Invitations

export interface InvitationRow {
  id: string;
  clinicId: ClinicId;
  clinicName: string;
  clinicTimeZone: TimeZoneId;
  email: string;
  roles: StaffRole[];
  practitionerName: string | null;
  practitionerTitle: string | null;
  invitedBy: { userId: UserId; name: string | null } | null;
  createdAt: Instant;
  expiresAt: Instant;
  acceptedAt: Instant | null;
  revokedAt: Instant | null;
}

type InvitationDbRow = {
  id: string;
  clinic_id: string;
  clinic_name: string;
  time_zone: string;
  email: string;
  roles: StaffRole[];
  practitioner_name: string | null;
  practitioner_title: string | null;
  invited_by: string | null;
  inviter_name: string | null;
  created_at: Date;
  expires_at: Date;
  accepted_at: Date | null;
  revoked_at: Date | null;
};

const INVITATION_SELECT = `
  SELECT i.id, i.clinic_id, c.name AS clinic_name, c.time_zone, i.email, i.roles, i.practitioner_name, i.practitioner_title,
         i.invited_by, u.name AS inviter_name, i.created_at, i.expires_at, i.accepted_at, i.revoked_at
    FROM staff_invitations i
    JOIN clinics c ON c.id = i.clinic_id
    LEFT JOIN users u ON u.id = i.invited_by`;

const toInvitation = (r: InvitationDbRow): InvitationRow => ({
  id: r.id,
  clinicId: r.clinic_id as ClinicId,
  clinicName: r.clinic_name,
  clinicTimeZone: r.time_zone as TimeZoneId,
  email: r.email,
  roles: r.roles,
  practitionerName: r.practitioner_name,
  practitionerTitle: r.practitioner_title,
  invitedBy: r.invited_by ? { userId: r.invited_by as UserId, name: r.inviter_name } : null,
  createdAt: r.created_at.getTime() as Instant,
  expiresAt: r.expires_at.getTime() as Instant,
  acceptedAt: r.accepted_at ? (r.accepted_at.getTime() as Instant) : null,
  revokedAt: r.revoked_at ? (r.revoked_at.getTime() as Instant) : null,
});

/** Invitations of the clinic neither accepted nor revoked (expired ones included), newest first. */
export async function listOpenInvitations(
  db: Queryable,
  clinicId: string,
): Promise<InvitationRow[]> {
  const { rows } = await db.query<InvitationDbRow>(
    `${INVITATION_SELECT}
      WHERE i.clinic_id = $1 AND i.accepted_at IS NULL AND i.revoked_at IS NULL
      ORDER BY i.created_at DESC, i.id`,
    [clinicId],
  );
  return rows.map(toInvitation);
}

/** The invitation whose token hashes to `tokenHash`; with `lock`, held until the transaction ends. */
export async function findInvitationByTokenHash(
  db: Queryable,
  tokenHash: Buffer,
  options: { lock?: boolean } = {},
): Promise<InvitationRow | null> {
  const { rows } = await db.query<InvitationDbRow>(
    `${INVITATION_SELECT} WHERE i.token_hash = $1${options.lock ? ' FOR UPDATE OF i' : ''}`,
    [tokenHash],
  );
  return rows[0] ? toInvitation(rows[0]) : null;
}

export async function findClinicInvitation(
  db: Queryable,
  clinicId: string,
  id: string,
): Promise<InvitationRow | null> {
  const { rows } = await db.query<InvitationDbRow>(
    `${INVITATION_SELECT} WHERE i.id = $1 AND i.clinic_id = $2 FOR UPDATE OF i`,
    [id, clinicId],
  );
  return rows[0] ? toInvitation(rows[0]) : null;
}

export async function insertInvitation(
  db: Queryable,
  input: {
    clinicId: string;
    email: string;
    roles: readonly StaffRole[];
    practitionerName: string | null;
    practitionerTitle: string | null;
    tokenHash: Buffer;
    invitedBy: string;
    now: Instant;
    expiresAt: Instant;
  },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO staff_invitations (clinic_id, email, roles, practitioner_name, practitioner_title, token_hash,
                                    invited_by, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, to_timestamp($8 / 1000.0), to_timestamp($9 / 1000.0))
     RETURNING id`,
    [
      input.clinicId,
      input.email,
      input.roles,
      input.practitionerName,
      input.practitionerTitle,
      input.tokenHash,
      input.invitedBy,
      input.now,
      input.expiresAt,
    ],
  );
  return rows[0]!.id;
}

/** Revokes the clinic's invitations to `email` still open; returns their ids. */
export async function revokeOpenInvitations(
  db: Queryable,
  clinicId: string,
  email: string,
  now: Instant,
): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `UPDATE staff_invitations SET revoked_at = to_timestamp($3 / 1000.0)
      WHERE clinic_id = $1 AND email = $2 AND accepted_at IS NULL AND revoked_at IS NULL
      RETURNING id`,
    [clinicId, email, now],
  );
  return rows.map((r) => r.id);
}

export async function markInvitation(
  db: Queryable,
  id: string,
  change: { revokedAt: Instant } | { acceptedAt: Instant; acceptedBy: string },
): Promise<void> {
  if ('revokedAt' in change) {
    await db.query(
      'UPDATE staff_invitations SET revoked_at = to_timestamp($2 / 1000.0) WHERE id = $1',
      [id, change.revokedAt],
    );
  } else {
    await db.query(
      'UPDATE staff_invitations SET accepted_at = to_timestamp($2 / 1000.0), accepted_by = $3 WHERE id = $1',
      [id, change.acceptedAt, change.acceptedBy],
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Appointment types

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

export interface TypeFields {
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
}

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

export async function updateType(db: Queryable, id: string, fields: TypeFields): Promise<void> {
  await db.query(
    `UPDATE appointment_types SET name = $1, description = $2, duration_minutes = $3, slot_step_minutes = $4,
            modality = $5, minimum_notice_minutes = $6, horizon_days = $7, cancellation_deadline_minutes = $8,
            bookable_online = $9, active = $10
      WHERE id = $11`,
    [...typeValues(fields), id],
  );
}

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

// ---------------------------------------------------------------------------------------------
// Hours and closures

export interface WeeklyRow {
  weekday: number;
  start: LocalTime;
  end: LocalTime;
  validFrom: LocalDate | null;
  validUntil: LocalDate | null;
}

export interface ExceptionRow {
  date: LocalDate;
  kind: 'absence' | 'extra';
  start: LocalTime | null;
  end: LocalTime | null;
  note: string | null;
}

export interface ClosureRow {
  from: LocalDate;
  to: LocalDate;
  reason: string | null;
}

// 'HH:MM:SS' → 'HH:MM' ('24:00:00' stays '24:00').
const hhmm = (t: string): LocalTime => t.slice(0, 5) as LocalTime;

/** The practitioner's whole weekly template and every exception, in order. */
export async function readHours(
  db: Queryable,
  practitionerId: string,
): Promise<{ weekly: WeeklyRow[]; exceptions: ExceptionRow[] }> {
  const [weekly, exceptions] = await Promise.all([
    db.query<{
      weekday: number;
      start_time: string;
      end_time: string;
      valid_from: string | null;
      valid_until: string | null;
    }>(
      `SELECT weekday, start_time::text, end_time::text, valid_from, valid_until FROM weekly_hours
        WHERE practitioner_id = $1 ORDER BY weekday, start_time, valid_from NULLS FIRST`,
      [practitionerId],
    ),
    db.query<{
      date: string;
      kind: 'absence' | 'extra';
      start_time: string | null;
      end_time: string | null;
      note: string | null;
    }>(
      `SELECT date, kind, start_time::text, end_time::text, note FROM hours_exceptions
        WHERE practitioner_id = $1 ORDER BY date, start_time NULLS FIRST, kind`,
      [practitionerId],
    ),
  ]);
  return {
    weekly: weekly.rows.map((r) => ({
      weekday: r.weekday,
      start: hhmm(r.start_time),
      end: hhmm(r.end_time),
      validFrom: r.valid_from as LocalDate | null,
      validUntil: r.valid_until as LocalDate | null,
    })),
    exceptions: exceptions.rows.map((r) => ({
      date: r.date as LocalDate,
      kind: r.kind,
      start: r.start_time ? hhmm(r.start_time) : null,
      end: r.end_time ? hhmm(r.end_time) : null,
      note: r.note,
    })),
  };
}

/** Replaces the practitioner's weekly template and exceptions as a whole. */
export async function replaceHours(
  db: Queryable,
  practitionerId: string,
  hours: { weekly: readonly WeeklyRow[]; exceptions: readonly ExceptionRow[] },
): Promise<void> {
  await db.query('DELETE FROM weekly_hours WHERE practitioner_id = $1', [practitionerId]);
  await db.query('DELETE FROM hours_exceptions WHERE practitioner_id = $1', [practitionerId]);
  await db.query(
    `INSERT INTO weekly_hours (practitioner_id, weekday, start_time, end_time, valid_from, valid_until)
     SELECT $1, w.weekday, w.start_time, w.end_time, w.valid_from, w.valid_until
       FROM unnest($2::smallint[], $3::time[], $4::time[], $5::date[], $6::date[])
         AS w(weekday, start_time, end_time, valid_from, valid_until)`,
    [
      practitionerId,
      hours.weekly.map((w) => w.weekday),
      hours.weekly.map((w) => w.start),
      hours.weekly.map((w) => w.end),
      hours.weekly.map((w) => w.validFrom),
      hours.weekly.map((w) => w.validUntil),
    ],
  );
  await db.query(
    `INSERT INTO hours_exceptions (practitioner_id, date, kind, start_time, end_time, note)
     SELECT $1, e.date, e.kind, e.start_time, e.end_time, e.note
       FROM unnest($2::date[], $3::text[], $4::time[], $5::time[], $6::text[])
         AS e(date, kind, start_time, end_time, note)`,
    [
      practitionerId,
      hours.exceptions.map((e) => e.date),
      hours.exceptions.map((e) => e.kind),
      hours.exceptions.map((e) => e.start),
      hours.exceptions.map((e) => e.end),
      hours.exceptions.map((e) => e.note),
    ],
  );
}

export async function readClosures(db: Queryable, clinicId: string): Promise<ClosureRow[]> {
  const { rows } = await db.query<{ from_date: string; to_date: string; reason: string | null }>(
    'SELECT from_date, to_date, reason FROM clinic_closures WHERE clinic_id = $1 ORDER BY from_date, to_date',
    [clinicId],
  );
  return rows.map((r) => ({
    from: r.from_date as LocalDate,
    to: r.to_date as LocalDate,
    reason: r.reason,
  }));
}

export async function replaceClosures(
  db: Queryable,
  clinicId: string,
  closures: readonly ClosureRow[],
): Promise<void> {
  await db.query('DELETE FROM clinic_closures WHERE clinic_id = $1', [clinicId]);
  await db.query(
    `INSERT INTO clinic_closures (clinic_id, from_date, to_date, reason)
     SELECT $1, c.from_date, c.to_date, c.reason
       FROM unnest($2::date[], $3::date[], $4::text[]) AS c(from_date, to_date, reason)`,
    [
      clinicId,
      closures.map((c) => c.from),
      closures.map((c) => c.to),
      closures.map((c) => c.reason),
    ],
  );
}

/** A booked appointment that has not started yet, with what a conflict list shows of it. */
export interface BookedAheadRow {
  id: AppointmentId;
  start: Instant;
  end: Instant;
  modality: Modality;
  practitioner: { id: PractitionerId; name: string };
  patientName: string;
  appointmentType: { id: string; name: string };
}

/** The clinic's booked appointments starting after `now` (of one practitioner when given). */
export async function listBookedAhead(
  db: Queryable,
  clinicId: string,
  practitionerId: string | null,
  now: Instant,
): Promise<BookedAheadRow[]> {
  const { rows } = await db.query<{
    id: string;
    starts_at: Date;
    ends_at: Date;
    modality: Modality;
    practitioner_id: string;
    practitioner_name: string;
    patient_name: string;
    type_id: string;
    type_name: string;
  }>(
    `SELECT a.id, a.starts_at, a.ends_at, a.modality, p.id AS practitioner_id, p.name AS practitioner_name,
            coalesce(u.name, u.email, u.phone, '') AS patient_name, t.id AS type_id, t.name AS type_name
       FROM appointments a
       JOIN practitioners p ON p.id = a.practitioner_id
       JOIN users u ON u.id = a.patient_id
       JOIN appointment_types t ON t.id = a.appointment_type_id
      WHERE a.clinic_id = $1 AND a.status = 'booked' AND a.starts_at > to_timestamp($3 / 1000.0)
        AND ($2::uuid IS NULL OR a.practitioner_id = $2)
      ORDER BY a.starts_at, a.id`,
    [clinicId, practitionerId, now],
  );
  return rows.map((r) => ({
    id: r.id as AppointmentId,
    start: r.starts_at.getTime() as Instant,
    end: r.ends_at.getTime() as Instant,
    modality: r.modality,
    practitioner: { id: r.practitioner_id as PractitionerId, name: r.practitioner_name },
    patientName: r.patient_name,
    appointmentType: { id: r.type_id, name: r.type_name },
  }));
}

// ---------------------------------------------------------------------------------------------
// Audit log

export interface AuditFilter {
  from?: Instant | undefined;
  to?: Instant | undefined;
  /** Exact action, or (`prefix`) every action starting with it. */
  action?: { value: string; prefix: boolean } | undefined;
  actorUserId?: string | undefined;
  entityId?: string | undefined;
  limit: number;
  before?: number | undefined;
}

export interface AuditRow {
  id: number;
  at: Instant;
  actor: { userId: UserId; name: string | null; email: string | null } | null;
  role: ActorRole;
  action: string;
  entityType: string;
  entityId: string | null;
  appointment: { start: Instant; practitioner: string } | null;
  person: { name: string | null; email: string | null } | null;
  ip: string | null;
  details: Record<string, unknown>;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The clinic's audit entries matching `filter`, newest first, `limit` of them. */
export async function listAuditEntries(
  db: Queryable,
  clinicId: string,
  filter: AuditFilter,
): Promise<AuditRow[]> {
  const action = filter.action
    ? filter.action.prefix
      ? `${escapeLike(filter.action.value)}%`
      : escapeLike(filter.action.value)
    : null;
  const { rows } = await db.query<{
    id: number;
    at: Date;
    actor_user_id: string | null;
    actor_name: string | null;
    actor_email: string | null;
    actor_role: ActorRole;
    action: string;
    entity_type: string;
    entity_id: string | null;
    a_start: Date | null;
    a_practitioner: string | null;
    p_found: boolean;
    p_name: string | null;
    p_email: string | null;
    ip: string | null;
    details: Record<string, unknown>;
  }>(
    `SELECT l.id, l.at, l.actor_user_id, u.name AS actor_name, u.email AS actor_email, l.actor_role, l.action,
            l.entity_type, l.entity_id, host(l.ip) AS ip, l.details,
            a.starts_at AS a_start, ap.name AS a_practitioner,
            eu.id IS NOT NULL AS p_found, eu.name AS p_name, eu.email AS p_email
       FROM audit_log l
       LEFT JOIN users u ON u.id = l.actor_user_id
       LEFT JOIN appointments a
              ON l.entity_type = 'appointment' AND a.id = l.entity_id AND a.clinic_id = l.clinic_id
       LEFT JOIN practitioners ap ON ap.id = a.practitioner_id
       LEFT JOIN users eu ON l.entity_type = 'user' AND eu.id = l.entity_id
      WHERE l.clinic_id = $1
        AND ($2::float8 IS NULL OR l.at >= to_timestamp($2 / 1000.0))
        AND ($3::float8 IS NULL OR l.at < to_timestamp($3 / 1000.0))
        AND ($4::text IS NULL OR l.action LIKE $4)
        AND ($5::uuid IS NULL OR l.actor_user_id = $5)
        AND ($6::uuid IS NULL OR l.entity_id = $6)
        AND ($7::bigint IS NULL OR l.id < $7)
      ORDER BY l.id DESC
      LIMIT $8`,
    [
      clinicId,
      filter.from ?? null,
      filter.to ?? null,
      action,
      filter.actorUserId ?? null,
      filter.entityId ?? null,
      filter.before ?? null,
      filter.limit,
    ],
  );
  return rows.map((r) => ({
    id: r.id,
    at: r.at.getTime() as Instant,
    actor: r.actor_user_id
      ? { userId: r.actor_user_id as UserId, name: r.actor_name, email: r.actor_email }
      : null,
    role: r.actor_role,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    appointment:
      r.a_start && r.a_practitioner
        ? { start: r.a_start.getTime() as Instant, practitioner: r.a_practitioner }
        : null,
    person: r.p_found ? { name: r.p_name, email: r.p_email } : null,
    ip: r.ip,
    details: r.details,
  }));
}
