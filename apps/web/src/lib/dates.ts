import { Temporal } from 'temporal-polyfill';

/**
 * Time helpers for the web client. Every wall-clock time shown to a patient is on the clinic's
 * clock (its IANA zone), never the browser's: the appointment happens at the clinic.
 * Instants travel as ISO 8601 strings with offset; calendar days as `YYYY-MM-DD`; months as `YYYY-MM`.
 */

export interface TimeRange {
  start: string;
  end: string;
}

/** The instant `iso` on the wall clock of `timeZone`. */
export function toZoned(iso: string, timeZone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.from(iso).toZonedDateTimeISO(timeZone);
}

/** The calendar day (`YYYY-MM-DD`) on which `iso` falls in `timeZone`. */
export function localDateOf(iso: string, timeZone: string): string {
  return toZoned(iso, timeZone).toPlainDate().toString();
}

/**
 * Groups slots by the clinic-local day they start on, days and slots in time order. A slot
 * at 00:30 local time belongs to that day even when its UTC instant is the evening before.
 */
export function groupSlotsByDay<T extends TimeRange>(
  slots: readonly T[],
  timeZone: string,
): Map<string, T[]> {
  const sorted = [...slots].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  const days = new Map<string, T[]>();
  for (const slot of sorted) {
    const day = localDateOf(slot.start, timeZone);
    const list = days.get(day);
    if (list) list.push(slot);
    else days.set(day, [slot]);
  }
  return days;
}

/** Today's date (`YYYY-MM-DD`) in `timeZone` at `nowMs`. */
export function todayIn(timeZone: string, nowMs: number): string {
  return Temporal.Instant.fromEpochMilliseconds(nowMs)
    .toZonedDateTimeISO(timeZone)
    .toPlainDate()
    .toString();
}

/** The month (`YYYY-MM`) containing `date` (`YYYY-MM-DD`). */
export function monthOf(date: string): string {
  return Temporal.PlainDate.from(date).toPlainYearMonth().toString();
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

/** The browser's own IANA zone. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Whether two zone names are the same clock right now (e.g. `Europe/Oslo` vs `Europe/Oslo`). */
export function isSameTimeZone(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    return (
      new Intl.DateTimeFormat('en', { timeZone: a }).resolvedOptions().timeZone ===
      new Intl.DateTimeFormat('en', { timeZone: b }).resolvedOptions().timeZone
    );
  } catch {
    return false;
  }
}

// ---- formatting -------------------------------------------------------------------------------

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, cached);
  }
  return cached;
}

function epochOf(value: string | number): number {
  return typeof value === 'number' ? value : Date.parse(value);
}

/** "tirsdag 1. desember" / "Tuesday 1 December" on the clock of `timeZone`; with the year when asked. */
export function formatLongDate(
  value: string | number,
  timeZone: string,
  locale: string,
  withYear = false,
): string {
  return formatter(locale, {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...(withYear ? { year: 'numeric' } : {}),
  }).format(epochOf(value));
}

/** "tir. 1. des." / "Tue 1 Dec" on the clock of `timeZone`; with the year when asked. */
export function formatShortDate(
  value: string | number,
  timeZone: string,
  locale: string,
  withYear = false,
): string {
  return formatter(locale, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(withYear ? { year: 'numeric' } : {}),
  }).format(epochOf(value));
}

/** "30. november" / "30 November" on the clock of `timeZone`; with the year when asked. */
export function formatDayMonth(
  value: string | number,
  timeZone: string,
  locale: string,
  withYear = false,
): string {
  return formatter(locale, {
    timeZone,
    day: 'numeric',
    month: 'long',
    ...(withYear ? { year: 'numeric' } : {}),
  }).format(epochOf(value));
}

/** "08:45" on the clock of `timeZone`. */
export function formatTime(value: string | number, timeZone: string, locale: string): string {
  return formatter(locale, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(epochOf(value));
}

/** A calendar date (`YYYY-MM-DD`) as "tirsdag 1. desember" — no zone involved. */
export function formatPlainDate(date: string, locale: string, withYear = false): string {
  return formatLongDate(`${date}T12:00:00Z`, 'UTC', locale, withYear);
}

/** A month (`YYYY-MM`) as "desember 2026". */
export function formatMonth(month: string, locale: string): string {
  return formatter(locale, { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(
    Date.parse(`${month}-15T12:00:00Z`),
  );
}

/** The seven weekday names, Monday first, `short` ("man.") or `long` ("mandag"). */
export function weekdayNames(locale: string, width: 'short' | 'long'): string[] {
  // 2026-11-30 is a Monday.
  return Array.from({ length: 7 }, (_, i) =>
    formatter(locale, { timeZone: 'UTC', weekday: width }).format(
      Date.parse('2026-11-30T12:00:00Z') + i * 86_400_000,
    ),
  );
}

/** Whether `value` falls in another calendar year than `nowMs` on the clock of `timeZone`. */
export function isOtherYear(value: string | number, nowMs: number, timeZone: string): boolean {
  const year = (ms: number) =>
    Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(timeZone).year;
  return year(epochOf(value)) !== year(nowMs);
}
