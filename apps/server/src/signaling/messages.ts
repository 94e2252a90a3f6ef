import type { PeerState, ServerMessage } from '@visitt/contracts';
import type { RoomRole, TimeZoneId } from '@visitt/domain';
import type { RoomRow } from '../db/video';
import type { SignalBus } from './bus';
import { formatZoned } from '../lib/zoned-format';

/** The workspace's view of a room. */
export function roomMessage(room: RoomRow, timeZone: TimeZoneId): ServerMessage {
  return {
    type: 'room',
    appointmentId: room.appointmentId,
    startedAt: formatZoned(room.startedAt, timeZone),
    patient: room.state.patient,
    practitioner: room.state.practitioner,
  };
}

/** One side of a room as the other side sees it. */
export function peerState(room: RoomRow, role: RoomRole): PeerState {
  return {
    role,
    presence: room.state[role],
    sessionId: room.sessions[role],
    mic: room.media[role].mic,
    camera: room.media[role].camera,
  };
}

/**
 * Tells every open workspace and calendar of `practitionerId`, on every instance, that
 * `appointmentId` changed (booked, moved, cancelled, marked); they fetch their lists, and the
 * appointment if it is open, again. Called
 * after the change has committed. A failed publish does not undo it: the pages' slow re-read
 * still brings the change, so the error is not the caller's.
 */
export async function announceAppointmentsChanged(
  bus: SignalBus,
  practitionerId: string,
  appointmentId: string,
): Promise<void> {
  await bus
    .publish(
      { practitioner: practitionerId },
      { type: 'appointments_changed', practitionerId, appointmentId },
    )
    .catch(() => undefined);
}
