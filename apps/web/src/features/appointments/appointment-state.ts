import type { Appointment } from '@visitt/contracts';
import { canStartVideo, instant } from '@visitt/domain';

export type VideoState =
  /** Not a video appointment: no button. */
  | 'not_video'
  /** Cancelled: the button is disabled. */
  | 'cancelled'
  /** Before `video.opensAt` (15 minutes before the start). */
  | 'early'
  /**
   * From `video.opensAt` to `video.closesAt` (2 hours after the start), both inclusive: may
   * start, also when the appointment was marked completed or no-show (a dropped call rejoins).
   */
  | 'open'
  /** After `video.closesAt`. */
  | 'closed';

/**
 * Whether the patient may start the video consultation at `now` (epoch ms): the domain's
 * `canStartVideo`, the rule the server applies, so the button and the server agree to the
 * millisecond. The server checks again when the call is started, since this clock may be wrong.
 */
export function videoState(
  appointment: Pick<Appointment, 'status' | 'modality' | 'start' | 'video'>,
  now: number,
): VideoState {
  if (!appointment.video) return 'not_video';
  const decision = canStartVideo(
    {
      status: appointment.status,
      modality: appointment.modality,
      start: instant(Date.parse(appointment.start)),
    },
    instant(now),
  );
  if (decision.ok) return 'open';
  switch (decision.reason) {
    case 'not_video':
      return 'not_video';
    case 'cancelled':
      return 'cancelled';
    case 'too_early':
      return 'early';
    case 'too_late':
      return 'closed';
  }
}

/**
 * Whether a booked appointment is still ahead of the patient: until its end, and a video one for
 * as long as it can be started (the domain's window, through {@link videoState}).
 */
function isUpcoming(appointment: Appointment, now: number): boolean {
  return now < Date.parse(appointment.end) || videoState(appointment, now) === 'open';
}

/**
 * Splits the patient's appointments: upcoming (booked and not yet over) and the rest (past or
 * cancelled, latest first). Upcoming ones that can be started now ({@link videoState} `open`)
 * come first, then the rest soonest first: the call the patient is here for is on top.
 */
export function splitAppointments(
  list: readonly Appointment[],
  now: number,
): { upcoming: Appointment[]; past: Appointment[] } {
  const upcoming: Appointment[] = [];
  const past: Appointment[] = [];
  for (const appointment of list) {
    if (appointment.status === 'booked' && isUpcoming(appointment, now)) upcoming.push(appointment);
    else past.push(appointment);
  }
  const isOpen = (appointment: Appointment) => videoState(appointment, now) === 'open';
  upcoming.sort(
    (a, b) => Number(isOpen(b)) - Number(isOpen(a)) || Date.parse(a.start) - Date.parse(b.start),
  );
  past.sort((a, b) => Date.parse(b.start) - Date.parse(a.start));
  return { upcoming, past };
}
