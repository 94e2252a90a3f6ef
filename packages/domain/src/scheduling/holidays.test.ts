import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import type { LocalDate } from '../time';
import { isNorwegianHoliday, norwegianHolidays, type NorwegianHolidayCode } from './holidays';

type Expected = Record<NorwegianHolidayCode, string>;

const fixed = (year: number) => ({
  new_years_day: `${year}-01-01`,
  labour_day: `${year}-05-01`,
  constitution_day: `${year}-05-17`,
  christmas_day: `${year}-12-25`,
  boxing_day: `${year}-12-26`,
});

// Moving holidays worked out by hand from each year's Easter Sunday.
const YEARS: [year: number, Expected][] = [
  [
    2024, // Easter in March
    {
      ...fixed(2024),
      maundy_thursday: '2024-03-28',
      good_friday: '2024-03-29',
      easter_sunday: '2024-03-31',
      easter_monday: '2024-04-01',
      ascension_day: '2024-05-09',
      whit_sunday: '2024-05-19',
      whit_monday: '2024-05-20',
    },
  ],
  [
    2025, // Easter in April
    {
      ...fixed(2025),
      maundy_thursday: '2025-04-17',
      good_friday: '2025-04-18',
      easter_sunday: '2025-04-20',
      easter_monday: '2025-04-21',
      ascension_day: '2025-05-29',
      whit_sunday: '2025-06-08',
      whit_monday: '2025-06-09',
    },
  ],
  [
    2026, // Easter in April, Easter Monday in April
    {
      ...fixed(2026),
      maundy_thursday: '2026-04-02',
      good_friday: '2026-04-03',
      easter_sunday: '2026-04-05',
      easter_monday: '2026-04-06',
      ascension_day: '2026-05-14',
      whit_sunday: '2026-05-24',
      whit_monday: '2026-05-25',
    },
  ],
  [
    2027, // Easter in March; Whit Monday falls on 17 May
    {
      ...fixed(2027),
      maundy_thursday: '2027-03-25',
      good_friday: '2027-03-26',
      easter_sunday: '2027-03-28',
      easter_monday: '2027-03-29',
      ascension_day: '2027-05-06',
      whit_sunday: '2027-05-16',
      whit_monday: '2027-05-17',
    },
  ],
];

describe('norwegianHolidays', () => {
  it.each(YEARS)('%i: every holiday on its date, in date order', (year, expected) => {
    const holidays = norwegianHolidays(year);
    expect(holidays).toHaveLength(12);
    expect(Object.fromEntries(holidays.map((h) => [h.code, h.date]))).toEqual(expected);
    const dates = holidays.map((h) => h.date);
    expect(dates).toEqual([...dates].sort());
  });

  it.each([
    [1818, '1818-03-22'], // earliest possible
    [1943, '1943-04-25'], // latest possible
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2019, '2019-04-21'],
    [2038, '2038-04-25'],
    [2100, '2100-03-28'],
    [2285, '2285-03-22'],
  ])('Easter Sunday %i is %s', (year, date) => {
    expect(norwegianHolidays(year).find((h) => h.code === 'easter_sunday')?.date).toBe(date);
  });

  it('falls on the right weekdays, with Easter between 22 March and 25 April, for 1583–3000', () => {
    const weekdayOf: Partial<Record<NorwegianHolidayCode, number>> = {
      maundy_thursday: 4,
      good_friday: 5,
      easter_sunday: 7,
      easter_monday: 1,
      ascension_day: 4,
      whit_sunday: 7,
      whit_monday: 1,
    };
    for (let year = 1583; year <= 3000; year++) {
      const holidays = norwegianHolidays(year);
      for (const { code, date } of holidays) {
        const plain = Temporal.PlainDate.from(date);
        expect(plain.year).toBe(year);
        const weekday = weekdayOf[code];
        if (weekday !== undefined) expect(plain.dayOfWeek, `${code} ${date}`).toBe(weekday);
      }
      const easter = holidays.find((h) => h.code === 'easter_sunday')!.date.slice(5);
      expect(easter >= '03-22' && easter <= '04-25', `${year}: ${easter}`).toBe(true);
    }
  });

  it('refuses what is not a calendar year', () => {
    expect(() => norwegianHolidays(2026.5)).toThrow(RangeError);
    expect(() => norwegianHolidays(0)).toThrow(RangeError);
    expect(() => norwegianHolidays(10_000)).toThrow(RangeError);
  });
});

describe('isNorwegianHoliday', () => {
  it.each(YEARS.flatMap(([, expected]) => Object.values(expected)))('%s is a holiday', (date) => {
    expect(isNorwegianHoliday(date as LocalDate)).toBe(true);
  });

  it.each([
    '2026-12-24', // Christmas Eve: a closure a clinic may choose, not a holiday
    '2026-12-31', // New Year's Eve, likewise
    '2027-03-27', // Easter Saturday
    '2027-03-30', // the Tuesday after Easter
    '2026-05-18',
    '2027-05-18',
    '2026-01-02',
    '2024-02-29',
    '2025-03-31', // 2024's Easter Sunday, a year later
  ])('%s is not', (date) => {
    expect(isNorwegianHoliday(date as LocalDate)).toBe(false);
  });

  it('agrees with norwegianHolidays on every date of 2020–2040, across year ends', () => {
    const listed = new Set<string>();
    for (let year = 2020; year <= 2040; year++)
      for (const h of norwegianHolidays(year)) listed.add(h.date);
    for (
      let date = Temporal.PlainDate.from('2019-12-20');
      Temporal.PlainDate.compare(date, Temporal.PlainDate.from('2041-01-10')) < 0;
      date = date.add({ days: 1 })
    ) {
      const iso = date.toString();
      const inRange = iso >= '2020-01-01' && iso <= '2040-12-31';
      if (inRange) expect(isNorwegianHoliday(iso as LocalDate), iso).toBe(listed.has(iso));
    }
    expect(isNorwegianHoliday('2019-12-26' as LocalDate)).toBe(true);
    expect(isNorwegianHoliday('2041-01-01' as LocalDate)).toBe(true);
  });
});
