import type { Instant } from '@visitt/domain';

// UTC+14 (Kiribati) is the first zone to begin a day.
const EARLIEST_ZONE_OFFSET_MS = 14 * 3_600_000;

/**
 * The latest calendar date anywhere on Earth at `now` (`YYYY-MM-DD`): a later date has begun
 * nowhere yet, so it cannot be anyone's date of birth, wherever they are.
 */
export function latestDateOnEarth(now: Instant): string {
  return new Date(now + EARLIEST_ZONE_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * Whether `date` (`YYYY-MM-DD`, already checked as a date in the API's sane years) may be a date
 * of birth at `now`: it has begun somewhere on Earth.
 */
export const isPossibleBirthDate = (date: string, now: Instant): boolean =>
  date <= latestDateOnEarth(now);
