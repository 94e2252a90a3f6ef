import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { DAY, MINUTE, overlaps } from '../time';
import type { Duration, Instant, Interval, LocalDate, LocalTime, TimeZoneId } from '../time';
import { localDateOf, wallClockToInstant } from '../time-zone';
import { expandOpenIntervals } from './open-intervals';
import { findFirstFreeSlot, findFreeSlots } from './slots';
import type { Availability, FreeSlotQuery, HoursException, Slot, Weekday } from './types';

// Random practitioners in zones with different DST rules, anchored on dates around transitions.
const ZONES = [
  'Europe/Oslo',
  'America/New_York',
  'Pacific/Auckland',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'UTC',
] as TimeZoneId[];
const ANCHORS = [
  '2026-03-27',
  '2026-10-23',
  '2026-03-06',
  '2026-10-30',
  '2026-04-03',
  '2026-09-25',
  '2027-03-26',
  '2026-06-10',
];

const hhmm = (minutesOfDay: number) =>
  `${String(Math.floor(minutesOfDay / 60)).padStart(2, '0')}:${String(minutesOfDay % 60).padStart(2, '0')}` as LocalTime;
const plusDays = (date: string, days: number) =>
  Temporal.PlainDate.from(date).add({ days }).toString() as LocalDate;
const mostlyNull = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, { arbitrary: arb, weight: 1 });
const quarter = (max: number) => fc.integer({ min: 0, max }).map((q) => q * 15);

const scenario = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    anchor: fc.constantFrom(...ANCHORS),
    weekly: fc.array(
      fc.record({
        weekday: fc.integer({ min: 1, max: 7 }),
        start: quarter(95),
        length: quarter(48).map((m) => m + 15),
        validFrom: mostlyNull(fc.integer({ min: -3, max: 10 })),
        validUntil: mostlyNull(fc.integer({ min: -3, max: 10 })),
      }),
      { minLength: 1, maxLength: 8 },
    ),
    exceptions: fc.array(
      fc.record({
        day: fc.integer({ min: -2, max: 9 }),
        kind: fc.constantFrom('absence' as const, 'extra' as const),
        start: fc.option(quarter(95)),
        end: fc.option(quarter(96)),
      }),
      { maxLength: 4 },
    ),
    closures: fc.array(
      fc.record({ day: fc.integer({ min: -2, max: 9 }), length: fc.integer({ min: 0, max: 2 }) }),
      {
        maxLength: 1,
      },
    ),
    worksHolidays: fc.option(fc.boolean(), { nil: undefined }),
    openHolidays: fc.array(fc.integer({ min: -2, max: 9 }), { maxLength: 2 }),
    busy: fc.array(
      fc.record({
        at: fc.integer({ min: -1 * DAY, max: 6 * DAY }),
        length: fc.integer({ min: 1, max: 4 * 60 * MINUTE }),
      }),
      { maxLength: 20 },
    ),
    now: fc.integer({ min: -3 * DAY, max: 2 * DAY }),
    duration: fc.constantFrom(10, 15, 20, 30, 45, 50, 60),
    step: fc.option(fc.constantFrom(5, 10, 15, 30, 60), { nil: undefined }),
    notice: fc.integer({ min: 0, max: 24 * 60 }),
    horizon: fc.integer({ min: 0, max: 14 * 24 * 60 }),
    // Relative to `now`, so that range and bookable span usually meet.
    rangeStart: fc.integer({ min: -1 * DAY, max: 4 * DAY }),
    rangeLength: fc.integer({ min: 0, max: 5 * DAY }),
  })
  .map((s): FreeSlotQuery => {
    const origin = Temporal.PlainDate.from(s.anchor).toZonedDateTime(s.timeZone).epochMilliseconds;
    const availability: Availability = {
      timeZone: s.timeZone,
      weekly: s.weekly.map((b) => ({
        weekday: b.weekday as Weekday,
        start: hhmm(b.start),
        end: hhmm(Math.min(b.start + b.length, 1440)),
        validFrom: b.validFrom == null ? null : plusDays(s.anchor, b.validFrom),
        validUntil: b.validUntil == null ? null : plusDays(s.anchor, b.validUntil),
      })),
      exceptions: s.exceptions.map((e): HoursException => ({
        date: plusDays(s.anchor, e.day),
        kind: e.kind,
        start: e.start == null ? null : hhmm(e.start),
        end: e.end == null ? null : hhmm(e.end),
      })),
      closures: s.closures.map((c) => ({
        from: plusDays(s.anchor, c.day),
        to: plusDays(s.anchor, c.day + c.length),
      })),
      ...(s.worksHolidays === undefined ? {} : { worksHolidays: s.worksHolidays }),
      openHolidays: s.openHolidays.map((day) => plusDays(s.anchor, day)),
    };
    const rangeStart = origin + s.now + s.rangeStart;
    return {
      availability,
      busy: s.busy.map((b) => ({
        start: (origin + s.now + b.at) as Instant,
        end: (origin + s.now + b.at + b.length) as Instant,
      })),
      range: { start: rangeStart as Instant, end: (rangeStart + s.rangeLength) as Instant },
      rules: {
        duration: (s.duration * MINUTE) as Duration,
        ...(s.step === undefined ? {} : { step: (s.step * MINUTE) as Duration }),
        minimumNotice: (s.notice * MINUTE) as Duration,
        horizon: (s.horizon * MINUTE) as Duration,
      },
      now: (origin + s.now) as Instant,
    };
  });

