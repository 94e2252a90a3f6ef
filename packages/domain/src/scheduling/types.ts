import type { Duration, Instant, Interval, LocalDate, LocalTime, TimeZoneId } from '../time';

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * One block of a practitioner's weekly template, on the clinic's wall clock.
 * `end` may be `24:00`; `end` after `start`. Optional validity bounds are inclusive dates.
 */
export interface WeeklyHoursBlock {
  readonly weekday: Weekday;
  readonly start: LocalTime;
  readonly end: LocalTime;
  readonly validFrom?: LocalDate | null;
  readonly validUntil?: LocalDate | null;
}

/**
 * A dated change to the template, on the clinic's wall clock.
 * `absence` removes time (the whole day when `start`/`end` are null); `extra` adds time.
 */
export interface HoursException {
  readonly date: LocalDate;
  readonly kind: 'absence' | 'extra';
  readonly start: LocalTime | null;
  readonly end: LocalTime | null;
}

/** The clinic is closed on every date from `from` to `to`, both inclusive. */
export interface ClinicClosure {
  readonly from: LocalDate;
  readonly to: LocalDate;
}

/** Everything that decides when one practitioner works. */
export interface Availability {
  readonly timeZone: TimeZoneId;
  readonly weekly: readonly WeeklyHoursBlock[];
  readonly exceptions: readonly HoursException[];
  readonly closures: readonly ClinicClosure[];
  /**
   * Whether the weekly hours apply on Norwegian public holidays too. Left out or false, a holiday
   * has no weekly hours (only its `extra` exceptions), unless it is in `openHolidays`.
   */
  readonly worksHolidays?: boolean;
  /** Public holidays the clinic opened: the weekly hours apply on them as on any other date. */
  readonly openHolidays?: readonly LocalDate[];
}

/** The parts of an appointment type that shape its slots. */
export interface SlotRules {
  /** Length of the appointment. */
  readonly duration: Duration;
  /** Distance between slot starts; defaults to `duration`. */
  readonly step?: Duration;
  /** Earliest start is `now + minimumNotice`. */
  readonly minimumNotice: Duration;
  /** Latest start is `now + horizon`. */
  readonly horizon: Duration;
}

export type Slot = Interval;

export interface FreeSlotQuery {
  readonly availability: Availability;
  /** Intervals the practitioner is already booked, in any order, may overlap each other. */
  readonly busy: readonly Interval[];
  /** Slots whose start lies in `[range.start, range.end)` are returned. */
  readonly range: Interval;
  readonly rules: SlotRules;
  readonly now: Instant;
}

/** A search for the earliest free slot starting at or after `from` (and within the horizon). */
export type FirstFreeSlotQuery = Omit<FreeSlotQuery, 'range'> & { readonly from: Instant };
