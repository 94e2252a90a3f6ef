import { ok, refuse } from '../result';
import type { Decision } from '../result';
import { compileAvailability } from '../scheduling/open-intervals';
import { searchSlots } from '../scheduling/slots';
import type { FreeSlotQuery, Slot } from '../scheduling/types';
import { overlaps } from '../time';
import type { Duration, Instant } from '../time';
import type { AppointmentStatus } from './appointment';

/** How far ahead an appointment type may let patients book, at most: two years. */
export const MAX_HORIZON_DAYS = 730;

/**
 * Why a start time cannot be booked:
 * - `too_soon`: before `now + minimumNotice`; offer later times.
 * - `beyond_horizon`: after `now + horizon`; offer earlier times.
 * - `slot_unavailable`: not a start the practitioner's hours offer (outside hours, off the grid,
 *   or the slot would not fit); reload the slot list.
 * - `slot_taken`: a real slot, but someone holds time that overlaps it; show the remaining times.
 */
export type BookingTimeRefusal = 'too_soon' | 'beyond_horizon' | 'slot_unavailable' | 'slot_taken';

/** Everything a booking check needs: a slot query without a range. */
export type BookingTimeQuery = Omit<FreeSlotQuery, 'range'>;

/**
 * Whether an appointment may be booked to start at `start`. Checks, in this order: minimum
 * notice, horizon, that `start` is exactly a slot start `findFreeSlots` would offer if nobody were
 * busy, and that the slot overlaps no busy interval. On success the value is the slot.
 *
 * The database exclusion constraint remains the last word on overlaps under concurrency; this
 * check gives the same answer for everything already committed.
 */
export function checkBookingTime(
  q: BookingTimeQuery,
  start: Instant,
): Decision<BookingTimeRefusal, Slot> {
  if (start < q.now + q.rules.minimumNotice) return refuse('too_soon');
  if (start > q.now + q.rules.horizon) return refuse('beyond_horizon');
  const duration = q.rules.duration;
  const [slot] = searchSlots({
    availability: compileAvailability(q.availability),
    busy: [],
    duration,
    step: q.rules.step ?? duration,
    earliest: start,
    latest: start,
    before: Number.POSITIVE_INFINITY,
    limit: 1,
  });
  if (slot === undefined) return refuse('slot_unavailable');
  if (q.busy.some((busy) => busy.end > busy.start && overlaps(busy, slot)))
    return refuse('slot_taken');
  return ok(slot);
}

/** The last instant at which an appointment starting at `start` may still be cancelled. */
export function cancellationDeadline(start: Instant, deadline: Duration): Instant {
  return (start - deadline) as Instant;
}

/**
 * Why an appointment cannot be cancelled:
 * - `already_cancelled`: nothing to do; show it as cancelled.
 * - `not_cancellable`: it is completed, a no-show, or has already started.
 * - `past_cancellation_deadline`: too close to the start; the patient must contact the clinic.
 */
export type CancelRefusal = 'already_cancelled' | 'not_cancellable' | 'past_cancellation_deadline';

/** The parts of an appointment that decide whether it may be cancelled. */
export interface CancellableAppointment {
  readonly status: AppointmentStatus;
  readonly start: Instant;
  /** How long before `start` cancelling closes. */
  readonly cancellationDeadline: Duration;
}

/**
 * Why an appointment in `status` can no longer change (cancel or move), or null for a booked one:
 * a cancelled one is `already_cancelled`, a completed or no-show one `not_cancellable`.
 */
export function settledStatusRefusal(
  status: AppointmentStatus,
): 'already_cancelled' | 'not_cancellable' | null {
  switch (status) {
    case 'cancelled':
      return 'already_cancelled';
    case 'completed':
    case 'no_show':
      return 'not_cancellable';
    case 'booked':
      return null;
  }
}

/**
 * Whether the appointment may be cancelled at `now`: it must be `booked`, not yet started
 * (`now < start`), and `now` at or before `start − cancellationDeadline` (exactly at the deadline
 * is still allowed).
 */
export function canCancel(
  appointment: CancellableAppointment,
  now: Instant,
): Decision<CancelRefusal> {
  const settled = settledStatusRefusal(appointment.status);
  if (settled) return refuse(settled);
  if (now >= appointment.start) return refuse('not_cancellable');
  if (now > cancellationDeadline(appointment.start, appointment.cancellationDeadline)) {
    return refuse('past_cancellation_deadline');
  }
  return ok();
}
