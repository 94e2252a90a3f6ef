import { describe, expect, it } from 'vitest';
import type { StaffAppointment } from '@visitt/contracts';
import {
  calendarHref,
  containsDay,
  countActive,
  daysBetween,
  durationMinutes,
  formatDayRange,
  groupByDay,
  isoWeek,
  liveMark,
  readCalendarPlace,
  statusKey,
  stepPlace,
  viewRange,
} from './calendar-view';

const OSLO = 'Europe/Oslo';
const at = (start: string, timeZone = OSLO) => ({ start, timeZone });

describe('readCalendarPlace and calendarHref', () => {
  it('reads the day and view from the URL', () => {
    const params = new URLSearchParams('dag=2026-03-29&visning=dag');
    expect(readCalendarPlace(params, '2026-01-01')).toEqual({ day: '2026-03-29', view: 'day' });
  });

  it('falls back to today and the week for missing or malformed values', () => {
    expect(readCalendarPlace(new URLSearchParams(''), '2026-05-04')).toEqual({
      day: '2026-05-04',
      view: 'week',
    });
    const bad = new URLSearchParams('dag=2026-02-30&visning=måned');
    expect(readCalendarPlace(bad, '2026-05-04')).toEqual({ day: '2026-05-04', view: 'week' });
  });

  it('writes what it reads', () => {
    for (const place of [
      { day: '2026-10-25', view: 'day' },
      { day: '2026-12-31', view: 'week' },
    ] as const) {
      const href = calendarHref(place);
      expect(href.startsWith('/arbeidsflate/kalender?')).toBe(true);
      const params = new URLSearchParams(href.split('?')[1]);
      expect(readCalendarPlace(params, '2000-01-01')).toEqual(place);
    }
  });
});

describe('viewRange, daysBetween and stepPlace', () => {
  it('is one day in the day view', () => {
    expect(viewRange({ day: '2026-03-29', view: 'day' })).toEqual({
      from: '2026-03-29',
      to: '2026-03-29',
    });
  });

  it('is Monday to Sunday in the week view, across a month and a year', () => {
    expect(viewRange({ day: '2026-03-29', view: 'week' })).toEqual({
      from: '2026-03-23',
      to: '2026-03-29',
    });
    expect(viewRange({ day: '2026-12-31', view: 'week' })).toEqual({
      from: '2026-12-28',
      to: '2027-01-03',
    });
  });

  it('lists seven calendar days in a DST week (no day lost or doubled)', () => {
    const { from, to } = viewRange({ day: '2026-10-21', view: 'week' });
    expect(daysBetween(from, to)).toEqual([
      '2026-10-19',
      '2026-10-20',
      '2026-10-21',
      '2026-10-22',
      '2026-10-23',
      '2026-10-24',
      '2026-10-25',
    ]);
  });

  it('steps a day or a week', () => {
    expect(stepPlace({ day: '2026-03-29', view: 'day' }, 1)).toEqual({
      day: '2026-03-30',
      view: 'day',
    });
    expect(stepPlace({ day: '2026-03-01', view: 'day' }, -1).day).toBe('2026-02-28');
    expect(stepPlace({ day: '2026-03-25', view: 'week' }, 1)).toEqual({
      day: '2026-04-01',
      view: 'week',
    });
    expect(stepPlace({ day: '2027-01-02', view: 'week' }, -1).day).toBe('2026-12-26');
  });

  it('tells whether today is in view', () => {
    expect(containsDay({ day: '2026-03-25', view: 'week' }, '2026-03-29')).toBe(true);
    expect(containsDay({ day: '2026-03-25', view: 'day' }, '2026-03-29')).toBe(false);
    expect(containsDay({ day: '2026-03-30', view: 'week' }, '2026-03-29')).toBe(false);
  });
});

describe('isoWeek', () => {
  it.each([
    ['2026-03-29', 13],
    ['2026-03-30', 14],
    ['2026-12-31', 53],
    ['2027-01-03', 53],
    ['2027-01-04', 1],
  ])('%s is in week %i', (day, week) => {
    expect(isoWeek(day)).toBe(week);
  });
});

