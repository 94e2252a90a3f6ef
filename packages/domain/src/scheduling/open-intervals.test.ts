import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { HOUR, instant } from '../time';
import type { Instant, Interval, LocalDate, LocalTime, TimeZoneId } from '../time';
import { expandOpenIntervals } from './open-intervals';
import type {
  Availability,
  ClinicClosure,
  HoursException,
  Weekday,
  WeeklyHoursBlock,
} from './types';

const OSLO = 'Europe/Oslo' as TimeZoneId;

const at = (iso: string): Instant => instant(Temporal.Instant.from(iso).epochMilliseconds);
/** Wall clock with offset, e.g. `2026-03-30T08:00:00+02:00`. */
const wall = (t: Instant, tz: TimeZoneId = OSLO): string =>
  Temporal.Instant.fromEpochMilliseconds(t)
    .toZonedDateTimeISO(tz)
    .toString({ timeZoneName: 'never' });
const utc = (t: Instant): string => Temporal.Instant.fromEpochMilliseconds(t).toString();
const walls = (intervals: Interval[], tz: TimeZoneId = OSLO): [string, string][] =>
  intervals.map((i) => [wall(i.start, tz), wall(i.end, tz)]);
/** From local midnight of `from` to local midnight after `to`. */
const dates = (from: string, to: string, tz: TimeZoneId = OSLO): Interval => ({
  start: instant(Temporal.PlainDate.from(from).toZonedDateTime(tz).epochMilliseconds),
  end: instant(Temporal.PlainDate.from(to).add({ days: 1 }).toZonedDateTime(tz).epochMilliseconds),
});

const block = (
  weekday: Weekday,
  start: string,
  end: string,
  valid: Partial<Record<'validFrom' | 'validUntil', string>> = {},
): WeeklyHoursBlock => ({
  weekday,
  start: start as LocalTime,
  end: end as LocalTime,
  validFrom: (valid.validFrom ?? null) as LocalDate | null,
  validUntil: (valid.validUntil ?? null) as LocalDate | null,
});
const exception = (
  date: string,
  kind: 'absence' | 'extra',
  start: string | null = null,
  end: string | null = null,
): HoursException => ({
  date: date as LocalDate,
  kind,
  start: start as LocalTime | null,
  end: end as LocalTime | null,
});
// Most dates below were chosen for their DST transitions, and several are Easter days: these
// practitioners work holidays, so that only the rule under test shapes the result. The public
// holidays have their own tests, with `holidayHours`.
const hours = (
  weekly: WeeklyHoursBlock[],
  more: { exceptions?: HoursException[]; closures?: ClinicClosure[]; timeZone?: TimeZoneId } = {},
): Availability => ({
  timeZone: more.timeZone ?? OSLO,
  weekly,
  exceptions: more.exceptions ?? [],
  closures: more.closures ?? [],
  worksHolidays: true,
});
const everyDay = (start: string, end: string) =>
  ([1, 2, 3, 4, 5, 6, 7] as const).map((d) => block(d, start, end));
const weekdays = (start: string, end: string) =>
  ([1, 2, 3, 4, 5] as const).map((d) => block(d, start, end));

describe('expandOpenIntervals: Monday 08:00–16:00 stays 08:00 local across DST (Europe/Oslo)', () => {
  it.each([
    ['spring 2026', '2026-03-23', '2026-03-30', '07:00', '06:00'],
    ['autumn 2026', '2026-10-19', '2026-10-26', '06:00', '07:00'],
    ['spring 2027', '2027-03-22', '2027-03-29', '07:00', '06:00'],
  ])('%s: Mondays %s and %s', (_name, before, after, utcBefore, utcAfter) => {
    const open = expandOpenIntervals(hours([block(1, '08:00', '16:00')]), dates(before, after));
    expect(open).toHaveLength(2);
    const [first, second] = open as [Interval, Interval];
    expect(wall(first.start).slice(0, 16)).toBe(`${before}T08:00`);
    expect(wall(second.start).slice(0, 16)).toBe(`${after}T08:00`);
    expect(wall(first.end).slice(0, 16)).toBe(`${before}T16:00`);
    expect(utc(first.start)).toBe(`${before}T${utcBefore}:00Z`);
    expect(utc(second.start)).toBe(`${after}T${utcAfter}:00Z`);
    expect(first.end - first.start).toBe(8 * HOUR);
    expect(second.end - second.start).toBe(8 * HOUR);
  });
});

