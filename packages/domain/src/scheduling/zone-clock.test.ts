import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { DAY, MINUTE } from '../time';
import type { LocalDate, TimeZoneId } from '../time';
import {
  ZoneClock,
  epochDayFromCivil,
  epochDayOf,
  localDateOfEpochDay,
  weekdayOfEpochDay,
} from './zone-clock';

// Zones with every kind of transition: ordinary DST both hemispheres, a 30-minute DST
// (Lord_Howe), a 2-hour DST (Troll), negative DST (Dublin), DST at midnight (Sao_Paulo before
// 2019, Santiago), a skipped calendar day (Apia 2011-12-30), odd offsets (Kathmandu, St_Johns).
const ZONES = [
  'Europe/Oslo',
  'America/New_York',
  'Pacific/Auckland',
  'Australia/Lord_Howe',
  'Antarctica/Troll',
  'Europe/Dublin',
  'America/Sao_Paulo',
  'America/Santiago',
  'Pacific/Apia',
  'Asia/Kathmandu',
  'America/St_Johns',
  'Africa/Casablanca',
  'UTC',
] as TimeZoneId[];

const temporalResolve = (tz: TimeZoneId, local: number): number => {
  const wall = Temporal.Instant.fromEpochMilliseconds(local)
    .toZonedDateTimeISO('UTC')
    .toPlainDateTime();
  return wall.toZonedDateTime(tz, { disambiguation: 'compatible' }).epochMilliseconds;
};

const localOf = (iso: string): number =>
  Temporal.PlainDateTime.from(iso).toZonedDateTime('UTC').epochMilliseconds;

describe('calendar arithmetic', () => {
  it('matches Temporal for dates, weekdays and back', () => {
    fc.assert(
      // 0001-01-01 … 9999-12-31, the dates a LocalDate can spell.
      fc.property(fc.integer({ min: -719_162, max: 2_932_896 }), (epochDay) => {
        const date = Temporal.PlainDate.from('1970-01-01').add({ days: epochDay });
        expect(localDateOfEpochDay(epochDay)).toBe(date.toString());
        expect(epochDayOf(date.toString() as LocalDate)).toBe(epochDay);
        expect(epochDayFromCivil(date.year, date.month, date.day)).toBe(epochDay);
        expect(weekdayOfEpochDay(epochDay)).toBe(date.dayOfWeek);
      }),
    );
  });

  it('knows fixed points', () => {
    expect(epochDayOf('1970-01-01' as LocalDate)).toBe(0);
    expect(weekdayOfEpochDay(0)).toBe(4);
    expect(localDateOfEpochDay(epochDayOf('2026-03-29' as LocalDate))).toBe('2026-03-29');
    expect(weekdayOfEpochDay(epochDayOf('2026-03-29' as LocalDate))).toBe(7);
    expect(weekdayOfEpochDay(epochDayOf('2000-02-29' as LocalDate))).toBe(2);
  });
});

describe('ZoneClock', () => {
  it.each([
    ['spring-forward gap moves forward', 'Europe/Oslo', '2026-03-29T02:30', '2026-03-29T01:30:00Z'],
    ['start of the gap', 'Europe/Oslo', '2026-03-29T02:00', '2026-03-29T01:00:00Z'],
    ['end of the gap', 'Europe/Oslo', '2026-03-29T03:00', '2026-03-29T01:00:00Z'],
    [
      'repeated hour takes the earlier offset',
      'Europe/Oslo',
      '2026-10-25T02:30',
      '2026-10-25T00:30:00Z',
    ],
    ['first instant after the repeat', 'Europe/Oslo', '2026-10-25T03:00', '2026-10-25T02:00:00Z'],
    ['ordinary winter time', 'Europe/Oslo', '2026-01-05T08:00', '2026-01-05T07:00:00Z'],
    ['ordinary summer time', 'Europe/Oslo', '2026-06-01T08:00', '2026-06-01T06:00:00Z'],
    ['New York gap', 'America/New_York', '2026-03-08T02:30', '2026-03-08T07:30:00Z'],
    ['Lord Howe 30-minute gap', 'Australia/Lord_Howe', '2026-10-04T02:15', '2026-10-03T15:45:00Z'],
    ['Apia skipped day', 'Pacific/Apia', '2011-12-30T12:00', '2011-12-30T22:00:00Z'],
  ])('%s (%s %s)', (_name, tz, wall, expected) => {
    const local = localOf(wall);
    const clock = new ZoneClock(tz as TimeZoneId, local - 4 * DAY);
    expect(clock.resolve(local)).toBe(Temporal.Instant.from(expected).epochMilliseconds);
    expect(clock.resolve(local)).toBe(temporalResolve(tz as TimeZoneId, local));
  });

  it('resolves random wall-clock times exactly like Temporal, in many zones', () => {
    const base = localOf('1995-01-01T00:00');
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: 0, max: 50 * 365 }),
        fc.array(fc.integer({ min: 0, max: 5 * 1440 }), { minLength: 1, maxLength: 20 }),
        (tz, day, minuteOffsets) => {
          const first = base + day * DAY;
          const clock = new ZoneClock(tz, first - 4 * DAY);
          for (const offset of minuteOffsets.sort((a, b) => a - b)) {
            const local = first + offset * MINUTE;
            expect(clock.resolve(local)).toBe(temporalResolve(tz, local));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('resolves every quarter hour around each transition like Temporal', () => {
    for (const tz of ZONES) {
      let cursor = Temporal.ZonedDateTime.from({ timeZone: tz, year: 2010, month: 1, day: 1 });
      const clock = new ZoneClock(tz, cursor.epochMilliseconds - 4 * DAY);
      for (let n = 0; n < 40; n++) {
        const next = cursor.getTimeZoneTransition('next');
        if (next == null || next.year > 2030) break;
        const wallAtTransition = next.epochMilliseconds + next.offsetNanoseconds / 1e6;
        const local = Math.floor(wallAtTransition / (15 * MINUTE)) * 15 * MINUTE;
        for (let q = -12; q <= 12; q++) {
          expect(clock.resolve(local + q * 15 * MINUTE), `${tz} ${next.toString()} ${q}`).toBe(
            temporalResolve(tz, local + q * 15 * MINUTE),
          );
        }
        cursor = next;
      }
    }
  });

  it('gives the local date and offset of an instant like Temporal', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: 8e11, max: 2.2e12 }), (tz, at) => {
        const clock = new ZoneClock(tz, at - 4 * DAY);
        const zoned = Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(tz);
        expect(clock.offsetAt(at)).toBe(zoned.offsetNanoseconds / 1e6);
        expect(localDateOfEpochDay(clock.epochDayAt(at))).toBe(zoned.toPlainDate().toString());
      }),
      { numRuns: 300 },
    );
  });
});
