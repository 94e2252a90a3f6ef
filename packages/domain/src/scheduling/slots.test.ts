import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { DAY, HOUR, instant, minutes } from '../time';
import type { Duration, Instant, Interval, LocalDate, LocalTime, TimeZoneId } from '../time';
import { findFirstFreeSlot, findFreeSlots } from './slots';
import type {
  Availability,
  FreeSlotQuery,
  HoursException,
  SlotRules,
  Weekday,
  WeeklyHoursBlock,
} from './types';

const OSLO = 'Europe/Oslo' as TimeZoneId;

const at = (iso: string): Instant => instant(Temporal.Instant.from(iso).epochMilliseconds);
const wall = (t: Instant, tz: TimeZoneId = OSLO): string =>
  Temporal.Instant.fromEpochMilliseconds(t)
    .toZonedDateTimeISO(tz)
    .toString({ timeZoneName: 'never' });
/** Local wall-clock `HH:MM` of each slot start. */
const times = (slots: Interval[], tz: TimeZoneId = OSLO) =>
  slots.map((s) => wall(s.start, tz).slice(11, 16));
const dates = (from: string, to: string, tz: TimeZoneId = OSLO): Interval => ({
  start: instant(Temporal.PlainDate.from(from).toZonedDateTime(tz).epochMilliseconds),
  end: instant(Temporal.PlainDate.from(to).add({ days: 1 }).toZonedDateTime(tz).epochMilliseconds),
});

const block = (weekday: Weekday, start: string, end: string): WeeklyHoursBlock => ({
  weekday,
  start: start as LocalTime,
  end: end as LocalTime,
});
const hours = (
  weekly: WeeklyHoursBlock[],
  exceptions: HoursException[] = [],
  timeZone: TimeZoneId = OSLO,
): Availability => ({
  timeZone,
  weekly,
  exceptions,
  closures: [],
  // Several DST dates below are Easter days; holidays are tested in open-intervals.test.ts.
  worksHolidays: true,
});
const everyDay = (start: string, end: string) =>
  ([1, 2, 3, 4, 5, 6, 7] as const).map((d) => block(d, start, end));
const weekdays = (start: string, end: string) =>
  ([1, 2, 3, 4, 5] as const).map((d) => block(d, start, end));

const rules = (over: Partial<SlotRules> = {}): SlotRules => ({
  duration: minutes(15),
  minimumNotice: 0 as Duration,
  horizon: (1000 * DAY) as Duration,
  ...over,
});
const LONG_AGO = at('2026-01-01T00:00:00Z');
const query = (
  over: Partial<FreeSlotQuery> & Pick<FreeSlotQuery, 'availability' | 'range'>,
): FreeSlotQuery => ({
  busy: [],
  rules: rules(),
  now: LONG_AGO,
  ...over,
});