describe('groupByDay', () => {
  it('puts each appointment on its clinic-local start day, in time order', () => {
    const days = daysBetween('2026-03-23', '2026-03-29');
    const grouped = groupByDay(
      [
        at('2026-03-29T09:00:00+02:00'),
        // 00:30 in Oslo on Tuesday is Monday evening in UTC.
        at('2026-03-24T00:30:00+01:00'),
        at('2026-03-23T08:00:00+01:00'),
        // Outside the week: left out.
        at('2026-03-30T00:15:00+02:00'),
      ],
      days,
    );
    expect([...grouped.keys()]).toEqual(days);
    expect(grouped.get('2026-03-23')!.map((a) => a.start)).toEqual(['2026-03-23T08:00:00+01:00']);
    expect(grouped.get('2026-03-24')!.map((a) => a.start)).toEqual(['2026-03-24T00:30:00+01:00']);
    expect(grouped.get('2026-03-25')).toEqual([]);
    expect(grouped.get('2026-03-29')!.map((a) => a.start)).toEqual(['2026-03-29T09:00:00+02:00']);
  });

  it('keeps the spring-forward Sunday whole (Europe/Oslo, 2026-03-29)', () => {
    const grouped = groupByDay(
      [
        at('2026-03-29T23:45:00+02:00'),
        at('2026-03-29T03:00:00+02:00'),
        at('2026-03-29T00:00:00+01:00'),
        at('2026-03-29T01:45:00+01:00'),
      ],
      ['2026-03-28', '2026-03-29', '2026-03-30'],
    );
    expect(grouped.get('2026-03-28')).toEqual([]);
    expect(grouped.get('2026-03-30')).toEqual([]);
    expect(grouped.get('2026-03-29')!.map((a) => a.start)).toEqual([
      '2026-03-29T00:00:00+01:00',
      '2026-03-29T01:45:00+01:00',
      '2026-03-29T03:00:00+02:00',
      '2026-03-29T23:45:00+02:00',
    ]);
  });

  it('keeps both 02:30s of the fall-back Sunday on that day, in order (2026-10-25)', () => {
    const grouped = groupByDay(
      [
        at('2026-10-25T02:30:00+01:00'),
        at('2026-10-25T02:30:00+02:00'),
        at('2026-10-25T23:30:00+01:00'),
      ],
      ['2026-10-25', '2026-10-26'],
    );
    expect(grouped.get('2026-10-25')!.map((a) => a.start)).toEqual([
      '2026-10-25T02:30:00+02:00',
      '2026-10-25T02:30:00+01:00',
      '2026-10-25T23:30:00+01:00',
    ]);
    expect(grouped.get('2026-10-26')).toEqual([]);
  });

  it("uses each appointment's own zone", () => {
    const grouped = groupByDay(
      [at('2026-06-01T23:30:00-04:00', 'America/New_York'), at('2026-06-02T01:00:00+02:00')],
      ['2026-06-01', '2026-06-02'],
    );
    expect(grouped.get('2026-06-01')!.map((a) => a.timeZone)).toEqual(['America/New_York']);
    expect(grouped.get('2026-06-02')!.map((a) => a.timeZone)).toEqual([OSLO]);
  });
});

describe('durationMinutes', () => {
  it('is the real length, also across a DST change', () => {
    expect(
      durationMinutes({ start: '2026-05-04T09:00:00+02:00', end: '2026-05-04T09:15:00+02:00' }),
    ).toBe(15);
    // 01:45 + 30 minutes is 03:15 on the spring-forward night.
    expect(
      durationMinutes({ start: '2026-03-29T01:45:00+01:00', end: '2026-03-29T03:15:00+02:00' }),
    ).toBe(30);
    // 02:45 summer time + 30 minutes is 02:15 winter time on the fall-back night.
    expect(
      durationMinutes({ start: '2026-10-25T02:45:00+02:00', end: '2026-10-25T02:15:00+01:00' }),
    ).toBe(30);
  });
});

describe('formatDayRange', () => {
  // Spaces around the dash differ between ICU versions: compare without them.
  const bare = (text: string) => text.replace(/\s+/g, '');
  it('says a week compactly in Norwegian and English', () => {
    expect(bare(formatDayRange('2026-03-23', '2026-03-29', 'nb-NO'))).toBe('23.–29.mars2026');
    expect(bare(formatDayRange('2026-03-23', '2026-03-29', 'en-GB'))).toBe('23–29March2026');
    expect(bare(formatDayRange('2026-12-28', '2027-01-03', 'nb-NO'))).toBe(
      '28.desember2026–3.januar2027',
    );
  });
});

type Video = NonNullable<StaffAppointment['video']>;
const room = (patient: Video['room']['patient'], startedAt: string | null = null): Video => ({
  opensAt: '2026-05-04T08:45:00+02:00',
  closesAt: '2026-05-04T11:00:00+02:00',
  room: { startedAt, patient, practitioner: 'absent', statusMessage: null },
});
const NOW = Date.parse('2026-05-04T08:55:00+02:00');
const START = '2026-05-04T09:00:00+02:00';

describe('liveMark', () => {
  it('marks a waiting patient, a call and a reconnect', () => {
    const started = '2026-05-04T08:50:00+02:00';
    for (const presence of ['waiting', 'in_call', 'reconnecting'] as const) {
      expect(
        liveMark(
          { status: 'booked', start: START, modality: 'video', video: room(presence, started) },
          NOW,
        ),
      ).toBe(presence);
    }
  });

  it('marks nothing before a start, after leaving, in person or when cancelled', () => {
    expect(
      liveMark({ status: 'booked', start: START, modality: 'video', video: room('absent') }, NOW),
    ).toBeNull();
    expect(
      liveMark(
        {
          status: 'booked',
          start: START,
          modality: 'video',
          video: room('left', '2026-05-04T08:50:00+02:00'),
        },
        NOW,
      ),
    ).toBeNull();
    expect(
      liveMark({ status: 'booked', start: START, modality: 'in_person', video: null }, NOW),
    ).toBeNull();
    expect(
      liveMark(
        {
          status: 'cancelled',
          start: START,
          modality: 'video',
          video: room('waiting', '2026-05-04T08:50:00+02:00'),
        },
        NOW,
      ),
    ).toBeNull();
  });
});

describe('countActive', () => {
  it('leaves cancelled appointments out', () => {
    expect(
      countActive([
        { status: 'booked' },
        { status: 'cancelled' },
        { status: 'completed' },
        { status: 'no_show' },
      ]),
    ).toBe(3);
  });
});

describe('statusKey', () => {
  it('names the catalogue label of each status', () => {
    expect(statusKey('booked')).toBe('status.booked');
    expect(statusKey('no_show')).toBe('status.no_show');
  });
});
