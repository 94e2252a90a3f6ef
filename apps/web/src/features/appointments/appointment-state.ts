import type { Appointment } from '@visitt/contracts';

export type VideoState =
  /** Not a video appointment: no button. */
  | 'not_video'
  /** Cancelled or otherwise over: the button is disabled. */
  | 'cancelled'
  /** Before `video.opensAt` (15 minutes before the start). */
  | 'early'
  /** Between `video.opensAt` and `video.closesAt` (2 hours after the start): may start. */
  | 'open'
  /** After `video.closesAt`. */
  | 'closed';

/**
 * Whether the patient may start the video consultation at `now` (epoch ms), from the window the
 * server sent. The server checks again when the call is started, since this clock may be wrong.
 */
export function videoState(
  appointment: Pick<Appointment, 'status' | 'modality' | 'video'>,
  now: number,
): VideoState {
  if (appointment.modality !== 'video' || !appointment.video) return 'not_video';
  if (appointment.status !== 'booked')
    return appointment.status === 'cancelled' ? 'cancelled' : 'closed';
  if (now < Date.parse(appointment.video.opensAt)) return 'early';
  if (now >= Date.parse(appointment.video.closesAt)) return 'closed';
  return 'open';
}

/** When the appointment stops being "upcoming": its end, or for video the end of the start window. */
function upcomingUntil(appointment: Appointment): number {
  const end = Date.parse(appointment.end);
  return appointment.video ? Math.max(end, Date.parse(appointment.video.closesAt)) : end;
}

/**
 * Splits the patient's appointments: upcoming (booked and not yet over, soonest first) and the
 * rest (past or cancelled, latest first).
 */
export function splitAppointments(
  list: readonly Appointment[],
  now: number,
): { upcoming: Appointment[]; past: Appointment[] } {
  const upcoming: Appointment[] = [];
  const past: Appointment[] = [];
  for (const appointment of list) {
    if (appointment.status === 'booked' && now < upcomingUntil(appointment))
      upcoming.push(appointment);
    else past.push(appointment);
  }
  upcoming.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  past.sort((a, b) => Date.parse(b.start) - Date.parse(a.start));
  return { upcoming, past };
}
