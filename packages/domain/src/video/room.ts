import { ok, refuse } from '../result';
import type { Decision } from '../result';
import type { Instant } from '../time';
import {
  hasVideoRoom,
  isInVideoWindow,
  type NoRoomRefusal,
  type VideoStartAppointment,
} from './window';

/** The two people a video room is for. Nobody else ever enters. */
export const ROOM_ROLES = ['patient', 'practitioner'] as const;
export type RoomRole = (typeof ROOM_ROLES)[number];

/**
 * Where one person is, as the other side and the practitioner's workspace see it:
 * - `absent`: has not come (yet);
 * - `waiting`: the patient is in the room and the practitioner is not (the waiting room);
 * - `in_call`: both are in the room;
 * - `reconnecting`: their connection dropped and has not come back (not the same as leaving);
 * - `left`: hung up;
 * - `ready` (the practitioner only): their workspace holds a connection to the waiting patient
 *   ready, carrying neither camera nor microphone, so that entering is quick (decision 0027).
 *   They have not entered: to the patient and the workspace this is the same as not here.
 */
export const PRESENCES = ['absent', 'waiting', 'in_call', 'reconnecting', 'left', 'ready'] as const;
export type Presence = (typeof PRESENCES)[number];

export interface RoomState {
  readonly patient: Presence;
  readonly practitioner: Presence;
}

export const EMPTY_ROOM: RoomState = { patient: 'absent', practitioner: 'absent' };

export type RoomEvent =
  | { readonly type: 'joined'; readonly role: RoomRole }
  | { readonly type: 'disconnected'; readonly role: RoomRole }
  | { readonly type: 'hung_up'; readonly role: RoomRole }
  /** Taken out of the room by the server: they may no longer be in it (`canStayInRoom`). */
  | { readonly type: 'removed'; readonly role: RoomRole }
  /** The practitioner's workspace readies a connection to the waiting patient ({@link canWarmUp}). */
  | { readonly type: 'readied'; readonly role: 'practitioner' };

const other = (role: RoomRole): RoomRole => (role === 'patient' ? 'practitioner' : 'patient');
/** Whether someone with this presence is in the room (a `ready` practitioner has not entered). */
export const isInRoom = (p: Presence): boolean =>
  p === 'waiting' || p === 'in_call' || p === 'reconnecting';

/**
 * Whether the practitioner's workspace may ready a connection to the room (presence `ready`): the
 * patient waits and the practitioner has not been in the room (`absent`, or `ready` from another
 * page of theirs). Never while they are in a call there, so a workspace in another tab cannot
 * take the place of the practitioner's call; and not after they have been in (`left`): a patient
 * back after a hang-up is entered the ordinary way, and `left` keeps saying they were there.
 */
export function canWarmUp(state: RoomState): boolean {
  return (
    state.patient === 'waiting' &&
    (state.practitioner === 'absent' || state.practitioner === 'ready')
  );
}

/**
 * The room after an event. Joining while the other is here puts both `in_call` (a reconnecting
 * peer counts as here: the call resumes); joining alone is `waiting`. A dropped connection is
 * `reconnecting`, never `left`. Hanging up ends the consultation for both: both are `left`.
 * Someone removed has `left` (for good: the other side ends its connection to them), and the one
 * still in a call with them waits again. A `ready` practitioner whose workspace goes away is
 * `absent` again (they never entered, so nothing to reconnect).
 */
export function nextRoomState(state: RoomState, event: RoomEvent): RoomState {
  const me = event.role;
  const peer = other(me);
  const with2 = (mine: Presence, theirs: Presence): RoomState =>
    me === 'patient'
      ? { patient: mine, practitioner: theirs }
      : { patient: theirs, practitioner: mine };
  switch (event.type) {
    case 'joined': {
      const theirs = state[peer];
      if (isInRoom(theirs))
        return with2('in_call', theirs === 'reconnecting' ? 'reconnecting' : 'in_call');
      return with2('waiting', theirs);
    }
    case 'disconnected': {
      if (state[me] === 'ready') return with2('absent', state[peer]);
      if (!isInRoom(state[me])) return state;
      return with2('reconnecting', state[peer]);
    }
    case 'hung_up':
      return { patient: 'left', practitioner: 'left' };
    case 'removed': {
      const theirs = state[peer];
      return with2('left', theirs === 'in_call' ? 'waiting' : theirs);
    }
    case 'readied':
      return canWarmUp(state) ? { ...state, practitioner: 'ready' } : state;
  }
}

/**
 * Whether one side's camera and microphone go to the other now: only once the practitioner has
 * entered. The practitioner's side sends from entering (not while `ready`); the patient's from
 * seeing the practitioner in the call (or reconnecting to it). Before that — the waiting room, a
 * connection the workspace readied — nothing is sent: the patient's preview stays theirs.
 */
export function releasesMedia(role: RoomRole, me: 'ready' | 'entered', peer: Presence): boolean {
  if (role === 'practitioner') return me === 'entered';
  return peer === 'in_call' || peer === 'reconnecting';
}

/**
 * Why the practitioner may not enter the room now:
 * - `not_started`: the patient has not started the consultation; wait for the alert.
 * - `too_late`: the window (until 2 hours after the start) has closed.
 * - `not_video`, `cancelled`: there is no call for this appointment.
 */
export type EnterRefusal = 'not_started' | 'too_late' | NoRoomRefusal;

/**
 * Whether the appointment's practitioner may enter (or re-enter) the room at `now`: the
 * appointment has a video room ({@link hasVideoRoom}), the patient has started it (`startedAt`),
 * and the window has not closed (`closesAt` itself is inside). Where the patient is plays no
 * part: the practitioner may go back in after a drop and after a hang-up, until the window
 * closes. There is no `too_early`: a room is only ever started inside the window.
 */
export function canEnterAsPractitioner(
  appointment: VideoStartAppointment,
  startedAt: Instant | null,
  now: Instant,
): Decision<EnterRefusal> {
  const room = hasVideoRoom(appointment);
  if (!room.ok) return room;
  // Only the close is checked: before the window opens the patient cannot have started the room.
  const inWindow = isInVideoWindow(appointment.start, now);
  if (!inWindow.ok && inWindow.reason === 'too_late') return refuse('too_late');
  if (startedAt === null) return refuse('not_started');
  return ok();
}
