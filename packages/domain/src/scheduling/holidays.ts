import type { LocalDate } from '../time';
import { epochDayFromCivil, epochDayOf, localDateOfEpochDay } from './zone-clock';

/**
 * The Norwegian public holidays (helligdager and the two national days). Easter Sunday and Whit
 * Sunday are Sundays anyway but are listed, so that a clinic open on Sundays is closed on them too.
 */
export const NORWEGIAN_HOLIDAYS = [
  'new_years_day',
  'maundy_thursday',
  'good_friday',
  'easter_sunday',
  'easter_monday',
  'labour_day',
  'ascension_day',
  'constitution_day',
  'whit_sunday',
  'whit_monday',
  'christmas_day',
  'boxing_day',
] as const;
export type NorwegianHolidayCode = (typeof NORWEGIAN_HOLIDAYS)[number];

/** One public holiday: its date and a code a client translates into a name. */
export interface PublicHoliday {
  readonly date: LocalDate;
  readonly code: NorwegianHolidayCode;
}

/**
 * Easter Sunday of `year` as days since 1970-01-01, by the Gregorian computus (the anonymous
 * algorithm of Meeus, Jones and Butcher), valid for every year of the proleptic Gregorian calendar.
 */
function easterSundayEpochDay(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return epochDayFromCivil(year, month, day);
}

/** The holidays of `year` as `[epochDay, code]`, in date order (Whit Monday may be 17 May). */
function holidayDaysOf(year: number): [number, NorwegianHolidayCode][] {
  const easter = easterSundayEpochDay(year);
  const days: [number, NorwegianHolidayCode][] = [
    [epochDayFromCivil(year, 1, 1), 'new_years_day'],
    [easter - 3, 'maundy_thursday'],
    [easter - 2, 'good_friday'],
    [easter, 'easter_sunday'],
    [easter + 1, 'easter_monday'],
    [epochDayFromCivil(year, 5, 1), 'labour_day'],
    [easter + 39, 'ascension_day'],
    [epochDayFromCivil(year, 5, 17), 'constitution_day'],
    [easter + 49, 'whit_sunday'],
    [easter + 50, 'whit_monday'],
    [epochDayFromCivil(year, 12, 25), 'christmas_day'],
    [epochDayFromCivil(year, 12, 26), 'boxing_day'],
  ];
  // Stable: on a shared date (17 May 2027 is also Whit Monday) the fixed-date order is kept.
  return days.sort((x, y) => x[0] - y[0]);
}

const checkYear = (year: number) => {
  if (!Number.isSafeInteger(year) || year < 1 || year > 9999)
    throw new RangeError(`Not a calendar year: ${year}`);
};

/**
 * The Norwegian public holidays of `year` (1–9999), in date order, computed from the Gregorian
 * computus: no table of years. Two holidays can share a date (Whit Monday 2027 is 17 May), so
 * the list may hold a date twice. Throws a RangeError for a year outside 1–9999.
 */
export function norwegianHolidays(year: number): PublicHoliday[] {
  checkYear(year);
  return holidayDaysOf(year).map(([day, code]) => ({ date: localDateOfEpochDay(day), code }));
}

// The holiday days of the years asked about so far: slot searches ask once per local date.
const holidayDaysByYear = new Map<number, ReadonlySet<number>>();

/** @internal Whether the local date `epochDay` (days since 1970-01-01) is a public holiday. */
export function isNorwegianHolidayEpochDay(epochDay: number): boolean {
  // The year of a day count: an estimate that is at most one year off, then corrected.
  let year = Math.floor(epochDay / 365.2425) + 1970;
  if (epochDayFromCivil(year, 1, 1) > epochDay) year--;
  else if (epochDayFromCivil(year + 1, 1, 1) <= epochDay) year++;
  let days = holidayDaysByYear.get(year);
  if (days === undefined) {
    if (holidayDaysByYear.size > 500) holidayDaysByYear.clear();
    days = new Set(holidayDaysOf(year).map(([day]) => day));
    holidayDaysByYear.set(year, days);
  }
  return days.has(epochDay);
}

/** Whether `date` (`YYYY-MM-DD`, a date on the clinic's calendar) is a Norwegian public holiday. */
export function isNorwegianHoliday(date: LocalDate): boolean {
  return isNorwegianHolidayEpochDay(epochDayOf(date));
}
