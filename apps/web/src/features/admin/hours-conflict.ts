import { HoursConflict, type OutsideAppointment } from '@visitt/contracts';
import { Temporal } from 'temporal-polyfill';
import { isApiError } from '../../lib/api';

/**
 * The booked appointments of a 409 `hours_conflict` answer (the change would put them outside
 * the open hours; nothing was saved), or null when `error` is anything else — including a
 * `hours_conflict` whose body does not match the contract, which callers show as a plain error.
 */
export function readHoursConflict(error: unknown): OutsideAppointment[] | null {
  if (!isApiError(error, 'hours_conflict')) return null;
  const parsed = HoursConflict.safeParse(error.details);
  return parsed.success ? parsed.data.appointments : null;
}

/**
 * The wall-clock time written in `iso` (`2026-12-01T08:00:00+01:00` → 08:00 on 1 December) as
 * a UTC instant, so that formatting it in `UTC` shows the clock the server wrote it on. The API
 * writes conflict times on the clinic's clock, which is the clock the administrator thinks in.
 */
export function wallClockAsUtc(iso: string): string {
  return Temporal.PlainDateTime.from(iso).toZonedDateTime('UTC').toInstant().toString();
}