describe('findFreeSlots across DST (Europe/Oslo)', () => {
  it.each([
    ['spring 2026', '2026-03-23', '2026-03-30', '07:00', '06:00'],
    ['autumn 2026', '2026-10-19', '2026-10-26', '06:00', '07:00'],
    ['spring 2027', '2027-03-22', '2027-03-29', '07:00', '06:00'],
  ])(
    '%s: Monday 08:00–16:00 gives 08:00 local on %s and %s',
    (_name, before, after, utcBefore, utcAfter) => {
      const slots = findFreeSlots(
        query({
          availability: hours([block(1, '08:00', '16:00')]),
          range: dates(before, after),
          now: at(`${before}T00:00:00Z`),
        }),
      );
      expect(slots).toHaveLength(64);
      const mondayOf = (s: Interval) => wall(s.start).slice(0, 10);
      for (const monday of [before, after]) {
        const daySlots = slots.filter((s) => mondayOf(s) === monday);
        expect(daySlots).toHaveLength(32);
        expect(times(daySlots)[0]).toBe('08:00');
        expect(times(daySlots).at(-1)).toBe('15:45');
      }
      expect(Temporal.Instant.fromEpochMilliseconds((slots[0] as Interval).start).toString()).toBe(
        `${before}T${utcBefore}:00Z`,
      );
      expect(Temporal.Instant.fromEpochMilliseconds((slots[32] as Interval).start).toString()).toBe(
        `${after}T${utcAfter}:00Z`,
      );
    },
  );

  it.each([
    ['2026-03-29', 92],
    ['2026-10-25', 100],
    ['2026-06-01', 96],
    ['2027-03-28', 92],
  ])('around the clock with 15-minute slots: %s gives %i', (date, count) => {
    const slots = findFreeSlots(
      query({ availability: hours(everyDay('00:00', '24:00')), range: dates(date, date) }),
    );
    expect(slots).toHaveLength(count);
    for (let i = 1; i < slots.length; i++) {
      expect((slots[i] as Interval).start - (slots[i - 1] as Interval).start).toBe(15 * 60_000);
    }
  });

  it('the repeated hour at fall-back is offered twice, with different offsets', () => {
    const slots = findFreeSlots(
      query({
        availability: hours(everyDay('00:00', '24:00')),
        range: dates('2026-10-25', '2026-10-25'),
      }),
    );
    const twoOClock = slots.map((s) => wall(s.start)).filter((w) => w.slice(11, 13) === '02');
    expect(twoOClock).toEqual([
      '2026-10-25T02:00:00+02:00',
      '2026-10-25T02:15:00+02:00',
      '2026-10-25T02:30:00+02:00',
      '2026-10-25T02:45:00+02:00',
      '2026-10-25T02:00:00+01:00',
      '2026-10-25T02:15:00+01:00',
      '2026-10-25T02:30:00+01:00',
      '2026-10-25T02:45:00+01:00',
    ]);
  });

  it('no slot starts in the spring-forward gap', () => {
    const slots = findFreeSlots(
      query({
        availability: hours(everyDay('00:00', '24:00')),
        range: dates('2026-03-29', '2026-03-29'),
      }),
    );
    expect(times(slots).filter((t) => t.startsWith('02'))).toEqual([]);
    expect(times(slots).slice(6, 10)).toEqual(['01:30', '01:45', '03:00', '03:15']);
  });

  it('hours that start inside the gap begin where the gap moves them', () => {
    const slots = findFreeSlots(
      query({
        availability: hours([block(7, '02:30', '05:00')]),
        range: dates('2026-03-29', '2026-03-29'),
        rules: rules({ duration: minutes(30) }),
      }),
    );
    expect(slots.map((s) => wall(s.start))).toEqual([
      '2026-03-29T03:30:00+02:00',
      '2026-03-29T04:00:00+02:00',
      '2026-03-29T04:30:00+02:00',
    ]);
  });
});

describe('findFreeSlots: the grid', () => {
  const monday = dates('2026-03-23', '2026-03-23');

  it('steps by duration when no step is given, and the last slot ends by closing time', () => {
    const slots = findFreeSlots(
      query({
        availability: hours(weekdays('08:00', '16:00')),
        range: monday,
        rules: rules({ duration: minutes(50) }),
      }),
    );
    expect(times(slots)).toEqual([
      '08:00',
      '08:50',
      '09:40',
      '10:30',
      '11:20',
      '12:10',
      '13:00',
      '13:50',
      '14:40',
    ]);
    expect(slots.every((s) => s.end - s.start === 50 * 60_000)).toBe(true);
  });

  it('steps by step when given, so slots may overlap each other', () => {
    const slots = findFreeSlots(
      query({
        availability: hours(weekdays('08:00', '10:00')),
        range: monday,
        rules: rules({ duration: minutes(30), step: minutes(15) }),
      }),
    );
    expect(times(slots)).toEqual(['08:00', '08:15', '08:30', '08:45', '09:00', '09:15', '09:30']);
  });

  it('each open interval starts its own grid (after an absence)', () => {
    const slots = findFreeSlots(
      query({
        availability: hours(weekdays('08:00', '12:00'), [
          {
            date: '2026-03-23' as LocalDate,
            kind: 'absence',
            start: '09:00' as LocalTime,
            end: '09:20' as LocalTime,
          },
        ]),
        range: monday,
        rules: rules({ duration: minutes(30) }),
      }),
    );
    expect(times(slots)).toEqual(['08:00', '08:30', '09:20', '09:50', '10:20', '10:50', '11:20']);
  });

  it('the grid does not move with the range start', () => {
    const slots = findFreeSlots(
      query({
        availability: hours(weekdays('08:00', '16:00')),
        range: { start: at('2026-03-23T08:07:00+01:00'), end: at('2026-03-23T09:00:00+01:00') },
      }),
    );
    expect(times(slots)).toEqual(['08:15', '08:30', '08:45']);
  });

  it('a slot is returned when its start is in [range.start, range.end), even if it ends after', () => {
    const slots = findFreeSlots(
      query({
        availability: hours(weekdays('08:00', '16:00')),
        range: { start: at('2026-03-23T08:15:00+01:00'), end: at('2026-03-23T08:45:00+01:00') },
        rules: rules({ duration: minutes(30), step: minutes(15) }),
      }),
    );
    expect(times(slots)).toEqual(['08:15', '08:30']);
  });

  it('slots of a date stay on that date (the grid restarts at midnight)', () => {
    const slots = findFreeSlots(
      query({
        availability: hours(everyDay('00:00', '24:00')),
        range: dates('2026-03-23', '2026-03-24'),
        rules: rules({ duration: minutes(50) }),
      }),
    );
    const walls = slots.map((s) => wall(s.start).slice(0, 16));
    // 23:20 would end at 00:10 on the next date, so the last slot of the 23rd starts at 22:30.
    expect(walls.slice(26, 29)).toEqual([
      '2026-03-23T21:40',
      '2026-03-23T22:30',
      '2026-03-24T00:00',
    ]);
  });

  it('returns nothing for a non-positive duration or step', () => {
    const base = { availability: hours(weekdays('08:00', '16:00')), range: monday };
    expect(findFreeSlots(query({ ...base, rules: rules({ duration: 0 as Duration }) }))).toEqual(
      [],
    );
    expect(findFreeSlots(query({ ...base, rules: rules({ step: -1 as Duration }) }))).toEqual([]);
  });
});

