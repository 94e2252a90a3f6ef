import { Temporal } from 'temporal-polyfill';
import { ok, refuse, type Decision } from '../result';
import { HOUR, parseLocalDate, type Instant } from '../time';

/** The earliest year a date of birth may have. */
export const EARLIEST_BIRTH_YEAR = 1900;

// UTC+14 (Kiribati) is the first zone to begin a day.
const EARLIEST_ZONE_OFFSET = 14 * HOUR;

/**
 * The latest calendar date anywhere on Earth at `now` (`YYYY-MM-DD`): a later date has begun
 * nowhere yet, so it cannot be anyone's date of birth, wherever they are.
 */
export function latestDateOnEarth(now: Instant): string {
  return Temporal.Instant.fromEpochMilliseconds(now + EARLIEST_ZONE_OFFSET)
    .toZonedDateTimeISO('UTC')
    .toPlainDate()
    .toString();
}

/**
 * Why a date cannot be a date of birth:
 * - `invalid`: not a calendar date (`YYYY-MM-DD`);
 * - `too_early`: before {@link EARLIEST_BIRTH_YEAR};
 * - `future`: after `latest`, the last date that has begun (the server passes
 *   {@link latestDateOnEarth}; a browser may pass its own today).
 */
export type BirthDateRefusal = 'invalid' | 'too_early' | 'future';

/** Whether `date` may be a date of birth when `latest` is the last date that has begun. */
export function checkBirthDate(date: string, latest: string): Decision<BirthDateRefusal> {
  if (!parseLocalDate(date)) return refuse('invalid');
  if (Number(date.slice(0, 4)) < EARLIEST_BIRTH_YEAR) return refuse('too_early');
  if (date > latest) return refuse('future');
  return ok();
}

/** Whether `date` may be a date of birth at `now`, anywhere on Earth. */
export const isPossibleBirthDate = (date: string, now: Instant): boolean =>
  checkBirthDate(date, latestDateOnEarth(now)).ok;
