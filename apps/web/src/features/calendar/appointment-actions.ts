import type { Slot, StaffAppointment } from '@visitt/contracts';
import {
  canClinicCancel as domainCanClinicCancel,
  canClinicMove,
  canMark,
  markableFrom,
  type ClinicSideAppointment,
  type Instant,
} from '@visitt/domain';
import { groupSlotsByDay, localDateOf, monthOf } from '../../lib/dates';
import { addMonths } from '../../lib/calendar-dates';

/**
 * What the clinic may do with an appointment at a given moment: the domain's rules (the same
 * functions the server decides with), so the page offers only what will be accepted. The server
 * still decides: its refusal is shown when the two disagree (a clock that is off, a change made
 * elsewhere a moment ago).
 */

type Clinical = Pick<StaffAppointment, 'status' | 'modality' | 'start' | 'end' | 'video'>;

export type Mark = 'completed' | 'no_show';

const asClinicSide = (appointment: Clinical): ClinicSideAppointment => ({
  status: appointment.status,
  modality: appointment.modality,
  start: Date.parse(appointment.start) as Instant,
  end: Date.parse(appointment.end) as Instant,
});

/**
 * When the appointment can first be marked ({@link markableFrom}), as an ISO 8601 instant.
 */
export function marksFrom(appointment: Clinical): string {
  return new Date(markableFrom(asClinicSide(appointment))).toISOString();
}

/**
 * The marks that can be set at `now` ({@link canMark}): none for a cancelled appointment or one
 * that has not begun; both for a booked one; the other one for a marked one (a mark can be
 * corrected).
 */
export function availableMarks(appointment: Clinical, now: number): Mark[] {
  if (!canMark(asClinicSide(appointment), now as Instant).ok) return [];
  switch (appointment.status) {
    case 'booked':
      return ['completed', 'no_show'];
    case 'completed':
      return ['no_show'];
    case 'no_show':
      return ['completed'];
    case 'cancelled':
      return [];
  }
}

/** Whether the clinic may cancel at `now` ({@link domainCanClinicCancel}). */
export function canClinicCancel(appointment: Clinical, now: number): boolean {
  return domainCanClinicCancel(asClinicSide(appointment), now as Instant).ok;
}

/** Whether the clinic may move it at `now` ({@link canClinicMove}). */
export function canMove(appointment: Clinical, now: number): boolean {
  return canClinicMove(asClinicSide(appointment), now as Instant).ok;
}

/**
 * The two months whose free times are offered for a move: the month of the appointment's day,
 * or of today when that is already past, and the month after (so the next days are there even
 * at the end of a month).
 */
export function moveMonths(appointmentDay: string, today: string): [string, string] {
  const first = monthOf(appointmentDay > today ? appointmentDay : today);
  return [first, addMonths(first, 1)];
}

/**
 * The free times to move to, by clinic-local day, from `today` on: the appointment's own time is
 * left out (it is not a move), and so are days before today.
 */
export function moveChoices(
  slots: readonly Slot[],
  appointment: Pick<StaffAppointment, 'start' | 'timeZone'>,
  today: string,
): Map<string, Slot[]> {
  const own = Date.parse(appointment.start);
  const days = groupSlotsByDay(
    slots.filter((slot) => Date.parse(slot.start) !== own),
    appointment.timeZone,
  );
  for (const day of days.keys()) if (day < today) days.delete(day);
  return days;
}

/** The day to show first when moving: the appointment's own day if it has free times, else the first. */
export function firstMoveDay(
  choices: ReadonlyMap<string, readonly Slot[]>,
  appointment: Pick<StaffAppointment, 'start' | 'timeZone'>,
): string | null {
  const own = localDateOf(appointment.start, appointment.timeZone);
  if (choices.has(own)) return own;
  return choices.keys().next().value ?? null;
}