describe('expandOpenIntervals: wall clock to instants', () => {
  it.each([
    ['spring-forward date is 23 h', '2026-03-29', 23],
    ['fall-back date is 25 h', '2026-10-25', 25],
    ['ordinary date is 24 h', '2026-06-01', 24],
    ['spring-forward 2027', '2027-03-28', 23],
  ])('00:00–24:00 on a %s', (_name, date, length) => {
    const open = expandOpenIntervals(hours(everyDay('00:00', '24:00')), dates(date, date));
    expect(open).toHaveLength(1);
    expect((open[0] as Interval).end - (open[0] as Interval).start).toBe(length * HOUR);
  });

  it.each([
    // Sunday 2026-03-29: 02:00–03:00 does not exist in Europe/Oslo.
    [
      'start in the gap moves forward',
      '02:30',
      '05:00',
      ['2026-03-29T03:30:00+02:00', '2026-03-29T05:00:00+02:00'],
    ],
    [
      'end in the gap keeps the nominal length',
      '01:00',
      '02:30',
      ['2026-03-29T01:00:00+01:00', '2026-03-29T03:30:00+02:00'],
    ],
    [
      'block entirely in the gap but one bound moved',
      '02:15',
      '02:45',
      ['2026-03-29T03:15:00+02:00', '2026-03-29T03:45:00+02:00'],
    ],
    ['the gap itself is empty', '02:00', '03:00', null],
  ])('spring forward: %s (%s–%s)', (_name, start, end, expected) => {
    const open = expandOpenIntervals(
      hours([block(7, start, end)]),
      dates('2026-03-29', '2026-03-29'),
    );
    expect(walls(open)).toEqual(expected == null ? [] : [expected]);
  });

  it.each([
    // Sunday 2026-10-25: 02:00–03:00 happens twice in Europe/Oslo, first at +02:00, then at +01:00.
    [
      'start in the repeated hour takes the first pass',
      '02:30',
      '04:00',
      ['2026-10-25T02:30:00+02:00', '2026-10-25T04:00:00+01:00'],
      2.5,
    ],
    [
      'end in the repeated hour takes the first pass',
      '01:00',
      '02:30',
      ['2026-10-25T01:00:00+02:00', '2026-10-25T02:30:00+02:00'],
      1.5,
    ],
    [
      '02:00–03:00 covers both passes',
      '02:00',
      '03:00',
      ['2026-10-25T02:00:00+02:00', '2026-10-25T03:00:00+01:00'],
      2,
    ],
  ])('fall back: %s (%s–%s)', (_name, start, end, expected, length) => {
    const open = expandOpenIntervals(
      hours([block(7, start, end)]),
      dates('2026-10-25', '2026-10-25'),
    );
    expect(walls(open)).toEqual([expected]);
    expect((open[0] as Interval).end - (open[0] as Interval).start).toBe(length * HOUR);
  });

  it('24:00 is the next date’s 00:00, in that date’s offset', () => {
    const open = expandOpenIntervals(
      hours([block(6, '20:00', '24:00'), block(7, '22:00', '24:00')]),
      dates('2026-10-24', '2026-10-25'),
    );
    expect(walls(open)).toEqual([
      ['2026-10-24T20:00:00+02:00', '2026-10-25T00:00:00+02:00'],
      ['2026-10-25T22:00:00+01:00', '2026-10-26T00:00:00+01:00'],
    ]);
  });

  it('merges time open without a break across midnight and overlapping blocks', () => {
    const open = expandOpenIntervals(
      hours([
        block(1, '20:00', '24:00'),
        block(2, '00:00', '02:00'),
        block(2, '12:00', '14:00'),
        block(2, '09:00', '12:30'),
        block(2, '13:00', '13:30'),
      ]),
      dates('2026-03-23', '2026-03-24'),
    );
    expect(walls(open)).toEqual([
      ['2026-03-23T20:00:00+01:00', '2026-03-24T02:00:00+01:00'],
      ['2026-03-24T09:00:00+01:00', '2026-03-24T14:00:00+01:00'],
    ]);
  });
});

