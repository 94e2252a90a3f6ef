import type { Participant, ServerMessage } from '@visitt/contracts';
import { listGuests, type GuestRow } from '../db/guests';
import type { Queryable } from '../db/pool';
import { findVideoAppointment, type VideoAppointment } from '../db/video';
import type { SignalBus } from './bus';

/** A guest shows in the call's list while their link works and they are in the room. */
const isListed = (guest: GuestRow) =>
  guest.revokedAt === null &&
  (guest.presence === 'waiting' ||
    guest.presence === 'in_call' ||
    guest.presence === 'reconnecting');

/**
 * Everyone in the call as everyone in it sees them: the patient and the practitioner, and the
 * guests in the room (let in, or waiting to be). Names and roles, so that nobody takes part
 * unseen.
 */
export function participantsMessage(
  appointment: VideoAppointment & { room: NonNullable<VideoAppointment['room']> },
  guests: readonly GuestRow[],
  version: number,
): Extract<ServerMessage, { type: 'participants' }> {
  const { room } = appointment;
  const side = (role: 'patient' | 'practitioner', name: string): Participant => ({
    seat: role,
    role,
    name,
    presence: room.state[role],
    sessionId: room.sessions[role],
    mic: room.media[role].mic,
    camera: room.media[role].camera,
    admitted: true,
  });
  return {
    type: 'participants',
    appointmentId: appointment.id,
    version,
    participants: [
      side('patient', appointment.patientName),
      side('practitioner', appointment.practitionerName),
      ...guests.filter(isListed).map((guest): Participant => ({
        seat: guest.id,
        role: guest.role,
        name: guest.name,
        presence: guest.presence,
        sessionId: guest.session,
        mic: guest.mic,
        camera: guest.camera,
        admitted: guest.admittedAt !== null,
      })),
    ],
  };
}

/**
 * Tells everyone in the room of `appointmentId`, on every instance, who is in the call now.
 * Called after a change has committed; a failed publish is logged by the caller's bus and the
 * next change brings the list again.
 */
export async function announceParticipants(
  db: Queryable,
  bus: SignalBus,
  appointmentId: string,
): Promise<void> {
  const appointment = await findVideoAppointment(db, appointmentId);
  if (!appointment?.room) return;
  const { rows } = await db.query<{ version: number }>(
    `SELECT floor(extract(epoch FROM greatest(r.updated_at, max(g.updated_at))) * 1000)::float8 AS version
       FROM video_rooms r LEFT JOIN appointment_guests g ON g.appointment_id = r.appointment_id
      WHERE r.appointment_id = $1 GROUP BY r.updated_at`,
    [appointmentId],
  );
  const message = participantsMessage(
    { ...appointment, room: appointment.room },
    await listGuests(db, appointmentId),
    rows[0]?.version ?? 0,
  );
  await bus.publish({ room: appointmentId }, message).catch(() => undefined);
}
