import type { AppointmentStatus, Modality } from '../booking/appointment';
import { ok, refuse } from '../result';
import type { Decision } from '../result';
import { HOUR, MINUTE } from '../time';
import type { Duration, Instant } from '../time';

/** The patient may start the video consultation this long before its start. */
export const VIDEO_OPENS_BEFORE = (15 * MINUTE) as Duration;
/** …and until this long after its start. */
export const VIDEO_CLOSES_AFTER = (2 * HOUR) as Duration;

/** When the patient may start the consultation: from `opensAt` to `closesAt`, both inclusive. */
export function videoWindow(start: Instant): { opensAt: Instant; closesAt: Instant } {
  return {
    opensAt: (start - VIDEO_OPENS_BEFORE) as Instant,
    closesAt: (start + VIDEO_CLOSES_AFTER) as Instant,
  };
}

/**
 * Why an appointment has no video room at all, whatever the time:
 * - `not_video`: an in-person appointment has no call.
 * - `cancelled`: the appointment was cancelled.
 */
export type NoRoomRefusal = 'not_video' | 'cancelled';

/** Why `now` lies outside {@link videoWindow}: before it opens, or after it closed. */
export type WindowRefusal = 'too_early' | 'too_late';

/**
 * Why the patient may not start the video consultation now:
 * - `too_early`: before the window opens; show the button disabled with `videoWindow().opensAt`.
 * - `too_late`: the window has closed; the patient must book again.
 * - `not_video`: an in-person appointment has no call.
 * - `cancelled`: the appointment was cancelled.
 */
export type StartRefusal = WindowRefusal | NoRoomRefusal;

/** The parts of an appointment that decide whether its call may start. */
export interface VideoStartAppointment {
  readonly status: AppointmentStatus;
  readonly modality: Modality;
  readonly start: Instant;
}

/**
 * Whether the appointment has a video room: a video appointment that is not cancelled. Completed
 * and no-show appointments keep theirs (the window alone closes it), so a call that dropped after
 * the practitioner marked it, or a patient marked no-show who turns up late, can still come in.
 */
export function hasVideoRoom(
  appointment: Pick<VideoStartAppointment, 'status' | 'modality'>,
): Decision<NoRoomRefusal> {
  switch (appointment.status) {
    case 'cancelled':
      return refuse('cancelled');
    case 'booked':
    case 'completed':
    case 'no_show':
      break;
  }
  return appointment.modality === 'video' ? ok() : refuse('not_video');
}

/**
 * Whether `now` lies in the video window of an appointment starting at `start`: from
 * {@link VIDEO_OPENS_BEFORE} before it to {@link VIDEO_CLOSES_AFTER} after it, both ends
 * inclusive (`opensAt` and `closesAt` themselves are inside).
 */
export function isInVideoWindow(start: Instant, now: Instant): Decision<WindowRefusal> {
  const { opensAt, closesAt } = videoWindow(start);
  if (now < opensAt) return refuse('too_early');
  if (now > closesAt) return refuse('too_late');
  return ok();
}

/**
 * Whether the patient may start (or rejoin) the video consultation at `now`: the appointment must
 * have a video room ({@link hasVideoRoom}: video, not cancelled) and `now` must lie in
 * {@link videoWindow} (15 minutes before the start to 2 hours after, both inclusive). Status and
 * modality are checked before the time, so the reason shown is the one that will not go away by
 * waiting. Completed and no-show appointments are not refused by status: the window alone decides,
 * so a dropped call can rejoin.
 */
export function canStartVideo(
  appointment: VideoStartAppointment,
  now: Instant,
): Decision<StartRefusal> {
  const room = hasVideoRoom(appointment);
  if (!room.ok) return room;
  return isInVideoWindow(appointment.start, now);
}
