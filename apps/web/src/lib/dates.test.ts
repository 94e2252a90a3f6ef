import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  formatDayMonth,
  formatLongDate,
  formatPlainDate,
  formatTime,
  groupSlotsByDay,
  isOtherYear,
  localDateOf,
  todayIn,
  weekdayNames,
} from './dates';
import { addMonths, isLocalDate, isMonth, monthGrid, monthRange, weekEdge } from './calendar-dates';

const OSLO = 'Europe/Oslo';

describe('groupSlotsByDay', () => {
  it('puts slots on the clinic-local day across the autumn DST change (Oslo, 2026-10-25)', () => {
    const slots = [
      { start: '2026-10-25T23:30:00+01:00', end: '2026-10-26T00:00:00+01:00' },
      { start: '2026-10-24T23:45:00+02:00', end: '2026-10-25T00:00:00+02:00' },
      // 00:30 local on the 25th is still the 24th in UTC.
      { start: '2026-10-25T00:30:00+02:00', end: '2026-10-25T01:00:00+02:00' },
      // The repeated hour: 02:30 CEST and 02:30 CET are two slots of the same day.
      { start: '2026-10-25T02:30:00+02:00', end: '2026-10-25T02:00:00+01:00' },
      { start: '2026-10-25T02:30:00+01:00', end: '2026-10-25T03:00:00+01:00' },
    ];
    const days = groupSlotsByDay(slots, OSLO);
    expect([...days.keys()]).toEqual(['2026-10-24', '2026-10-25']);
    expect(days.get('2026-10-24')?.map((s) => s.start)).toEqual(['2026-10-24T23:45:00+02:00']);
    expect(days.get('2026-10-25')?.map((s) => s.start)).toEqual([
      '2026-10-25T00:30:00+02:00',
      '2026-10-25T02:30:00+02:00',
      '2026-10-25T02:30:00+01:00',
      '2026-10-25T23:30:00+01:00',
    ]);
  });

  it('groups by the clinic zone, not by UTC, for slots given in UTC', () => {
    expect(localDateOf('2026-10-24T22:30:00Z', OSLO)).toBe('2026-10-25');
    expect(localDateOf('2026-10-24T22:30:00Z', 'America/New_York')).toBe('2026-10-24');
  });
});

describe('monthRange', () => {
  it('spans local midnights with the offset in force at each end', () => {
    expect(monthRange('2026-10', OSLO)).toEqual({
      from: '2026-10-01T00:00:00+02:00',
      to: '2026-11-01T00:00:00+01:00',
    });
    expect(monthRange('2026-03', OSLO)).toEqual({
      from: '2026-03-01T00:00:00+01:00',
      to: '2026-04-01T00:00:00+02:00',
    });
    expect(monthRange('2026-12', OSLO)).toEqual({
      from: '2026-12-01T00:00:00+01:00',
      to: '2027-01-01T00:00:00+01:00',
    });
  });

  it('stays within the API limit of 62 days', () => {
    const { from, to } = monthRange('2027-01', OSLO);
    expect(Date.parse(to) - Date.parse(from)).toBeLessThanOrEqual(62 * 86_400_000);
  });
});

describe('monthGrid', () => {
  it('lays out December 2026 from Monday, starting on Tuesday the 1st', () => {
    const weeks = monthGrid('2026-12');
    expect(weeks).toHaveLength(5);
    expect(weeks[0]).toEqual([
      null,
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ]);
    expect(weeks[4]).toEqual([
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      null,
      null,
      null,
    ]);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
  });

  it('has exactly the days of February in a non-leap year', () => {
    expect(monthGrid('2027-02').flat().filter(Boolean)).toHaveLength(28);
  });
});

describe('month and day helpers', () => {
  it('moves months across years', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
  });

  it('validates months and dates', () => {
    expect(isMonth('2026-12')).toBe(true);
    expect(isMonth('2026-13')).toBe(false);
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate(null)).toBe(false);
  });

  it('finds the week edges (Monday to Sunday)', () => {
    expect(weekEdge('2026-12-03', 'start')).toBe('2026-11-30');
    expect(weekEdge('2026-12-03', 'end')).toBe('2026-12-06');
  });
});

describe('formatting', () => {
  it('shows the clinic clock, not the machine clock', () => {
    expect(formatTime('2026-12-01T07:45:00Z', OSLO, 'nb-NO')).toBe('08:45');
    expect(formatTime('2026-07-01T07:45:00Z', OSLO, 'nb-NO')).toBe('09:45');
    expect(formatLongDate('2026-12-01T07:45:00Z', OSLO, 'nb-NO')).toBe('tirsdag 1. desember');
    expect(formatLongDate('2026-12-01T07:45:00Z', OSLO, 'en-GB')).toBe('Tuesday 1 December');
  });

  it('formats day and month on the given clock, with the year when asked', () => {
    // 23:30 UTC on 30 November is already 1 December in Oslo.
    expect(formatDayMonth('2026-11-30T23:30:00Z', OSLO, 'nb-NO')).toBe('1. desember');
    expect(formatDayMonth('2026-11-30T23:30:00Z', 'UTC', 'nb-NO')).toBe('30. november');
    expect(formatDayMonth('2026-11-30T09:00:00Z', OSLO, 'en-GB')).toBe('30 November');
    expect(formatDayMonth('2026-11-30T09:00:00Z', OSLO, 'nb-NO', true)).toBe('30. november 2026');
  });

  it('formats plain dates and weekday names independent of zone', () => {
    expect(formatPlainDate('2026-10-25', 'nb-NO')).toBe('søndag 25. oktober');
    expect(weekdayNames('nb-NO', 'long')[0]).toBe('mandag');
    expect(weekdayNames('en-GB', 'long')[6]).toBe('Sunday');
  });
});

describe('the day on a clinic clock without Temporal', () => {
  // The first page computes days with Intl; Temporal is the reference here.
  const zones = ['Europe/Oslo', 'America/New_York', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];
  const around = [
    '2026-03-29T00:00:00Z', // Oslo to summer time
    '2026-10-25T00:00:00Z', // and back
    '2026-12-31T08:00:00Z', // new year somewhere on earth
  ];

  it('agrees with Temporal on the date and the year, every 37 minutes over a day', () => {
    for (const zone of zones) {
      for (const start of around) {
        for (let ms = Date.parse(start); ms < Date.parse(start) + 86_400_000; ms += 37 * 60_000) {
          const expected = Temporal.Instant.fromEpochMilliseconds(ms)
            .toZonedDateTimeISO(zone)
            .toPlainDate()
            .toString();
          const iso = new Date(ms).toISOString();
          expect(localDateOf(iso, zone), `${iso} ${zone}`).toBe(expected);
          expect(todayIn(zone, ms)).toBe(expected);
          expect(isOtherYear(iso, Date.parse('2026-06-01T00:00:00Z'), zone)).toBe(
            expected.slice(0, 4) !== '2026',
          );
        }
      }
    }
  });
});
