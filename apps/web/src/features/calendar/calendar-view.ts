import type { AppointmentStatus, StaffAppointment } from '@visitt/contracts';
import { Temporal } from 'temporal-polyfill';
import { localDateOf } from '../../lib/dates';
import { addDays, isLocalDate, weekEdge } from '../../lib/calendar-dates';
import { roomState } from '../workspace/room-state';

/**
 * The practitioner's calendar as plain data: which days a view covers, how the URL names it,
 * and how appointments fall onto the clinic's calendar days. Days are `YYYY-MM-DD` on the
 * clinic's calendar; instants are ISO strings with offset; "now" is passed in.
 */

export type CalendarView = 'day' | 'week';

/** The path of the calendar page. */
export const CALENDAR_PATH = '/arbeidsflate/kalender';

/** The URL's words for the views (`?visning=dag|uke`), Norwegian like the paths. */
const VIEW_PARAM: Record<CalendarView, string> = { day: 'dag', week: 'uke' };

export interface CalendarPlace {
  day: string;
  view: CalendarView;
}

/**
 * The day and view the URL asks for (`?dag=YYYY-MM-DD&visning=dag|uke`); `today` and the week
 * when a value is missing or malformed, so an edited or old link still shows something sensible.
 */
export function readCalendarPlace(params: URLSearchParams, today: string): CalendarPlace {
  const day = params.get('dag');
  const view = params.get('visning') === VIEW_PARAM.day ? 'day' : 'week';
  return { day: isLocalDate(day) ? day : today, view };
}

/** `/arbeidsflate/kalender?dag=…&visning=…` for `place`. */
export function calendarHref(place: CalendarPlace): string {
  const params = new URLSearchParams({ dag: place.day, visning: VIEW_PARAM[place.view] });
  return `${CALENDAR_PATH}?${params.toString()}`;
}

/** The path of one appointment's page in the calendar. */
export function appointmentHref(id: string): string {
  return `${CALENDAR_PATH}/${encodeURIComponent(id)}`;
}

/** The first and last day (both inclusive, as the calendar API takes them) of the view. */
export function viewRange(place: CalendarPlace): { from: string; to: string } {
  return place.view === 'day'
    ? { from: place.day, to: place.day }
    : { from: weekEdge(place.day, 'start'), to: weekEdge(place.day, 'end') };
}

/** Every day from `from` to `to`, both inclusive. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/**
 * The place one step back (`-1`) or forward (`1`): a day in the day view, a week in the week
 * view. The week view keeps the weekday, so switching back to the day view stays in step.
 */
export function stepPlace(place: CalendarPlace, direction: -1 | 1): CalendarPlace {
  return { ...place, day: addDays(place.day, direction * (place.view === 'day' ? 1 : 7)) };
}

/** Whether `today` is inside the view of `place`. */
export function containsDay(place: CalendarPlace, today: string): boolean {
  const { from, to } = viewRange(place);
  return from <= today && today <= to;
}

/** The ISO week number of `day` (Monday first, as in Norway): "uke 13". */
export function isoWeek(day: string): number {
  return Temporal.PlainDate.from(day).weekOfYear ?? 0;
}

/**
 * The appointments on each of `days`, in time order. Each appointment lands on the day it starts
 * on its own clinic's calendar, so 00:30 in Oslo is that day although it is the evening before
 * in UTC. Appointments on other days are left out.
 */
export function groupByDay<T extends Pick<StaffAppointment, 'start' | 'timeZone'>>(
  appointments: readonly T[],
  days: readonly string[],
): Map<string, T[]> {
  const byDay = new Map<string, T[]>(days.map((day) => [day, []]));
  const sorted = [...appointments].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  for (const appointment of sorted)
    byDay.get(localDateOf(appointment.start, appointment.timeZone))?.push(appointment);
  return byDay;
}

/**
 * How long the appointment really lasts, in minutes: from instant to instant, so a half-hour
 * across the spring-forward gap (01:45–03:15 in Oslo) is 30 minutes, not 90.
 */
export function durationMinutes(appointment: Pick<StaffAppointment, 'start' | 'end'>): number {
  return Math.round((Date.parse(appointment.end) - Date.parse(appointment.start)) / 60_000);
}

/** What the calendar says live about a video room: only what asks for the practitioner. */
export type LiveMark = 'waiting' | 'in_call' | 'reconnecting';

/**
 * The live mark of an appointment at `now`: the patient is waiting ("venter nå"), in the call,
 * or reconnecting; null otherwise (in person, not started, over). Only a patient who has started
 * is ever marked, and the server opens the room only from 15 minutes before the start.
 */
export function liveMark(
  appointment: Pick<StaffAppointment, 'status' | 'modality' | 'start' | 'video'>,
  now: number,
): LiveMark | null {
  if (appointment.status !== 'booked') return null;
  const state = roomState(appointment, now);
  return state === 'waiting' || state === 'in_call' || state === 'reconnecting' ? state : null;
}

/**
 * A span of calendar days in words, as compact as the language allows: "23.–29. mars 2026",
 * "30. mars–5. april 2026" ("23–29 March 2026" in English). No zone is involved: these are days.
 */
export function formatDayRange(from: string, to: string, locale: string): string {
  const format = new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  return format.formatRange(Date.parse(`${from}T12:00:00Z`), Date.parse(`${to}T12:00:00Z`));
}

/** The catalogue key of a status's label (`status.no_show` → "Ikke møtt"). */
export function statusKey(status: AppointmentStatus): `status.${AppointmentStatus}` {
  return `status.${status}`;
}

/** How many of `appointments` are not cancelled: the ones the practitioner still has. */
export function countActive(appointments: readonly Pick<StaffAppointment, 'status'>[]): number {
  return appointments.filter((a) => a.status !== 'cancelled').length;
}
