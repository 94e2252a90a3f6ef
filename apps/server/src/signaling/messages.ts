import type { PeerState, ServerMessage } from '@visitt/contracts';
import type { RoomRole, TimeZoneId } from '@visitt/domain';
import type { RoomRow } from '../db/video';
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