// The public holidays near the anchors, as a table (Easter 2026 is 5 April, 2027 28 March).
const HOLIDAYS = new Set([
  '2026-04-02',
  '2026-04-03',
  '2026-04-05',
  '2026-04-06',
  '2026-05-01',
  '2027-03-25',
  '2027-03-26',
  '2027-03-28',
  '2027-03-29',
]);

/**
 * A slow, independent reading of the rules: Temporal for every wall-clock bound, open time as the
 * elementary segments between all bounds, every grid point tried against every busy interval.
 */
function referenceSlots(q: FreeSlotQuery): Slot[] {
  const { availability: av, rules, now, range } = q;
  const tz = av.timeZone;
  const step = rules.step ?? rules.duration;
  const slots: Slot[] = [];
  const lastDate = Temporal.PlainDate.from(localDateOf(range.end, tz)).add({ days: 1 });
  for (
    let date = Temporal.PlainDate.from(localDateOf(range.start, tz)).subtract({ days: 1 });
    Temporal.PlainDate.compare(date, lastDate) <= 0;
    date = date.add({ days: 1 })
  ) {
    const d = date.toString() as LocalDate;
    if (av.closures.some((c) => c.from <= d && d <= c.to)) continue;
    const dayStart = wallClockToInstant(d, '00:00' as LocalTime, tz);
    const dayEnd = wallClockToInstant(d, '24:00' as LocalTime, tz);
    const toInterval = (start: LocalTime | null, end: LocalTime | null): Interval => ({
      start: Math.max(
        wallClockToInstant(d, start ?? ('00:00' as LocalTime), tz),
        dayStart,
      ) as Instant,
      end: Math.min(wallClockToInstant(d, end ?? ('24:00' as LocalTime), tz), dayEnd) as Instant,
    });
    const weeklyApplies =
      av.worksHolidays === true || (av.openHolidays ?? []).includes(d) || !HOLIDAYS.has(d);
    const positive = [
      ...av.weekly
        .filter(
          (b) =>
            weeklyApplies &&
            b.weekday === date.dayOfWeek &&
            (b.validFrom == null || b.validFrom <= d) &&
            (b.validUntil == null || d <= b.validUntil),
        )
        .map((b) => toInterval(b.start, b.end)),
      ...av.exceptions
        .filter((e) => e.date === d && e.kind === 'extra')
        .map((e) => toInterval(e.start, e.end)),
    ];
    const negative = av.exceptions
      .filter((e) => e.date === d && e.kind === 'absence')
      .map((e) => toInterval(e.start, e.end));
    const points = [...new Set([...positive, ...negative].flatMap((i) => [i.start, i.end]))].sort(
      (a, b) => a - b,
    );
    const contains = (i: Interval, t: number) => i.start <= t && t < i.end;
    const open: { start: number; end: number }[] = [];
    for (let k = 0; k + 1 < points.length; k++) {
      const a = points[k] as number;
      const b = points[k + 1] as number;
      if (!positive.some((i) => contains(i, a)) || negative.some((i) => contains(i, a))) continue;
      const last = open[open.length - 1];
      if (last !== undefined && last.end === a) last.end = b;
      else open.push({ start: a, end: b });
    }
    for (const interval of open) {
      for (let s = interval.start; s + rules.duration <= interval.end; s += step) {
        const slot = { start: s as Instant, end: (s + rules.duration) as Instant };
        const allowed =
          s >= range.start &&
          s < range.end &&
          s >= now + rules.minimumNotice &&
          s <= now + rules.horizon;
        if (allowed && !q.busy.some((b) => b.end > b.start && overlaps(b, slot))) slots.push(slot);
      }
    }
  }
  return slots.sort((a, b) => a.start - b.start);
}

