import type { Duration, Instant } from '../time';

/**
 * How long the patient has waited for the practitioner at `now`: from when they started the
 * consultation (`startedAt`), but never from before the appointment's `start`. A patient may
 * start up to 15 minutes early (`VIDEO_OPENS_BEFORE`); the time before the start is theirs, not
 * the practitioner's delay, so it is no wait. Zero before the start, and zero when `now` is a
 * little behind `startedAt` (a clock behind the server's).
 */
export function timeWaited(start: Instant, startedAt: Instant, now: Instant): Duration {
  return Math.max(0, now - Math.max(start, startedAt)) as Duration;
}
