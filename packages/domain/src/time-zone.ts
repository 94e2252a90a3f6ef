import { Temporal } from 'temporal-polyfill';
import type { Instant, LocalDate, LocalTime, TimeZoneId } from './time';

/**
 * Returns the IANA zone branded in its canonical spelling (`europe/oslo` → `Europe/Oslo`), or
 * `null` when it is not a zone Temporal knows. Bare offsets such as `+01:00` are refused: a clinic
 * lives in a zone with rules, not at a fixed offset.
 */
export function parseTimeZoneId(value: string): TimeZoneId | null {
  if (!/^[A-Za-z]/.test(value)) return null;
  try {
    return Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(value)
      .timeZoneId as TimeZoneId;
  } catch {
    return null;
  }
}

/** The calendar date on the wall clock of `timeZone` at the instant `at`. */
export function localDateOf(at: Instant, timeZone: TimeZoneId): LocalDate {
  return Temporal.Instant.fromEpochMilliseconds(at)
    .toZonedDateTimeISO(timeZone)
    .toPlainDate()
    .toString() as LocalDate;
}

/**
 * The instant at which the wall clock of `timeZone` shows `time` on `date`.
 *
 * Same policy as the slot expansion: `24:00` is the next date's `00:00`; a time that does not
 * exist (the spring-forward gap) is moved forward by the length of the gap (02:30 on Europe/Oslo
 * 2026-03-29 → 03:30 CEST); a time that occurs twice (fall-back) takes the earlier offset.
 */
export function wallClockToInstant(
  date: LocalDate,
  time: LocalTime,
  timeZone: TimeZoneId,
): Instant {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const day = Temporal.PlainDate.from(date).add({ days: hour === 24 ? 1 : 0 });
  return day
    .toPlainDateTime({ hour: hour % 24, minute })
    .toZonedDateTime(timeZone, { disambiguation: 'compatible' }).epochMilliseconds as Instant;
}
