import { Temporal } from 'temporal-polyfill';

/**
 * Calendar arithmetic for the pages that need it (booking's day and time, the staff calendar, the
 * administration), with Temporal: days, weeks and months as `YYYY-MM-DD` and `YYYY-MM`, and
 * instants on the clinic's clock. Kept apart from `dates.ts` so the first page does not carry
 * the polyfill.
 */

/** The instant `iso` on the wall clock of `timeZone`. */
export function toZoned(iso: string, timeZone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.from(iso).toZonedDateTimeISO(timeZone);
}

/** Whether `value` is a `YYYY-MM` month. */
export function isMonth(value: string | null): value is string {
  if (value == null || !/^\d{4}-\d{2}$/.test(value)) return false;
  try {
    Temporal.PlainYearMonth.from(value);
    return true;
  } catch {
    return false;
  }
}

/** Whether `value` is a `YYYY-MM-DD` calendar date. */
export function isLocalDate(value: string | null): value is string {
  if (value == null || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  try {
    Temporal.PlainDate.from(value, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}

/** `month` moved by `months` (negative goes back). */
export function addMonths(month: string, months: number): string {
  return Temporal.PlainYearMonth.from(month).add({ months }).toString();
}

/** `-1`, `0` or `1` as month `a` is before, equal to or after month `b`. */
export function compareMonths(a: string, b: string): number {
  return Temporal.PlainYearMonth.compare(
    Temporal.PlainYearMonth.from(a),
    Temporal.PlainYearMonth.from(b),
  );
}

/**
 * The whole of `month` on the clinic's clock as a query range: from local midnight of its first
 * day to local midnight of the next month's first day, both with the offset in force then
 * (the two differ when a DST change falls inside the month).
 */
export function monthRange(month: string, timeZone: string): { from: string; to: string } {
  const first = Temporal.PlainYearMonth.from(month).toPlainDate({ day: 1 });
  const next = first.add({ months: 1 });
  const format = (date: Temporal.PlainDate) =>
    date.toZonedDateTime({ timeZone }).toString({ timeZoneName: 'never', smallestUnit: 'second' });
  return { from: format(first), to: format(next) };
}

/**
 * The weeks of `month` for a calendar grid, Monday first: each week has seven entries, a
 * `YYYY-MM-DD` date or null for the days of the neighbouring months.
 */
export function monthGrid(month: string): (string | null)[][] {
  const first = Temporal.PlainYearMonth.from(month).toPlainDate({ day: 1 });
  const weeks: (string | null)[][] = [];
  let week: (string | null)[] = Array.from({ length: first.dayOfWeek - 1 }, () => null);
  for (let day = first; day.month === first.month; day = day.add({ days: 1 })) {
    week.push(day.toString());
    if (week.length === 7) {
      weeks.push(week);
      week = [];
    }
  }
  if (week.length > 0)
    weeks.push([...week, ...Array.from({ length: 7 - week.length }, () => null)]);
  return weeks;
}

/** `date` moved by `days`. */
export function addDays(date: string, days: number): string {
  return Temporal.PlainDate.from(date).add({ days }).toString();
}

/** The Monday (`toStart`) or Sunday of the week of `date`. */
export function weekEdge(date: string, edge: 'start' | 'end'): string {
  const day = Temporal.PlainDate.from(date);
  return (
    edge === 'start'
      ? day.subtract({ days: day.dayOfWeek - 1 })
      : day.add({ days: 7 - day.dayOfWeek })
  ).toString();
}
