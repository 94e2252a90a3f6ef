import type { Presence, ServerMessage, StaffAppointment } from '@visitt/contracts';
import { displayName } from '../../lib/person-name';

/**
 * What the workspace says about an appointment's video room:
 * - `waiting` / `in_call` / `reconnecting` / `left`: the patient's presence once started;
 * - `opens`: not started, window not open yet; `open`: may start now, has not;
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

/** The room state of `appointment` at `now` (epoch ms). */
export function roomState(
  appointment: Pick<StaffAppointment, 'status' | 'modality' | 'video'>,
  now: number,
): RoomStateKind {
  const video = appointment.video;
  if (appointment.modality !== 'video' || !video) return 'none';
  if (appointment.status === 'cancelled') return 'cancelled';
  const { room } = video;
  if (room.startedAt != null && room.patient !== 'absent') return room.patient;
  if (now < Date.parse(video.opensAt)) return 'opens';
  if (now < Date.parse(video.closesAt)) return 'open';
  return 'not_started';
}

/**
 * Whether the practitioner can go into the room: the patient has started, has not hung up,
 * and the window (until 2 hours after the start) is still open. The server checks again.
 */
export function canJoin(appointment: StaffAppointment, now: number): boolean {
  const state = roomState(appointment, now);
  return (
    (state === 'waiting' || state === 'in_call' || state === 'reconnecting') &&
    appointment.video != null &&
    now < Date.parse(appointment.video.closesAt)
  );
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
