import type { RoomRole } from '@visitt/contracts';
import { canEnterAsPractitioner, canStartVideo, instant } from '@visitt/domain';

/**
 * Whether `role` may go back into the call of the appointment starting at `start` (ISO) at `now`
 * (epoch ms), after it ended: the patient by starting it again ({@link canStartVideo}), the
 * practitioner by entering the started room ({@link canEnterAsPractitioner}) — the rules the
 * server applies, so the offer and the server agree. The server decides again on the way in.
 */
export function canRejoin(role: RoomRole, start: string, now: number): boolean {
  // After a call the status is booked, completed or no-show, none of which the window rule
  // refuses; a cancellation meanwhile is refused by the server when asked.
  const appointment = {
    status: 'booked',
    modality: 'video',
    start: instant(Date.parse(start)),
  } as const;
  if (role === 'patient') return canStartVideo(appointment, instant(now)).ok;
  // This side has been in the call, so the patient had started the room.
  return canEnterAsPractitioner(appointment, instant(Date.parse(start)), instant(now)).ok;
}
