import { Temporal } from 'temporal-polyfill';
import { DAY } from '../time';
import type { LocalDate, TimeZoneId } from '../time';

// Internal to scheduling: not re-exported from the package.
//
// Temporal costs several microseconds per zone conversion, and slot expansion needs a few per
// local date. A zone's offset changes only at its transitions (about two a year), so we ask
// Temporal for the transitions once and resolve wall-clock times with plain arithmetic.
// zone-clock.test.ts checks the arithmetic against Temporal across many zones and years.

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
 * Out-of-range days roll over (`2026-02-31` is `2026-03-03`); callers pass valid dates.
 */
export function epochDayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
export function epochDayOf(date: LocalDate): number {
  return epochDayFromCivil(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)),
    Number(date.slice(8, 10)),
  );
}

/** The `YYYY-MM-DD` date of a day count since 1970-01-01 (`civil_from_days`). */
export function localDateOfEpochDay(epochDay: number): LocalDate {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` as LocalDate;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a day count since 1970-01-01, a Thursday. */
export function weekdayOfEpochDay(epochDay: number): 1 | 2 | 3 | 4 | 5 | 6 | 7 {
  return (((((epochDay + 3) % 7) + 7) % 7) + 1) as 1 | 2 | 3 | 4 | 5 | 6 | 7;
}

/**
 * The offsets of one zone from `from` onwards, learnt lazily from Temporal's transitions.
 *
 * "Local ms" below is a wall-clock reading written as if it were UTC epoch ms:
 * `epochDay * DAY + minutes * MINUTE`. `instant = local - offset`.
 */
export class ZoneClock {
  /** `starts[i]` is the instant from which `offsets[i]` (ms east of UTC) holds. */
  private readonly starts: number[] = [Number.NEGATIVE_INFINITY];
  private readonly offsets: number[];
  /** Every transition at or before this instant is in `starts`. */
  private knownUntil: number;

  /**
   * @param timeZone IANA zone; Temporal throws a RangeError for an unknown one.
   * @param from earliest instant this clock will be asked about; nothing before it is correct.
   */
  constructor(
    private readonly timeZone: TimeZoneId,
    private readonly from: number,
  ) {
    const zoned = Temporal.Instant.fromEpochMilliseconds(from).toZonedDateTimeISO(timeZone);
    this.offsets = [zoned.offsetNanoseconds / 1e6];
    this.knownUntil = from;
  }

  /** Learns every transition up to `until`. */
  private learnUntil(until: number): void {
    while (this.knownUntil < until) {
      const next = Temporal.Instant.fromEpochMilliseconds(this.knownUntil)
        .toZonedDateTimeISO(this.timeZone)
        .getTimeZoneTransition('next');
      if (next == null) {
        this.knownUntil = Number.POSITIVE_INFINITY;
        return;
      }
      this.starts.push(next.epochMilliseconds);
      this.offsets.push(next.offsetNanoseconds / 1e6);
      this.knownUntil = next.epochMilliseconds;
    }
  }

  /** Offset (ms east of UTC) in force at the instant `at`. */
  offsetAt(at: number): number {
    this.learnUntil(at + 1);
    let i = this.starts.length - 1;
    while (i > 0 && (this.starts[i] as number) > at) i--;
    return this.offsets[i] as number;
  }

  /** Days since 1970-01-01 of the local date at the instant `at`. */
  epochDayAt(at: number): number {
    return Math.floor((at + this.offsetAt(at)) / DAY);
  }

  /**
   * The instant of a wall-clock reading (local ms), disambiguated like Temporal's 'compatible':
   * a reading inside a gap is moved forward by the gap, a repeated one takes the earlier offset.
   */
  resolve(local: number): number {
    // An instant is at most a day away from its local reading (Pacific/Apia skipped a whole day).
    this.learnUntil(local + 2 * DAY);
    const { starts, offsets } = this;
    let earliest = Number.POSITIVE_INFINITY;
    for (let i = 0; i < offsets.length; i++) {
      const at = local - (offsets[i] as number);
      const segmentEnd =
        i + 1 < starts.length ? (starts[i + 1] as number) : Number.POSITIVE_INFINITY;
      if (at >= (starts[i] as number) && at < segmentEnd && at < earliest) earliest = at;
    }
    if (earliest !== Number.POSITIVE_INFINITY) return earliest;
    // No offset fits, so `local` lies in the gap of a forward transition: read it with the
    // offset from before the gap, which lands as far past the gap's end as it was past its start.
    for (let k = 1; k < offsets.length; k++) {
      const before = offsets[k - 1] as number;
      const after = offsets[k] as number;
      const at = starts[k] as number;
      if (after > before && local >= at + before && local < at + after) return local - before;
    }
    throw new RangeError(
      `ZoneClock(${this.timeZone}, from ${this.from}) cannot resolve local ${local}`,
    );
  }
}
