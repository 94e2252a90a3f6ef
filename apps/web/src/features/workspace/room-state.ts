import type { Presence, ServerMessage, StaffAppointment } from '@visitt/contracts';
import { canEnterAsPractitioner, canStartVideo, instant, type Instant } from '@visitt/domain';
import { displayName } from '../../lib/person-name';

/**
 * What the workspace says about an appointment's video room:
 * - `waiting` / `in_call` / `reconnecting` / `left`: the patient's presence once started;
 * - `opens`: not started, window not open yet; `open`: may start now (window inclusive), has not;
 * - `not_started`: the window closed without a start; `cancelled`; `none` for in-person.
 */
export type RoomStateKind =
  | 'none'
  | 'cancelled'
  | 'opens'
  | 'open'
  | 'not_started'
  | 'waiting'
  | 'in_call'
  | 'reconnecting'
  | 'left';

type RoomAppointment = Pick<StaffAppointment, 'status' | 'modality' | 'start' | 'video'>;

/** The appointment as the domain's room rules read it. */
const forRules = (appointment: RoomAppointment) => ({
  status: appointment.status,
  modality: appointment.modality,
  start: instant(Date.parse(appointment.start)),
});

const startedAt = (appointment: RoomAppointment): Instant | null => {
  const at = appointment.video?.room.startedAt;
  return at == null ? null : instant(Date.parse(at));
};

/**
 * The room state of `appointment` at `now` (epoch ms). The window and the statuses are the
 * domain's `canStartVideo`, as the server decides them.
 */
export function roomState(appointment: RoomAppointment, now: number): RoomStateKind {
  const video = appointment.video;
  if (!video) return 'none';
  const start = canStartVideo(forRules(appointment), instant(now));
  if (!start.ok && start.reason === 'not_video') return 'none';
  if (!start.ok && start.reason === 'cancelled') return 'cancelled';
  const { room } = video;
  // (`ready` is only ever the practitioner's presence.)
  if (room.startedAt != null && room.patient !== 'absent' && room.patient !== 'ready')
    return room.patient;
  if (start.ok) return 'open';
  return start.reason === 'too_early' ? 'opens' : 'not_started';
}

/**
 * Whether the practitioner can go into the room: the domain's `canEnterAsPractitioner`, the rule
 * the server applies — once the patient has started it and until the window closes (`closesAt`
 * itself included), wherever the patient is now: also after a drop and after a hang-up, so a
 * call ended by mistake can be taken up again. The server checks again.
 */
export function canJoin(appointment: RoomAppointment, now: number): boolean {
  return canEnterAsPractitioner(forRules(appointment), startedAt(appointment), instant(now)).ok;
}

/**
 * The patient as the workspace, the calendar and the video room name them: the name, or
 * `fallback` ("Pasienten") when none was given. Contact details are shown beside it, not in it.
 */
export function patientName(
  patient: Pick<StaffAppointment['patient'], 'name'>,
  fallback: string,
): string {
  return displayName(patient.name, fallback);
}

export type RoomMessage = Extract<ServerMessage, { type: 'room' }>;

/**
 * `list` with the live room state of one appointment replaced (the status message is kept: it
 * does not travel with room updates). The same array when the appointment is not in it.
 */
export function applyRoomMessage<T extends StaffAppointment>(list: T[], message: RoomMessage): T[] {
  let changed = false;
  const next = list.map((appointment) => {
    if (appointment.id !== message.appointmentId || !appointment.video) return appointment;
    changed = true;
    return {
      ...appointment,
      video: {
        ...appointment.video,
        room: {
          ...appointment.video.room,
          startedAt: message.startedAt,
          patient: message.patient,
          practitioner: message.practitioner,
        },
      },
    };
  });
  return changed ? next : list;
}

/** The patient's presence in each video room of `list`, by appointment id. */
export function presenceById(list: readonly StaffAppointment[]): Map<string, Presence> {
  return new Map(list.flatMap((a) => (a.video ? [[a.id, a.video.room.patient] as const] : [])));
}

/**
 * The appointments whose patient has just come into the waiting room: waiting now, and before
 * absent, left or not in the list. A waiting patient whose connection blinked (reconnecting →
 * waiting) is not news. With no earlier state (the page just loaded) nobody is new.
 */
export function newlyWaiting(
  before: ReadonlyMap<string, Presence> | null,
  list: readonly StaffAppointment[],
): StaffAppointment[] {
  if (!before) return [];
  return list.filter((a) => {
    if (a.video?.room.patient !== 'waiting') return false;
    const was = before.get(a.id);
    return was == null || was === 'absent' || was === 'left';
  });
}
