import { DAY, MINUTE, minutesOfDay } from '../time';
import type { Instant, Interval, LocalTime, TimeZoneId } from '../time';
import { isNorwegianHolidayEpochDay } from './holidays';
import type { Availability } from './types';
import { ZoneClock, epochDayOf, weekdayOfEpochDay } from './zone-clock';

/** Minutes since local midnight, `[start, end)`. */
type MinuteSpan = readonly [start: number, end: number];

interface CompiledBlock {
  readonly fromDay: number;
  readonly untilDay: number;
  readonly span: MinuteSpan;
}

interface CompiledExceptions {
  readonly extra: MinuteSpan[];
  readonly absence: MinuteSpan[];
  wholeDayAbsent: boolean;
}

/**
 * An {@link Availability} with its dates turned into day numbers once, so that expanding a local
 * date is a few integer comparisons. Internal to scheduling.
 */
export interface CompiledAvailability {
  readonly timeZone: TimeZoneId;
  /** Index 1 (Monday) … 7 (Sunday). */
  readonly weekly: readonly (readonly CompiledBlock[])[];
  readonly exceptions: ReadonlyMap<number, CompiledExceptions>;
  readonly closures: readonly (readonly [fromDay: number, toDay: number])[];
  /** Whether the weekly blocks apply on public holidays. */
  readonly worksHolidays: boolean;
  /** Public holidays (day numbers) on which the weekly blocks apply all the same. */
  readonly openHolidays: ReadonlySet<number>;
  /** No date after this one has any open time (`Infinity` when the template is open-ended). */
  readonly lastOpenDay: number;
}

// A null bound means the day's edge: start null → 00:00, end null → 24:00.
const spanOf = (start: LocalTime | null, end: LocalTime | null): MinuteSpan => [
  start == null ? 0 : minutesOfDay(start),
  end == null ? 1440 : minutesOfDay(end),
];

/** Prepares `availability` for repeated per-date expansion. Internal to scheduling. */
export function compileAvailability(availability: Availability): CompiledAvailability {
  const weekly: CompiledBlock[][] = [[], [], [], [], [], [], [], []];
  let lastOpenDay = Number.NEGATIVE_INFINITY;
  for (const block of availability.weekly) {
    const span = spanOf(block.start, block.end);
    if (span[1] <= span[0]) continue;
    const untilDay =
      block.validUntil == null ? Number.POSITIVE_INFINITY : epochDayOf(block.validUntil);
    weekly[block.weekday]?.push({
      fromDay: block.validFrom == null ? Number.NEGATIVE_INFINITY : epochDayOf(block.validFrom),
      untilDay,
      span,
    });
    lastOpenDay = Math.max(lastOpenDay, untilDay);
  }

  const exceptions = new Map<number, CompiledExceptions>();
  for (const exception of availability.exceptions) {
    const day = epochDayOf(exception.date);
    let entry = exceptions.get(day);
    if (entry === undefined) {
      entry = { extra: [], absence: [], wholeDayAbsent: false };
      exceptions.set(day, entry);
    }
    const span = spanOf(exception.start, exception.end);
    if (span[1] <= span[0]) continue;
    if (exception.kind === 'extra') {
      entry.extra.push(span);
      lastOpenDay = Math.max(lastOpenDay, day);
    } else {
      entry.absence.push(span);
      if (span[0] === 0 && span[1] === 1440) entry.wholeDayAbsent = true;
    }
  }

  const closures = availability.closures.map(
    (closure) => [epochDayOf(closure.from), epochDayOf(closure.to)] as const,
  );
  return {
    timeZone: availability.timeZone,
    weekly,
    exceptions,
    closures,
    worksHolidays: availability.worksHolidays === true,
    openHolidays: new Set((availability.openHolidays ?? []).map(epochDayOf)),
    lastOpenDay,
  };
}

/**
 * A clock for `timeZone` that may be asked about local dates from the one holding `earliest`
 * minus one day onwards. Internal to scheduling.
 */
export function zoneClockFrom(timeZone: TimeZoneId, earliest: number): ZoneClock {
  // A date's first instant can lie up to about two days before an instant on the next date
  // (zone offsets span −12 h … +14 h, and Pacific/Apia once jumped a day); four is ample.
  return new ZoneClock(timeZone, earliest - 4 * DAY);
}

interface MutableInterval {
  start: number;
  end: number;
}

/**
 * Appends the open time of local date `epochDay` to `out`: sorted, merged, and clipped to the
 * date's own first and last instant, so that consecutive dates never overlap.
 * Returns the first instant of the next date. Internal to scheduling.
 */
export function appendOpenIntervalsOfDay(
  availability: CompiledAvailability,
  clock: ZoneClock,
  epochDay: number,
  out: Interval[],
): number {
  const midnight = epochDay * DAY;
  const dayEnd = clock.resolve(midnight + DAY);
  if (epochDay > availability.lastOpenDay) return dayEnd;
  for (const [fromDay, toDay] of availability.closures) {
    if (fromDay <= epochDay && epochDay <= toDay) return dayEnd;
  }
  const exceptions = availability.exceptions.get(epochDay);
  if (exceptions?.wholeDayAbsent === true) return dayEnd;

  const dayStart = clock.resolve(midnight);
  const toInstants = (spans: Iterable<MinuteSpan>): MutableInterval[] => {
    const result: MutableInterval[] = [];
    for (const [from, to] of spans) {
      // Both bounds are converted separately: a bound in the spring-forward gap moves forward,
      // so a block may shrink or even vanish (02:00–03:00 on a 02:00→03:00 day).
      const start = Math.max(clock.resolve(midnight + from * MINUTE), dayStart);
      const end = Math.min(clock.resolve(midnight + to * MINUTE), dayEnd);
      if (end > start) result.push({ start, end });
    }
    return result.sort((a, b) => a.start - b.start);
  };

  const open = toInstants(weeklySpans(availability, epochDay, exceptions));
  if (open.length === 0) return dayEnd;
  const merged = mergeSorted(open);
  const closed =
    exceptions === undefined || exceptions.absence.length === 0
      ? []
      : toInstants(exceptions.absence);
  subtractSorted(merged, closed, out);
  return dayEnd;
}