describe('expandOpenIntervals: template validity, exceptions and closures', () => {
  it('applies validFrom and validUntil inclusively, per local date', () => {
    const availability = hours([
      block(1, '08:00', '16:00', { validUntil: '2026-03-23' }),
      block(1, '09:00', '12:00', { validFrom: '2026-03-30', validUntil: '2026-04-06' }),
    ]);
    const open = expandOpenIntervals(availability, dates('2026-03-16', '2026-04-19'));
    expect(walls(open)).toEqual([
      ['2026-03-16T08:00:00+01:00', '2026-03-16T16:00:00+01:00'],
      ['2026-03-23T08:00:00+01:00', '2026-03-23T16:00:00+01:00'],
      ['2026-03-30T09:00:00+02:00', '2026-03-30T12:00:00+02:00'],
      ['2026-04-06T09:00:00+02:00', '2026-04-06T12:00:00+02:00'],
    ]);
  });

  it('a whole-day absence (start and end null) removes the date', () => {
    const open = expandOpenIntervals(
      hours(weekdays('08:00', '16:00'), { exceptions: [exception('2026-03-24', 'absence')] }),
      dates('2026-03-23', '2026-03-25'),
    );
    expect(walls(open).map(([start]) => start.slice(0, 10))).toEqual(['2026-03-23', '2026-03-25']);
  });

  it('a partial absence cuts a hole; a null end means until 24:00', () => {
    const open = expandOpenIntervals(
      hours(weekdays('08:00', '16:00'), {
        exceptions: [
          exception('2026-03-23', 'absence', '10:00', '12:00'),
          exception('2026-03-24', 'absence', '14:00', null),
        ],
      }),
      dates('2026-03-23', '2026-03-24'),
    );
    expect(walls(open)).toEqual([
      ['2026-03-23T08:00:00+01:00', '2026-03-23T10:00:00+01:00'],
      ['2026-03-23T12:00:00+01:00', '2026-03-23T16:00:00+01:00'],
      ['2026-03-24T08:00:00+01:00', '2026-03-24T14:00:00+01:00'],
    ]);
  });

  it('extra hours add time on a day off and extend a working day', () => {
    const open = expandOpenIntervals(
      hours(weekdays('08:00', '16:00'), {
        exceptions: [
          exception('2026-03-28', 'extra', '10:00', '14:00'),
          exception('2026-03-27', 'extra', '15:00', '18:00'),
        ],
      }),
      dates('2026-03-27', '2026-03-29'),
    );
    expect(walls(open)).toEqual([
      ['2026-03-27T08:00:00+01:00', '2026-03-27T18:00:00+01:00'],
      ['2026-03-28T10:00:00+01:00', '2026-03-28T14:00:00+01:00'],
    ]);
  });

  it('absences are subtracted after extras are added', () => {
    const open = expandOpenIntervals(
      hours([], {
        exceptions: [
          exception('2026-03-28', 'extra', '10:00', '14:00'),
          exception('2026-03-28', 'absence', '11:00', '12:00'),
        ],
      }),
      dates('2026-03-28', '2026-03-28'),
    );
    expect(walls(open)).toEqual([
      ['2026-03-28T10:00:00+01:00', '2026-03-28T11:00:00+01:00'],
      ['2026-03-28T12:00:00+01:00', '2026-03-28T14:00:00+01:00'],
    ]);
  });

  it('a clinic closure removes whole dates, extra hours included', () => {
    const open = expandOpenIntervals(
      hours(weekdays('08:00', '16:00'), {
        exceptions: [exception('2026-03-25', 'extra', '18:00', '20:00')],
        closures: [{ from: '2026-03-24' as LocalDate, to: '2026-03-26' as LocalDate }],
      }),
      dates('2026-03-23', '2026-03-27'),
    );
    expect(walls(open).map(([start]) => start.slice(0, 10))).toEqual(['2026-03-23', '2026-03-27']);
  });
});

