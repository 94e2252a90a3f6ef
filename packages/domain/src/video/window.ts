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
 * Why the patient may not start the video consultation now:
 * - `too_early`: before the window opens; show the button disabled with `videoWindow().opensAt`.
 * - `too_late`: the window has closed; the patient must book again.
 * - `not_video`: an in-person appointment has no call.
 * - `cancelled`: the appointment was cancelled.
 */
export type StartRefusal = 'too_early' | 'too_late' | 'not_video' | 'cancelled';

/** The parts of an appointment that decide whether its call may start. */
export interface VideoStartAppointment {
  readonly status: AppointmentStatus;
  readonly modality: Modality;
  readonly start: Instant;
}

/**
 * Whether the patient may start (or rejoin) the video consultation at `now`: it must not be
 * cancelled, must be a video appointment, and `now` must lie in {@link videoWindow} (15 minutes
 * before the start to 2 hours after, both inclusive). Status and modality are checked before the
 * time, so the reason shown is the one that will not go away by waiting. Completed and no-show
 * appointments are not refused by status: the window alone decides, so a dropped call can rejoin.
 */
export function canStartVideo(
  appointment: VideoStartAppointment,
  now: Instant,
): Decision<StartRefusal> {
  if (appointment.status === 'cancelled') return refuse('cancelled');
  if (appointment.modality !== 'video') return refuse('not_video');
  const { opensAt, closesAt } = videoWindow(appointment.start);
  if (now < opensAt) return refuse('too_early');
  if (now > closesAt) return refuse('too_late');
  return ok();
}
