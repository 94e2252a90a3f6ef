import type { Brand } from './brand';

/** An exact moment, in milliseconds since the Unix epoch (UTC). */
export type Instant = Brand<number, 'Instant'>;
/** A length of time in milliseconds. */
export type Duration = Brand<number, 'Duration'>;
/** An IANA time zone such as `Europe/Oslo`. */
export type TimeZoneId = Brand<string, 'TimeZoneId'>;
/** A calendar date on some wall clock, `YYYY-MM-DD`. */
export type LocalDate = Brand<string, 'LocalDate'>;
/** A wall-clock time of day, `HH:MM`; `24:00` is allowed as the end of a day. */
export type LocalTime = Brand<string, 'LocalTime'>;

/** Half-open interval of instants: `start` is inside, `end` is not. */
export interface Interval {
  readonly start: Instant;
  readonly end: Instant;
}

export const MINUTE = 60_000 as Duration;
export const HOUR = (60 * MINUTE) as Duration;
export const DAY = (24 * HOUR) as Duration;

export const instant = (epochMs: number): Instant => epochMs as Instant;
export const minutes = (n: number): Duration => (n * MINUTE) as Duration;
export const addDuration = (at: Instant, d: number): Instant => (at + d) as Instant;

/** Whether two half-open intervals share at least one instant. */
export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}

const LOCAL_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const LOCAL_TIME = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** Returns the date branded, or `null` when it is not a `YYYY-MM-DD` calendar date (`2026-02-29` is not). */
export function parseLocalDate(value: string): LocalDate | null {
  if (!LOCAL_DATE.test(value)) return null;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  return day <= daysInMonth(year, month) ? (value as LocalDate) : null;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Returns the time branded, or `null` when it is not `HH:MM` (00:00 to 24:00). */
export function parseLocalTime(value: string): LocalTime | null {
  return LOCAL_TIME.test(value) ? (value as LocalTime) : null;
}

/** Minutes since midnight of a wall-clock time (`24:00` is 1440). */
export function minutesOfDay(time: LocalTime): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
}
