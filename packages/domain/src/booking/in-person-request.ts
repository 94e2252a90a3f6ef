import type { Instant } from '../time';
import { hasVideoRoom, videoWindow, type VideoStartAppointment } from '../video/window';
import { ok, refuse, type Decision } from '../result';

/** The most a patient writes with a request for an in-person appointment. */
export const IN_PERSON_REASON_MAX_LENGTH = 500;
/** The most a clinic writes in its answer. */
export const IN_PERSON_ANSWER_MAX_LENGTH = 1000;

/**
 * Why a patient may not ask for an in-person appointment instead now:
 * - `not_video`: it is one already.
 * - `cancelled`: the appointment is cancelled.
 * - `too_late`: the video consultation's window has closed (2 hours after the start).
 */
export type InPersonRequestRefusal = 'not_video' | 'cancelled' | 'too_late';

/**
 * Whether the patient may ask for an in-person appointment instead of this video consultation
 * at `now`: any time from booking until its video window closes, the same span in which the
 * information step before the waiting room can be reached. Asking again (after an answer, or to
 * say more) is allowed.
 */
export function canRequestInPerson(
  appointment: Pick<VideoStartAppointment, 'status' | 'modality' | 'start'>,
  now: Instant,
): Decision<InPersonRequestRefusal> {
  const room = hasVideoRoom(appointment);
  if (!room.ok) return room;
  if (now > videoWindow(appointment.start).closesAt) return refuse('too_late');
  return ok();
}

/**
 * Why the clinic may not answer: there is no request (`no_request`), or it has been answered
 * and not asked again (`already_answered`: a second answer would be a second message).
 */
export type InPersonAnswerRefusal = 'no_request' | 'already_answered';

export function canAnswerInPersonRequest(
  request: { readonly answeredAt: Instant | null } | null,
): Decision<InPersonAnswerRefusal> {
  if (!request) return refuse('no_request');
  if (request.answeredAt !== null) return refuse('already_answered');
  return ok();
}