describe('findFreeSlots: notice, horizon, busy', () => {
  const monday = dates('2026-03-23', '2026-03-23');
  const availability = hours(weekdays('08:00', '12:00'));

  it.each([
    ['exactly at a start keeps it', '2026-03-23T07:00:00+01:00', '09:00'],
    ['one minute later skips to the next', '2026-03-23T07:01:00+01:00', '09:15'],
  ])('minimum notice: %s', (_name, now, first) => {
    const slots = findFreeSlots(
      query({
        availability,
        range: monday,
        now: at(now),
        rules: rules({ minimumNotice: (2 * HOUR) as Duration }),
      }),
    );
    expect(times(slots)[0]).toBe(first);
  });

  it.each([
    ['exactly at a start keeps it', '2026-03-23T09:00:00+01:00', '11:00'],
    ['one millisecond short drops it', '2026-03-23T08:59:59.999+01:00', '10:45'],
  ])('horizon: %s', (_name, now, last) => {
    const slots = findFreeSlots(
      query({
        availability,
        range: monday,
        now: at(now),
        rules: rules({ horizon: (2 * HOUR) as Duration }),
      }),
    );
    expect(times(slots).at(-1)).toBe(last);
  });

  it('skips slots overlapping busy intervals given unsorted and overlapping; touching is fine', () => {
    const busy: Interval[] = [
      { start: at('2026-03-23T10:05:00+01:00'), end: at('2026-03-23T10:20:00+01:00') },
      { start: at('2026-03-23T08:15:00+01:00'), end: at('2026-03-23T08:45:00+01:00') },
      { start: at('2026-03-23T08:30:00+01:00'), end: at('2026-03-23T09:00:00+01:00') },
      { start: at('2026-03-23T11:45:00+01:00'), end: at('2026-03-23T13:00:00+01:00') },
      { start: at('2026-03-23T11:00:00+01:00'), end: at('2026-03-23T11:00:00+01:00') }, // empty: ignored
    ];
    const slots = findFreeSlots(query({ availability, range: monday, busy }));
    expect(times(slots)).toEqual([
      '08:00',
      '09:00',
      '09:15',
      '09:30',
      '09:45',
      '10:30',
      '10:45',
      '11:00',
      '11:15',
      '11:30',
    ]);
  });

  it('returns nothing when the notice lies beyond the horizon', () => {
    const slots = findFreeSlots(
      query({
        availability,
        range: monday,
        rules: rules({ minimumNotice: (10 * DAY) as Duration, horizon: DAY }),
      }),
    );
    expect(slots).toEqual([]);
  });
});