function* weeklySpans(
  availability: CompiledAvailability,
  epochDay: number,
  exceptions: CompiledExceptions | undefined,
): Generator<MinuteSpan> {
  // A holiday drops the template only: dated extra hours are an explicit choice and still count.
  const weeklyApplies =
    availability.worksHolidays ||
    availability.openHolidays.has(epochDay) ||
    !isNorwegianHolidayEpochDay(epochDay);
  if (weeklyApplies) {
    for (const block of availability.weekly[weekdayOfEpochDay(epochDay)] ?? []) {
      if (block.fromDay <= epochDay && epochDay <= block.untilDay) yield block.span;
    }
  }
  if (exceptions !== undefined) yield* exceptions.extra;
}

/** Merges intervals sorted by start that overlap or touch, in place; returns the same array. */
function mergeSorted(sorted: MutableInterval[]): MutableInterval[] {
  let last = 0;
  for (let i = 1; i < sorted.length; i++) {
    const current = sorted[i] as MutableInterval;
    const previous = sorted[last] as MutableInterval;
    if (current.start <= previous.end) previous.end = Math.max(previous.end, current.end);
    else sorted[++last] = current;
  }
  sorted.length = last + 1;
  return sorted;
}

/** Appends `open − closed` to `out`; `open` is merged, `closed` sorted by start. */
function subtractSorted(
  open: readonly MutableInterval[],
  closed: readonly MutableInterval[],
  out: Interval[],
): void {
  let j = 0;
  for (const { start, end } of open) {
    let cursor = start;
    while (j < closed.length && (closed[j] as MutableInterval).end <= cursor) j++;
    for (let k = j; k < closed.length && (closed[k] as MutableInterval).start < end; k++) {
      const hole = closed[k] as MutableInterval;
      if (hole.start > cursor) out.push({ start: cursor as Instant, end: hole.start as Instant });
      cursor = Math.max(cursor, hole.end);
      if (cursor >= end) break;
    }
    if (cursor < end) out.push({ start: cursor as Instant, end: end as Instant });
  }
}

/**
 * The practitioner's open time that overlaps `range`: sorted, merged (time open on consecutive
 * dates without a break is one interval), and clipped to `range`.
 *
 * Each local date of `availability.timeZone` is expanded on its own: the weekly blocks of its
 * weekday that are valid on it (`validFrom`/`validUntil` inclusive), plus its `extra` exceptions,
 * minus its `absence` exceptions (a null `start` means 00:00, a null `end` 24:00, so both null is
 * the whole day), and nothing at all on a clinic closure date. On a Norwegian public holiday
 * (see `norwegianHolidays`) the weekly blocks do not apply, unless `worksHolidays` is set or
 * the date is in `openHolidays`; its `extra` exceptions still do. Every date here is a date on the
 * clinic's calendar (`availability.timeZone`). A date's open time never leaves that date's own
 * instants.
 *
 * Wall-clock times become instants with Temporal's 'compatible' policy: a time that does not
 * exist because of a spring-forward gap is moved forward by the length of the gap (02:30 on
 * Europe/Oslo 2026-03-29 is 03:30 CEST), and a time that occurs twice at fall-back takes the
 * earlier (summer) offset. `24:00` is the next date's 00:00. So 00:00–24:00 lasts 23 hours on a
 * spring-forward date and 25 hours on a fall-back date, and a block whose start or end falls in
 * the gap keeps its nominal length of real time.
 *
 * Throws a RangeError when `availability.timeZone` is not a zone Temporal knows.
 */
export function expandOpenIntervals(availability: Availability, range: Interval): Interval[] {
  if (!(range.end > range.start)) return [];
  const compiled = compileAvailability(availability);
  const clock = zoneClockFrom(availability.timeZone, range.start);
  const perDay: Interval[] = [];
  // Local dates that straddle a range edge are covered by starting a day early and running
  // until a date begins at or after the end; clipping happens below.
  let epochDay = clock.epochDayAt(range.start) - 1;
  for (;;) {
    const nextDayStart = appendOpenIntervalsOfDay(compiled, clock, epochDay, perDay);
    if (nextDayStart >= range.end || epochDay > compiled.lastOpenDay) break;
    epochDay++;
  }

  const result: { start: Instant; end: Instant }[] = [];
  for (const interval of perDay) {
    const start = Math.max(interval.start, range.start) as Instant;
    const end = Math.min(interval.end, range.end) as Instant;
    if (end <= start) continue;
    const last = result[result.length - 1];
    if (last !== undefined && start <= last.end) last.end = Math.max(last.end, end) as Instant;
    else result.push({ start, end });
  }
  return result;
}
