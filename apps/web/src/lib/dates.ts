/**
 * Time helpers for the web client. Every wall-clock time shown to a patient is on the clinic's
 * clock (its IANA zone), never the browser's: the appointment happens at the clinic.
 * Instants travel as ISO 8601 strings with offset; calendar days as `YYYY-MM-DD`; months as `YYYY-MM`.
 */

export interface TimeRange {
  start: string;
  end: string;
}

/**
 * The calendar day (`YYYY-MM-DD`) of the instant `ms` on the clock of `timeZone`, by `Intl`
 * (which every browser has), so the first page needs no Temporal polyfill; calendar arithmetic
 * is in `calendar-dates.ts`.
 */
function zonedDate(ms: number, timeZone: string): string {
  const parts = dayParts(timeZone).formatToParts(ms);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayParts(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      calendar: 'iso8601',
      numberingSystem: 'latn',
    });
    dayFormats.set(timeZone, format);
  }
  return format;
}

/** The calendar day (`YYYY-MM-DD`) on which `iso` falls in `timeZone`. */
export function localDateOf(iso: string, timeZone: string): string {
  return zonedDate(Date.parse(iso), timeZone);
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
  return zonedDate(nowMs, timeZone);
}

/** The month (`YYYY-MM`) containing `date` (`YYYY-MM-DD`). */
export function monthOf(date: string): string {
  return date.slice(0, 7);
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
  return zonedDate(epochOf(value), timeZone).slice(0, 4) !== zonedDate(nowMs, timeZone).slice(0, 4);
}
