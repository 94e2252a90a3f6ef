import type { SlotPreview } from '@visitt/contracts';
import { Temporal } from 'temporal-polyfill';
import { groupSlotsByDay, todayIn } from '../../../lib/dates';
import { addDays, weekEdge } from '../../../lib/calendar-dates';

/**
 * The preview's week: Monday to Sunday on the clinic's calendar. Weeks are named by their
 * Monday (`YYYY-MM-DD`); every day is cut at the clinic's local midnight, so a DST day has 23
 * or 25 hours and 08:00 stays 08:00 (never the browser's zone).
 */

/** The Monday of the week holding `date`. */
export function mondayOf(date: string): string {
  return weekEdge(date, 'start');
}

/** The Monday of this week on the clinic's calendar. */
export function currentMonday(timeZone: string, nowMs: number): string {
  return mondayOf(todayIn(timeZone, nowMs));
}

/** The Monday `weeks` weeks after (negative: before) `monday`. */
export function shiftWeek(monday: string, weeks: number): string {
  return addDays(monday, 7 * weeks);
}

/** The seven dates of the week starting `monday`. */
export function weekDates(monday: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** The ISO week number of the week starting `monday` (week 1 holds the year's first Thursday). */
export function isoWeekNumber(monday: string): number {
  return Temporal.PlainDate.from(monday).weekOfYear ?? 0;
}

export interface OpenSpan {
  /** ISO instants, clipped to the day. */
  start: string;
  end: string;
  /** The span runs to the day's end: show its end as 24:00, not 00:00. */
  untilMidnight: boolean;
}

export interface PreviewDay {
  date: string;
  open: OpenSpan[];
  slots: { start: string; end: string }[];
}

const midnight = (date: string, timeZone: string) =>
  Temporal.PlainDate.from(date).toZonedDateTime({ timeZone }).epochMilliseconds;

/**
 * The preview laid out by day of the week starting `monday`: the open hours cut at each local
 * midnight (an interval over several days shows on each), and the free slots on the day they
 * start, each day's in time order.
 */
export function previewDays(
  preview: Pick<SlotPreview, 'open' | 'slots' | 'timeZone'>,
  monday: string,
): PreviewDay[] {
  const zone = preview.timeZone;
  const slotsByDay = groupSlotsByDay(preview.slots, zone);
  const intervals = preview.open
    .map((o) => ({ start: Date.parse(o.start), end: Date.parse(o.end) }))
    .sort((a, b) => a.start - b.start);
  return weekDates(monday).map((date) => {
    const dayStart = midnight(date, zone);
    const dayEnd = midnight(addDays(date, 1), zone);
    const open: OpenSpan[] = [];
    for (const interval of intervals) {
      const start = Math.max(interval.start, dayStart);
      const end = Math.min(interval.end, dayEnd);
      if (start >= end) continue;
      open.push({
        start: new Date(start).toISOString(),
        end: new Date(end).toISOString(),
        untilMidnight: end === dayEnd,
      });
    }
    return { date, open, slots: slotsByDay.get(date) ?? [] };
  });
}
