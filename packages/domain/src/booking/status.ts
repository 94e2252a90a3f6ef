import { ok, refuse } from '../result';
import type { Decision } from '../result';
import type { Instant } from '../time';
import { videoWindow } from '../video/window';
import { settledStatusRefusal } from './rules';
import type { AppointmentStatus, Modality } from './appointment';

/** The parts of an appointment that decide what the clinic may do with it now. */
export interface ClinicSideAppointment {
  readonly status: AppointmentStatus;
  readonly modality: Modality;
  readonly start: Instant;
  readonly end: Instant;
}

/**
 * Why an appointment cannot be marked completed or no-show:
 * - `already_cancelled`: a cancelled appointment did not take place; nothing to mark.
 * - `status_too_early`: it has not begun (a video appointment begins when its window opens,
 *   15 minutes before the start, since the call may start then).
 */
export type MarkRefusal = 'already_cancelled' | 'status_too_early';

/**
 * Whether the clinic may mark the appointment completed or no-show at `now`. A mark may be
 * corrected (completed ↔ no-show), e.g. when the no-show job marked a video appointment the
 * practitioner held by phone.
 */
export function canMark(a: ClinicSideAppointment, now: Instant): Decision<MarkRefusal> {
  if (a.status === 'cancelled') return refuse('already_cancelled');
  if (now < markableFrom(a)) return refuse('status_too_early');
  return ok();
}

/**
 * When the appointment begins for marking completed or no-show: its start, or for a video
 * appointment when its window opens (the call may start then).
 */
export function markableFrom(a: Pick<ClinicSideAppointment, 'modality' | 'start'>): Instant {
  return a.modality === 'video' ? videoWindow(a.start).opensAt : a.start;
}

/**
 * Why the clinic cannot cancel:
 * - `already_cancelled`: nothing to do.
 * - `not_cancellable`: it is completed or a no-show, or already over.
 */
export type ClinicCancelRefusal = 'already_cancelled' | 'not_cancellable';

/**
 * Whether the clinic may cancel at `now`: a booked appointment until its end. Unlike the
 * patient, the clinic has no deadline (a practitioner who falls ill cancels the same morning),
 * and may cancel one under way that the patient is waiting for.
 */
export function canClinicCancel(
  a: ClinicSideAppointment,
  now: Instant,
): Decision<ClinicCancelRefusal> {
  const settled = settledStatusRefusal(a.status);
  if (settled) return refuse(settled);
  return now < a.end ? ok() : refuse('not_cancellable');
}

/**
 * Whether the clinic may move the appointment to another time at `now`: a booked appointment
 * that has not ended. Moving one that is over would rewrite what happened; a completed, no-show
 * or cancelled one is not moved (book a new one).
 */
export function canClinicMove(
  a: ClinicSideAppointment,
  now: Instant,
): Decision<ClinicCancelRefusal> {
  return canClinicCancel(a, now);
}