describe('findFreeSlots properties', () => {
  it('equals the slow reference reading of the rules', () => {
    fc.assert(
      fc.property(scenario, (q) => {
        expect(findFreeSlots(q)).toEqual(referenceSlots(q));
      }),
      { numRuns: 500 },
    );
  });

  it('no slot overlaps a busy interval, and every slot lies in the open time', () => {
    fc.assert(
      fc.property(scenario, (q) => {
        const open = expandOpenIntervals(q.availability, {
          start: (q.range.start - 2 * DAY) as Instant,
          end: (q.range.end + 2 * DAY) as Instant,
        });
        for (const slot of findFreeSlots(q)) {
          expect(q.busy.some((b) => overlaps(b, slot))).toBe(false);
          expect(open.some((i) => i.start <= slot.start && slot.end <= i.end)).toBe(true);
          expect(slot.end - slot.start).toBe(q.rules.duration);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('every start is in the range, after the notice and within the horizon', () => {
    fc.assert(
      fc.property(scenario, (q) => {
        for (const { start } of findFreeSlots(q)) {
          expect(start).toBeGreaterThanOrEqual(q.range.start);
          expect(start).toBeLessThan(q.range.end);
          expect(start).toBeGreaterThanOrEqual(q.now + q.rules.minimumNotice);
          expect(start).toBeLessThanOrEqual(q.now + q.rules.horizon);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('slots are sorted, and do not overlap each other when step ≥ duration', () => {
    fc.assert(
      fc.property(scenario, (q) => {
        const slots = findFreeSlots(q);
        const stepsAtLeastDuration = (q.rules.step ?? q.rules.duration) >= q.rules.duration;
        for (let i = 1; i < slots.length; i++) {
          const previous = slots[i - 1] as Slot;
          const current = slots[i] as Slot;
          expect(current.start).toBeGreaterThan(previous.start);
          if (stepsAtLeastDuration) expect(current.start).toBeGreaterThanOrEqual(previous.end);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a wider range lists the same slots inside the narrower one (the grid ignores the range)', () => {
    fc.assert(
      fc.property(
        scenario,
        fc.integer({ min: 0, max: 3 * DAY }),
        fc.integer({ min: 0, max: 3 * DAY }),
        (q, before, after) => {
          const wide = findFreeSlots({
            ...q,
            range: {
              start: (q.range.start - before) as Instant,
              end: (q.range.end + after) as Instant,
            },
          });
          expect(wide.filter((s) => s.start >= q.range.start && s.start < q.range.end)).toEqual(
            findFreeSlots(q),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('findFirstFreeSlot equals the first element of findFreeSlots over the same span', () => {
    fc.assert(
      fc.property(scenario, (q) => {
        const { range, ...rest } = q;
        const first = findFirstFreeSlot({ ...rest, from: range.start });
        const all = findFreeSlots({
          ...q,
          range: { start: range.start, end: (q.now + q.rules.horizon + 1) as Instant },
        });
        expect(first).toEqual(all[0] ?? null);
      }),
      { numRuns: 300 },
    );
  });
});
