import { describe, expect, it } from 'vitest';
import { formatTime } from '../../../lib/dates';
import {
  currentMonday,
  isoWeekNumber,
  mondayOf,
  previewDays,
  shiftWeek,
  weekDates,
} from './preview-week';

const OSLO = 'Europe/Oslo';
const time = (iso: string) => formatTime(iso, OSLO, 'nb-NO');

describe('week navigation', () => {
  it('finds the Monday of a week and steps whole weeks over a year end', () => {
    expect(mondayOf('2026-12-31')).toBe('2026-12-28');
    expect(mondayOf('2026-12-28')).toBe('2026-12-28');
    expect(mondayOf('2027-01-03')).toBe('2026-12-28');
    expect(shiftWeek('2026-12-28', 1)).toBe('2027-01-04');
    expect(shiftWeek('2026-12-28', -1)).toBe('2026-12-21');
    expect(weekDates('2026-12-28')).toEqual([
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
    ]);
  });

  it('numbers weeks the ISO way', () => {
    expect(isoWeekNumber('2026-12-28')).toBe(53);
    expect(isoWeekNumber('2027-01-04')).toBe(1);
    expect(isoWeekNumber('2026-03-23')).toBe(13);
  });

  it("takes this week from the clinic's calendar, not UTC", () => {
    // Sunday 23:30 UTC is already Monday 00:30 in Oslo.
    expect(currentMonday(OSLO, Date.parse('2026-11-29T23:30:00Z'))).toBe('2026-11-30');
    expect(currentMonday('UTC', Date.parse('2026-11-29T23:30:00Z'))).toBe('2026-11-23');
  });
});

describe('previewDays', () => {
  it('cuts round-the-clock hours at local midnight over the spring DST change (Oslo, 2026-03-29)', () => {
    const days = previewDays(
      {
        timeZone: OSLO,
        // Saturday 20:00 to Monday 08:00: Sunday has only 23 hours.
        open: [{ start: '2026-03-28T20:00:00+01:00', end: '2026-03-30T08:00:00+02:00' }],
        slots: [
          { start: '2026-03-29T01:30:00+01:00', end: '2026-03-29T03:00:00+02:00' },
          { start: '2026-03-29T03:00:00+02:00', end: '2026-03-29T03:30:00+02:00' },
          { start: '2026-03-28T23:30:00+01:00', end: '2026-03-29T00:00:00+01:00' },
        ],
      },
      '2026-03-23',
    );
    expect(days.map((d) => d.date)).toEqual(weekDates('2026-03-23'));
    const [saturday, sunday, monday] = [
      days[5]!,
      days[6]!,
      previewDays(
        {
          timeZone: OSLO,
          open: [{ start: '2026-03-28T20:00:00+01:00', end: '2026-03-30T08:00:00+02:00' }],
          slots: [],
        },
        '2026-03-30',
      )[0]!,
    ];
    expect(
      saturday.open.map((o) => [time(o.start), o.untilMidnight ? '24:00' : time(o.end)]),
    ).toEqual([['20:00', '24:00']]);
    expect(
      sunday.open.map((o) => [time(o.start), o.untilMidnight ? '24:00' : time(o.end)]),
    ).toEqual([['00:00', '24:00']]);
    expect(Date.parse(sunday.open[0]!.end) - Date.parse(sunday.open[0]!.start)).toBe(23 * 3600_000);
    expect(monday.open.map((o) => [time(o.start), time(o.end), o.untilMidnight])).toEqual([
      ['00:00', '08:00', false],
    ]);
    expect(saturday.slots.map((s) => time(s.start))).toEqual(['23:30']);
    // 01:30 CET and then 03:00 CEST: the hour 02:00–03:00 does not exist that night.
    expect(sunday.slots.map((s) => time(s.start))).toEqual(['01:30', '03:00']);
  });

  it('keeps 08:00 at 08:00 on both sides of the autumn change (Oslo, 2026-10-25)', () => {
    const days = previewDays(
      {
        timeZone: OSLO,
        open: [
          { start: '2026-10-23T08:00:00+02:00', end: '2026-10-23T12:00:00+02:00' },
          { start: '2026-10-26T08:00:00+01:00', end: '2026-10-26T12:00:00+01:00' },
        ],
        slots: [{ start: '2026-10-26T08:00:00+01:00', end: '2026-10-26T08:15:00+01:00' }],
      },
      '2026-10-19',
    );
    expect(days[4]!.open.map((o) => time(o.start))).toEqual(['08:00']);
    expect(days[6]!.open).toEqual([]);
    const next = previewDays(
      {
        timeZone: OSLO,
        open: [{ start: '2026-10-26T08:00:00+01:00', end: '2026-10-26T12:00:00+01:00' }],
        slots: [{ start: '2026-10-26T08:00:00+01:00', end: '2026-10-26T08:15:00+01:00' }],
      },
      '2026-10-26',
    );
    expect(next[0]!.open.map((o) => [time(o.start), time(o.end)])).toEqual([['08:00', '12:00']]);
    expect(next[0]!.slots.map((s) => time(s.start))).toEqual(['08:00']);
  });
});