describe('findFreeSlots: nothing is Oslo-specific', () => {
  it.each([
    ['America/New_York', '2026-03-02', '2026-03-09', '14:00Z', '13:00Z'],
    ['Pacific/Auckland', '2026-03-30', '2026-04-06', '20:00Z', '21:00Z'],
  ])(
    '%s: Monday 09:00–17:00 gives 09:00 local on %s and %s',
    (tz, before, after, utcBefore, utcAfter) => {
      const zone = tz as TimeZoneId;
      const slots = findFreeSlots(
        query({
          availability: hours([block(1, '09:00', '17:00')], [], zone),
          range: dates(before, after, zone),
          rules: rules({ duration: minutes(60) }),
        }),
      );
      expect(slots).toHaveLength(16);
      expect(
        [slots[0], slots[8]].map((s) => wall((s as Interval).start, zone).slice(0, 16)),
      ).toEqual([`${before}T09:00`, `${after}T09:00`]);
      expect(
        [slots[0], slots[8]].map((s) =>
          Temporal.Instant.fromEpochMilliseconds((s as Interval).start)
            .toString()
            .slice(11),
        ),
      ).toEqual([utcBefore.replace('Z', ':00Z'), utcAfter.replace('Z', ':00Z')]);
    },
  );

  it('a skipped local date offers nothing and does not double the next one (Pacific/Apia 2011-12-30)', () => {
    const apia = 'Pacific/Apia' as TimeZoneId;
    const slots = findFreeSlots(
      query({
        availability: hours(everyDay('08:00', '16:00'), [], apia),
        range: dates('2011-12-29', '2011-12-31', apia),
        now: at('2011-12-01T00:00:00Z'),
        rules: rules({ duration: minutes(60) }),
      }),
    );
    expect(slots.map((s) => wall(s.start, apia).slice(0, 10))).toEqual([
      ...Array<string>(8).fill('2011-12-29'),
      ...Array<string>(8).fill('2011-12-31'),
    ]);
  });

  it.each([
    ['America/New_York', '2026-03-08'],
    ['America/New_York', '2026-11-01'],
    ['Pacific/Auckland', '2026-04-05'],
    ['Pacific/Auckland', '2026-09-27'],
    ['Australia/Lord_Howe', '2026-04-05'],
    ['Australia/Lord_Howe', '2026-10-04'],
  ])('%s: around the clock on %s gives four slots per real hour', (tz, date) => {
    const zone = tz as TimeZoneId;
    const hoursInDay = Temporal.PlainDate.from(date).toZonedDateTime(zone).hoursInDay;
    expect(hoursInDay).not.toBe(24);
    const slots = findFreeSlots(
      query({
        availability: hours(everyDay('00:00', '24:00'), [], zone),
        range: dates(date, date, zone),
      }),
    );
    expect(slots).toHaveLength(hoursInDay * 4);
  });
});

describe('findFirstFreeSlot', () => {
  const availability = hours(weekdays('08:00', '16:00'));
  const base = { availability, busy: [], rules: rules({ horizon: (26 * 7 * DAY) as Duration }) };

  it('is the first free slot at or after `from`', () => {
    const now = at('2026-03-27T15:50:00+01:00'); // a Friday
    expect(wall(findFirstFreeSlot({ ...base, now, from: now })!.start)).toBe(
      '2026-03-30T08:00:00+02:00',
    );
    const from = at('2026-03-30T09:10:00+02:00');
    expect(wall(findFirstFreeSlot({ ...base, now, from })!.start)).toBe(
      '2026-03-30T09:15:00+02:00',
    );
  });

  it('respects minimum notice and busy time', () => {
    const now = at('2026-03-30T07:00:00+02:00');
    const slot = findFirstFreeSlot({
      ...base,
      now,
      from: now,
      rules: rules({ minimumNotice: (2 * HOUR) as Duration }),
      busy: [{ start: at('2026-03-30T08:00:00+02:00'), end: at('2026-03-30T09:30:00+02:00') }],
    });
    expect(wall(slot!.start)).toBe('2026-03-30T09:30:00+02:00');
  });

  it('returns null when the first free time lies beyond the horizon', () => {
    const now = at('2026-03-28T12:00:00+01:00'); // Saturday
    expect(
      findFirstFreeSlot({ ...base, now, from: now, rules: rules({ horizon: DAY }) }),
    ).toBeNull();
    expect(
      findFirstFreeSlot({
        ...base,
        now,
        from: now,
        rules: rules({ horizon: (2 * DAY) as Duration }),
      }),
    ).not.toBeNull();
  });

  it('stops early: an unbounded horizon costs nothing when the next slot is near, and no hours at all end the search', () => {
    const now = at('2026-03-30T07:00:00+02:00');
    const endless = rules({ horizon: (100_000 * 365 * DAY) as Duration });
    expect(wall(findFirstFreeSlot({ ...base, now, from: now, rules: endless })!.start)).toBe(
      '2026-03-30T08:00:00+02:00',
    );
    expect(
      findFirstFreeSlot({ ...base, availability: hours([]), now, from: now, rules: endless }),
    ).toBeNull();
  });

  it('agrees with findFreeSlots over the same span', () => {
    const now = at('2026-03-24T11:03:00+01:00');
    const busy = [{ start: at('2026-03-24T11:00:00+01:00'), end: at('2026-03-25T15:00:00+01:00') }];
    const first = findFirstFreeSlot({ ...base, busy, now, from: now });
    const all = findFreeSlots({
      ...base,
      busy,
      now,
      range: { start: now, end: (now + 26 * 7 * DAY + 1) as Instant },
    });
    expect(first).toEqual(all[0]);
    expect(wall(first!.start)).toBe('2026-03-25T15:00:00+01:00');
  });
});
