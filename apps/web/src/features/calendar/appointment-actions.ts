import type { Slot, StaffAppointment } from '@visitt/contracts';
import { addMonths, groupSlotsByDay, localDateOf, monthOf } from '../../lib/dates';

/**
 * What the clinic may do with an appointment at a given moment, mirroring the server's rules
 * (apps/server/src/commands/calendar/status-rules.ts and move-appointment.ts) so the page offers
 * only what will be accepted. The server decides: its refusal is shown when the two disagree
 * (a clock that is off, a change made elsewhere a moment ago).
 */

type Clinical = Pick<StaffAppointment, 'status' | 'modality' | 'start' | 'end' | 'video'>;

export type Mark = 'completed' | 'no_show';

/**
 * When the appointment begins for marking completed or no-show: its start, or for a video
 * appointment when its room opens (the call may start then).
 */
export function marksFrom(appointment: Clinical): string {
  return appointment.modality === 'video' && appointment.video
    ? appointment.video.opensAt
    : appointment.start;
}

/**
 * The marks that can be set at `now`: none for a cancelled appointment or one that has not begun;
 * both for a booked one; the other one for a marked one (a mark can be corrected).
 */
export function availableMarks(appointment: Clinical, now: number): Mark[] {
  if (appointment.status === 'cancelled') return [];
  if (now < Date.parse(marksFrom(appointment))) return [];
  switch (appointment.status) {
    case 'booked':
      return ['completed', 'no_show'];
    case 'completed':
      return ['no_show'];
    case 'no_show':
      return ['completed'];
  }
}

/** Whether the clinic may cancel at `now`: a booked appointment, until its end (no deadline). */
export function canClinicCancel(appointment: Clinical, now: number): boolean {
  return appointment.status === 'booked' && now < Date.parse(appointment.end);
}

/**
 * Whether the clinic may move it: a booked appointment (the server's rule) that has not ended
 * (moving one that is over would rewrite what happened).
 */
export function canMove(appointment: Clinical, now: number): boolean {
  return appointment.status === 'booked' && now < Date.parse(appointment.end);
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