describe('expandOpenIntervals: range edges', () => {
  it('clips intervals to the range', () => {
    const open = expandOpenIntervals(hours(weekdays('08:00', '16:00')), {
      start: at('2026-03-23T10:15:00+01:00'),
      end: at('2026-03-24T09:00:00+01:00'),
    });
    expect(walls(open)).toEqual([
      ['2026-03-23T10:15:00+01:00', '2026-03-23T16:00:00+01:00'],
      ['2026-03-24T08:00:00+01:00', '2026-03-24T09:00:00+01:00'],
    ]);
  });

  it('finds a local date that lies wholly outside the UTC date of the range (Pacific/Auckland)', () => {
    const auckland = 'Pacific/Auckland' as TimeZoneId;
    // Monday 2026-03-30 08:00 NZDT (+13:00) is Sunday 2026-03-29 19:00Z.
    const open = expandOpenIntervals(hours([block(1, '08:00', '16:00')], { timeZone: auckland }), {
      start: at('2026-03-29T00:00:00Z'),
      end: at('2026-03-30T00:00:00Z'),
    });
    expect(open.map((i) => [utc(i.start), utc(i.end)])).toEqual([
      ['2026-03-29T19:00:00Z', '2026-03-30T00:00:00Z'],
    ]);
    expect(wall((open[0] as Interval).start, auckland)).toBe('2026-03-30T08:00:00+13:00');
  });

  it('finds the previous local date’s hours when the range starts after UTC midnight (America/New_York)', () => {
    const newYork = 'America/New_York' as TimeZoneId;
    // Sunday 2026-03-01 20:00–23:00 EST is Monday 01:00Z–04:00Z.
    const open = expandOpenIntervals(hours([block(7, '20:00', '23:00')], { timeZone: newYork }), {
      start: at('2026-03-02T00:00:00Z'),
      end: at('2026-03-03T00:00:00Z'),
    });
    expect(open.map((i) => [utc(i.start), utc(i.end)])).toEqual([
      ['2026-03-02T01:00:00Z', '2026-03-02T04:00:00Z'],
    ]);
  });

  it('returns nothing for an empty or inverted range', () => {
    const availability = hours(everyDay('00:00', '24:00'));
    expect(
      expandOpenIntervals(availability, {
        start: at('2026-03-23T10:00:00Z'),
        end: at('2026-03-23T10:00:00Z'),
      }),
    ).toEqual([]);
    expect(
      expandOpenIntervals(availability, {
        start: at('2026-03-23T10:00:00Z'),
        end: at('2026-03-23T09:00:00Z'),
      }),
    ).toEqual([]);
  });
});

describe('expandOpenIntervals: nothing is Oslo-specific', () => {
  it.each([
    ['America/New_York', '2026-03-02', '2026-03-09', '14:00', '13:00'],
    ['America/New_York', '2026-10-26', '2026-11-02', '13:00', '14:00'],
    ['Pacific/Auckland', '2026-03-30', '2026-04-06', '20:00', '21:00'],
    ['Pacific/Auckland', '2026-09-21', '2026-09-28', '21:00', '20:00'],
  ])('%s: Monday 09:00–17:00 on %s and %s', (tz, before, after, utcBefore, utcAfter) => {
    const zone = tz as TimeZoneId;
    const open = expandOpenIntervals(
      hours([block(1, '09:00', '17:00')], { timeZone: zone }),
      dates(before, after, zone),
    );
    expect(open.map((i) => wall(i.start, zone).slice(0, 16))).toEqual([
      `${before}T09:00`,
      `${after}T09:00`,
    ]);
    // Auckland is ahead of UTC, so its Monday morning is Sunday evening in UTC.
    expect(open.map((i) => utc(i.start).slice(11, 16))).toEqual([utcBefore, utcAfter]);
  });

  it('a local date that does not exist has no open time (Pacific/Apia skipped 2011-12-30)', () => {
    const apia = 'Pacific/Apia' as TimeZoneId;
    const open = expandOpenIntervals(
      hours(everyDay('08:00', '16:00'), { timeZone: apia }),
      dates('2011-12-28', '2011-12-31', apia),
    );
    expect(walls(open, apia)).toEqual([
      ['2011-12-28T08:00:00-10:00', '2011-12-28T16:00:00-10:00'],
      ['2011-12-29T08:00:00-10:00', '2011-12-29T16:00:00-10:00'],
      ['2011-12-31T08:00:00+14:00', '2011-12-31T16:00:00+14:00'],
    ]);
  });

  it.each([
    ['America/New_York', '2026-03-08', 23],
    ['America/New_York', '2026-11-01', 25],
    ['Pacific/Auckland', '2026-04-05', 25],
    ['Pacific/Auckland', '2026-09-27', 23],
    ['Australia/Lord_Howe', '2026-04-05', 24.5],
    ['Asia/Kolkata', '2026-03-29', 24],
  ])('%s: 00:00–24:00 on %s lasts %s h', (tz, date, length) => {
    const zone = tz as TimeZoneId;
    const open = expandOpenIntervals(
      hours(everyDay('00:00', '24:00'), { timeZone: zone }),
      dates(date, date, zone),
    );
    expect(open).toHaveLength(1);
    expect((open[0] as Interval).end - (open[0] as Interval).start).toBe(length * HOUR);
  });
});

