import type { PractitionerId, UserId } from '../ids';
import { ok, refuse } from '../result';
import type { Decision } from '../result';
import type { Instant } from '../time';
import { canEnterAsPractitioner, type EnterRefusal, type RoomRole } from './room';
import {
  canStartVideo,
  hasVideoRoom,
  type NoRoomRefusal,
  type StartRefusal,
  type VideoStartAppointment,
} from './window';

/** What deciding who enters an appointment's video room needs to know of the appointment. */
export interface RoomAppointment extends VideoStartAppointment {
  readonly patientId: UserId;
  readonly practitionerId: PractitionerId;
  /** The practitioner's user account; null for a practitioner without one (who never enters). */
  readonly practitionerUserId: UserId | null;
  /** When the patient started the consultation (the room exists); null until then. */
  readonly startedAt: Instant | null;
  /** The clinic lets patients into video consultations only after strong sign-in. */
  readonly clinicRequiresStrongSignIn: boolean;
}

/** The signed-in session that asks, as data its caller has loaded (the domain does no I/O). */
export interface RoomSession {
  readonly userId: UserId;
  /** Signed in as staff must (password and TOTP, or the staff OpenID Connect provider). */
  readonly isStaff: boolean;
  /** Signed in strongly (OpenID Connect), not by a one-time code. */
  readonly isStrongSignIn: boolean;
  /** The practitioners the user is, at clinics where they are active (none for a patient). */
  readonly practitionerIds: readonly PractitionerId[];
}

/**
 * Why the session may not start the room as the appointment's patient:
 * - `not_found`: the session is not the appointment's patient; answer exactly as for a missing
 *   appointment, so nobody learns that it exists.
 * - `strong_sign_in_required`: the clinic requires strong sign-in and the session signed in by a
 *   one-time code; sign in strongly (OpenID Connect) and try again.
 * - {@link StartRefusal}: cancelled, in-person, or outside the window.
 */
export type StartRoomRefusal = 'not_found' | 'strong_sign_in_required' | StartRefusal;

/**
 * Why the session may not join the room:
 * - {@link StartRoomRefusal} for the patient, and `not_started` when the room has not been
 *   started (the patient starts it over HTTP first);
 * - {@link EnterRefusal} for the practitioner;
 * - `not_found` for anyone else.
 */
export type JoinRefusal = StartRoomRefusal | EnterRefusal;

/**
 * Why the session may not watch a workspace (the live room states of its practitioners):
 * - `not_staff`: only a session signed in as staff watches, never one signed in by a one-time
 *   code, whatever memberships the user has.
 */
export type WatchRefusal = 'not_staff';

const isPatientOf = (appointment: RoomAppointment, session: RoomSession): boolean =>
  appointment.patientId === session.userId;

// A practitioner's user signed in by a one-time code is a patient session: no way into the room.
const isPractitionerOf = (appointment: RoomAppointment, session: RoomSession): boolean =>
  session.isStaff &&
  appointment.practitionerUserId === session.userId &&
  session.practitionerIds.includes(appointment.practitionerId);

/**
 * Who the session is in the appointment's room: its patient, its practitioner (only from a staff
 * session, and only while the user is that practitioner at an active clinic), or nobody (null).
 * The patient is looked at first.
 */
export function roomRoleOf(appointment: RoomAppointment, session: RoomSession): RoomRole | null {
  if (isPatientOf(appointment, session)) return 'patient';
  if (isPractitionerOf(appointment, session)) return 'practitioner';
  return null;
}

/**
 * Whether the session may start (or start again) the appointment's video room at `now`, as its
 * patient: it must be the patient (else `not_found`), signed in strongly when the clinic requires
 * it, and {@link canStartVideo} must allow it. The sign-in is checked before the appointment and
 * the time: waiting does not change it, and it says nothing about the appointment.
 */
export function canStartRoom(
  appointment: RoomAppointment,
  session: RoomSession,
  now: Instant,
): Decision<StartRoomRefusal> {
  if (!isPatientOf(appointment, session)) return refuse('not_found');
  if (appointment.clinicRequiresStrongSignIn && !session.isStrongSignIn)
    return refuse('strong_sign_in_required');
  return canStartVideo(appointment, now);
}

/**
 * Whether the session may join the appointment's signaling room at `now`, and as which role
 * (the value): as its patient when {@link canStartRoom} allows it and the room has been started
 * (`not_started` otherwise), as its practitioner when {@link canEnterAsPractitioner} allows it,
 * and nobody else (`not_found`). `as` asks for one role only (the practitioner's endpoints ask for
 * `practitioner`, so the patient calling them is `not_found`).
 *
 * Rejoining is the same decision: where the person is now plays no part. A participant whose
 * connection dropped (`reconnecting`) and one who hung up (`left`) may both come back for as
 * long as the window is open (`closesAt` inclusive); after it, neither may. A hang-up by mistake
 * is therefore never final inside the window.
 */
export function canJoinRoom(
  appointment: RoomAppointment,
  session: RoomSession,
  now: Instant,
  as: RoomRole | null = null,
): Decision<JoinRefusal, RoomRole> {
  const role = as ?? roomRoleOf(appointment, session);
  switch (role) {
    case 'patient': {
      const start = canStartRoom(appointment, session, now);
      if (!start.ok) return start;
      if (appointment.startedAt === null) return refuse('not_started');
      return ok('patient');
    }
    case 'practitioner': {
      if (!isPractitionerOf(appointment, session)) return refuse('not_found');
      const enter = canEnterAsPractitioner(appointment, appointment.startedAt, now);
      if (!enter.ok) return enter;
      return ok('practitioner');
    }
    case null:
      return refuse('not_found');
  }
}

/**
 * Why someone already in the room must leave it: they are no longer its patient or practitioner
 * (`not_found`: a practitioner role taken away, a membership ended), the clinic now requires strong
 * sign-in and the patient signed in by a code, or the appointment has no room any more (cancelled).
 */
export type StayRefusal = 'not_found' | 'strong_sign_in_required' | NoRoomRefusal;

/**
 * Whether someone in the room as `role` may stay in it: the same people as {@link canJoinRoom},
 * for an appointment that still has a room. The window plays no part: it decides who may come
 * in, and a consultation under way is not cut off when it closes (nobody can rejoin after it).
 */
export function canStayInRoom(
  appointment: RoomAppointment,
  session: RoomSession,
  role: RoomRole,
): Decision<StayRefusal> {
  if (role === 'patient') {
    if (!isPatientOf(appointment, session)) return refuse('not_found');
    if (appointment.clinicRequiresStrongSignIn && !session.isStrongSignIn)
      return refuse('strong_sign_in_required');
  } else if (!isPractitionerOf(appointment, session)) return refuse('not_found');
  return hasVideoRoom(appointment);
}

/**
 * Whether the session may watch the workspace, and whose rooms (the value): a staff session
 * watches the room states of every practitioner the user is. A staff session that is no
 * practitioner is allowed and watches nothing; any other session is refused (`not_staff`).
 */
export function canWatch(
  session: Pick<RoomSession, 'isStaff' | 'practitionerIds'>,
): Decision<WatchRefusal, readonly PractitionerId[]> {
  if (!session.isStaff) return refuse('not_staff');
  return ok(session.practitionerIds);
}
