import type { ClinicClosure } from '@visitt/contracts';
import { MAX_HORIZON_DAYS, norwegianHolidays, type NorwegianHolidayCode } from '@visitt/domain';
import { addDays, isLocalDate } from '../../../lib/calendar-dates';
import { newKey } from './hours-draft';

/**
 * The clinic's closures as the editor holds them: dates on the clinic's calendar, both ends
 * inclusive, with an optional reason. A one-day closure has an empty `to`.
 */

export const MAX_CLOSURES = 500;
export const MAX_REASON_LENGTH = 200;

export interface ClosureDraft {
  key: string;
  from: string;
  to: string;
  reason: string;
}

/** The draft for the clinic's saved closures, in date order. */
export function toClosuresDraft(closures: readonly ClinicClosure[]): ClosureDraft[] {
  return [...closures]
    .sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to))
    .map((c) => ({
      key: newKey(),
      from: c.from,
      to: c.to === c.from ? '' : c.to,
      reason: c.reason ?? '',
    }));
}

/** A new closure row on `date`, with an optional reason. */
export function newClosure(date: string, reason = ''): ClosureDraft {
  return { key: newKey(), from: date, to: '', reason };
}

/** Whether a row of the draft closes `date` (rows with problems count as far as they can be read). */
export function isClosedOn(draft: readonly ClosureDraft[], date: string): boolean {
  return draft.some(
    (row) => isLocalDate(row.from) && row.from <= date && date <= (row.to || row.from),
  );
}

/** The first `MM-DD` (a date of every year, such as `12-24`) on or after `today`. */
export function nextDateOf(monthDay: string, today: string): string {
  const year = Number(today.slice(0, 4));
  const thisYear = `${year}-${monthDay}`;
  return thisYear >= today ? thisYear : `${year + 1}-${monthDay}`;
}

/** One date with its public holidays (17 May can also be Whit Monday). */
export interface HolidayRow {
  date: string;
  codes: NorwegianHolidayCode[];
}

/**
 * The public holidays from `today` through the last day patients can book (the longest booking
 * horizon), by date: a clinic can open any holiday a patient could book.
 */
export function comingHolidays(today: string): HolidayRow[] {
  const end = addDays(today, MAX_HORIZON_DAYS);
  const first = Number(today.slice(0, 4));
  const rows: HolidayRow[] = [];
  for (let year = first; year <= Number(end.slice(0, 4)); year++) {
    for (const { date, code } of norwegianHolidays(year)) {
      if (date < today || date > end) continue;
      const last = rows.at(-1);
      if (last?.date === date) last.codes.push(code);
      else rows.push({ date, codes: [code] });
    }
  }
  return rows;
}

/**
 * The opened holidays as the API takes them: each date once, in order, and (given `from`, today)
 * none that has passed, so opened dates do not pile up year after year.
 */
export function toOpenHolidaysBody(dates: readonly string[], from = ''): string[] {
  return [...new Set(dates)].filter((date) => date >= from).sort();
}

/** The `closures` of `PUT …/closures` from a draft without problems, in date order. */
export function toClosuresBody(draft: readonly ClosureDraft[]): ClinicClosure[] {
  return draft
    .map((row) => {
      const reason = row.reason.trim();
      return { from: row.from, to: row.to || row.from, ...(reason ? { reason } : {}) };
    })
    .sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}

export type ClosureProblemCode = 'dateRequired' | 'toBeforeFrom' | 'reasonTooLong' | 'tooMany';

export interface ClosureProblem {
  /** `closures.<key>.from|to|reason`, or `general`. */
  field: string;
  code: ClosureProblemCode;
}

/** The name of a closure field, for problems and element ids. */
export function closureFieldId(key: string, field: 'from' | 'to' | 'reason'): string {
  return `closures.${key}.${field}`;
}

/** What the API would refuse, in the order of the form. Empty when the draft can be saved. */
export function validateClosures(draft: readonly ClosureDraft[]): ClosureProblem[] {
  const problems: ClosureProblem[] = [];
  for (const row of draft) {
    if (!isLocalDate(row.from))
      problems.push({ field: closureFieldId(row.key, 'from'), code: 'dateRequired' });
    else if (row.to !== '' && !isLocalDate(row.to))
      problems.push({ field: closureFieldId(row.key, 'to'), code: 'dateRequired' });
    else if (row.to !== '' && row.to < row.from)
      problems.push({ field: closureFieldId(row.key, 'to'), code: 'toBeforeFrom' });
    if (row.reason.trim().length > MAX_REASON_LENGTH)
      problems.push({ field: closureFieldId(row.key, 'reason'), code: 'reasonTooLong' });
  }
  if (draft.length > MAX_CLOSURES) problems.push({ field: 'general', code: 'tooMany' });
  return problems;
}

/** Equal for drafts that save the same closures; a draft with problems matches no saved one. */
export function closuresSignature(draft: readonly ClosureDraft[]): string {
  if (validateClosures(draft).length === 0) return JSON.stringify(toClosuresBody(draft));
  return JSON.stringify({ invalid: draft.map(({ key: _key, ...row }) => row) });
}