describe('expandOpenIntervals: Norwegian public holidays', () => {
  /** Hours as most practitioners have them: `worksHolidays` left out unless given. */
  const holidayHours = (
    weekly: WeeklyHoursBlock[],
    more: {
      exceptions?: HoursException[];
      closures?: ClinicClosure[];
      timeZone?: TimeZoneId;
      worksHolidays?: boolean;
      openHolidays?: string[];
    } = {},
  ): Availability => ({
    timeZone: more.timeZone ?? OSLO,
    weekly,
    exceptions: more.exceptions ?? [],
    closures: more.closures ?? [],
    ...(more.worksHolidays === undefined ? {} : { worksHolidays: more.worksHolidays }),
    ...(more.openHolidays === undefined ? {} : { openHolidays: more.openHolidays as LocalDate[] }),
  });
  const openDates = (availability: Availability, from: string, to: string, tz = OSLO) => [
    ...new Set(
      walls(expandOpenIntervals(availability, dates(from, to, tz)), tz).map(([s]) =>
        s.slice(0, 10),
      ),
    ),
  ];

  it.each([
    // [what, week from, week to, dates open with weekday hours 08:00–16:00]
    [
      'Easter 2027 (in March, around the spring DST change)',
      '2027-03-22',
      '2027-03-30',
      ['2027-03-22', '2027-03-23', '2027-03-24', '2027-03-30'],
    ],
    [
      'Easter 2026 (in April)',
      '2026-03-30',
      '2026-04-07',
      ['2026-03-30', '2026-03-31', '2026-04-01', '2026-04-07'],
    ],
    ['17 May 2027, also Whit Monday', '2027-05-14', '2027-05-18', ['2027-05-14', '2027-05-18']],
    [
      'Ascension Day 2027 and 1 May on a Saturday',
      '2027-05-05',
      '2027-05-07',
      ['2027-05-05', '2027-05-07'],
    ],
    [
      'Christmas 2025; Christmas Eve and New Year’s Eve stay open',
      '2025-12-22',
      '2026-01-02',
      [
        '2025-12-22',
        '2025-12-23',
        '2025-12-24',
        '2025-12-29',
        '2025-12-30',
        '2025-12-31',
        '2026-01-02',
      ],
    ],
    [
      'a week without holidays',
      '2027-06-07',
      '2027-06-11',
      ['2027-06-07', '2027-06-08', '2027-06-09', '2027-06-10', '2027-06-11'],
    ],
  ])('%s: weekly hours do not apply on holidays', (_name, from, to, expected) => {
    expect(openDates(holidayHours(weekdays('08:00', '16:00')), from, to)).toEqual(expected);
  });

  it('Easter Sunday and Whit Sunday close Sunday hours too', () => {
    const sundays = holidayHours([block(7, '10:00', '14:00')]);
    expect(openDates(sundays, '2027-03-21', '2027-04-04')).toEqual(['2027-03-21', '2027-04-04']);
    expect(openDates(sundays, '2027-05-09', '2027-05-23')).toEqual(['2027-05-09', '2027-05-23']);
  });

  it('a practitioner who works holidays keeps the weekly hours, at the same wall-clock times', () => {
    const open = expandOpenIntervals(
      holidayHours(everyDay('08:00', '16:00'), { worksHolidays: true }),
      dates('2027-03-28', '2027-03-29'),
    );
    expect(walls(open)).toEqual([
      ['2027-03-28T08:00:00+02:00', '2027-03-28T16:00:00+02:00'],
      ['2027-03-29T08:00:00+02:00', '2027-03-29T16:00:00+02:00'],
    ]);
  });

  it('a holiday the clinic opened has the weekly hours; other holidays stay closed', () => {
    const availability = holidayHours(weekdays('08:00', '16:00'), {
      openHolidays: ['2027-03-29', '2027-05-17', '2027-05-18'],
    });
    expect(openDates(availability, '2027-03-25', '2027-03-29')).toEqual(['2027-03-29']);
    expect(openDates(availability, '2027-05-17', '2027-05-18')).toEqual([
      '2027-05-17',
      '2027-05-18',
    ]);
  });

  it('dated extra hours on a holiday are honoured; absences and closures still win', () => {
    const availability = holidayHours(weekdays('08:00', '16:00'), {
      exceptions: [
        exception('2027-03-29', 'extra', '10:00', '12:00'),
        exception('2027-03-29', 'absence', '11:00', '11:30'),
        exception('2027-05-06', 'extra', '09:00', '10:00'),
      ],
      closures: [{ from: '2027-05-06' as LocalDate, to: '2027-05-06' as LocalDate }],
    });
    expect(walls(expandOpenIntervals(availability, dates('2027-03-29', '2027-03-29')))).toEqual([
      ['2027-03-29T10:00:00+02:00', '2027-03-29T11:00:00+02:00'],
      ['2027-03-29T11:30:00+02:00', '2027-03-29T12:00:00+02:00'],
    ]);
    expect(expandOpenIntervals(availability, dates('2027-05-06', '2027-05-06'))).toEqual([]);
  });

  it('a clinic closure on an opened holiday or for a holiday worker still closes it', () => {
    const closures = [{ from: '2027-03-29' as LocalDate, to: '2027-03-29' as LocalDate }];
    for (const more of [{ worksHolidays: true }, { openHolidays: ['2027-03-29'] }]) {
      const availability = holidayHours(weekdays('08:00', '16:00'), { closures, ...more });
      expect(expandOpenIntervals(availability, dates('2027-03-29', '2027-03-29'))).toEqual([]);
    }
  });

  it.each([
    // 1 May 2026 is a Friday. In Auckland it begins at 12:00Z on 30 April, still 30 April in Oslo.
    ['Pacific/Auckland', '+12:00', '2026-04-30T12:00:00Z'],
    ['America/New_York', '-04:00', '2026-05-01T04:00:00Z'],
    ['Europe/Oslo', '+02:00', '2026-04-30T22:00:00Z'],
  ])('%s: the holiday is the date on the clinic’s own calendar', (tz, offset, closedFrom) => {
    const zone = tz as TimeZoneId;
    const availability = holidayHours(everyDay('00:00', '24:00'), { timeZone: zone });
    const open = expandOpenIntervals(availability, dates('2026-04-30', '2026-05-02', zone));
    expect(walls(open, zone)).toEqual([
      [`2026-04-30T00:00:00${offset}`, `2026-05-01T00:00:00${offset}`],
      [`2026-05-02T00:00:00${offset}`, `2026-05-03T00:00:00${offset}`],
    ]);
    expect(utc(open[0]!.end)).toBe(closedFrom);
  });

  it('a holiday on a DST change day is closed as a whole date, whatever its length', () => {
    // Easter Sunday 2027 is also the spring-forward date in Europe/Oslo (23 hours long).
    const availability = holidayHours(everyDay('00:00', '24:00'));
    const open = expandOpenIntervals(availability, dates('2027-03-26', '2027-03-30'));
    expect(walls(open)).toEqual([
      ['2027-03-27T00:00:00+01:00', '2027-03-28T00:00:00+01:00'],
      ['2027-03-30T00:00:00+02:00', '2027-03-31T00:00:00+02:00'],
    ]);
  });
});
