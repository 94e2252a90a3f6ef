import type { HoursException, PutHoursBody, WeeklyHoursBlock } from '@visitt/contracts';
import { Temporal } from 'temporal-polyfill';
import { addDays, isLocalDate } from '../../../lib/calendar-dates';
import { isEndTime, isStartTime, normalizeTime } from './time-of-day';

/**
 * The hours editor's draft and its conversion to and from the API. The API keeps one exception
 * per date; the editor shows a run of equal exceptions on consecutive dates as one row with a
 * date range (a holiday week is one row, not seven), and writes it back one date at a time.
 * Nothing the API sent is lost on the way: a block's validity period is kept as it came.
 */

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
/** ISO weekday: 1 Monday … 7 Sunday. */
export type Weekday = (typeof WEEKDAYS)[number];

/** The API's limits (contracts `PutHoursBody`), checked here to say so before sending. */
export const MAX_WEEKLY_BLOCKS = 100;
export const MAX_EXCEPTION_DATES = 1000;
/** One row may cover at most a year of dates. */
export const MAX_RANGE_DAYS = 366;
export const MAX_NOTE_LENGTH = 200;

export interface BlockDraft {
  /** For React lists and field ids; not sent. */
  key: string;
  start: string;
  end: string;
  /** First and last date the block applies (inclusive), or null for open; kept as they came. */
  validFrom: string | null;
  validUntil: string | null;
}

export type ExceptionKind = HoursException['kind'];

export interface ExceptionDraft {
  key: string;
  kind: ExceptionKind;
  /** First date, `YYYY-MM-DD` (empty until chosen). */
  from: string;
  /** Last date, inclusive; empty for just `from`. */
  to: string;
  /** Absence for the whole day (no times). Extra hours always have times. */
  wholeDay: boolean;
  start: string;
  end: string;
  note: string;
}

export interface HoursDraft {
  weekly: Record<Weekday, BlockDraft[]>;
  exceptions: ExceptionDraft[];
  /** The weekly hours apply on public holidays too (closed on them otherwise). */
  worksHolidays: boolean;
}

let lastKey = 0;
/** A key unique in this page's lifetime. */
export function newKey(): string {
  lastKey += 1;
  return `k${lastKey}`;
}

const toMinutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
const fromMinutes = (total: number) =>
  `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;

/**
 * A new block: 08:00–16:00 on an empty day; after `after`, the hour following it (up to 24:00),
 * or empty times when the day is already full.
 */
export function newBlock(after?: BlockDraft): BlockDraft {
  const block = { key: newKey(), validFrom: null, validUntil: null };
  if (!after) return { ...block, start: '08:00', end: '16:00' };
  const end = normalizeTime(after.end);
  if (!isStartTime(end)) return { ...block, start: '', end: '' };
  const from = toMinutes(end);
  return { ...block, start: end, end: fromMinutes(Math.min(from + 60, 24 * 60)) };
}

/** A new exception row of `kind` on `date`. */
export function newException(kind: ExceptionKind, date: string): ExceptionDraft {
  return {
    key: newKey(),
    kind,
    from: date,
    to: '',
    wholeDay: kind === 'absence',
    start: kind === 'extra' ? '08:00' : '',
    end: kind === 'extra' ? '12:00' : '',
    note: '',
  };
}

const byStart = (a: { start: string }, b: { start: string }) =>
  a.start < b.start ? -1 : a.start > b.start ? 1 : 0;

/** What makes two exceptions the same but for their date. */
const exceptionShape = (e: HoursException) =>
  JSON.stringify([e.kind, e.start ?? null, e.end ?? null, e.note ?? null]);

/**
 * The draft for hours from the API: blocks per weekday in time order, and exceptions with
 * equal consecutive dates joined into one row, rows in date order.
 */
export function toHoursDraft(hours: {
  weekly: readonly WeeklyHoursBlock[];
  exceptions: readonly HoursException[];
  worksHolidays?: boolean;
}): HoursDraft {
  const weekly = Object.fromEntries(WEEKDAYS.map((day) => [day, [] as BlockDraft[]])) as Record<
    Weekday,
    BlockDraft[]
  >;
  for (const block of hours.weekly) {
    weekly[block.weekday as Weekday].push({
      key: newKey(),
      start: block.start,
      end: block.end,
      validFrom: block.validFrom ?? null,
      validUntil: block.validUntil ?? null,
    });
  }
  for (const day of WEEKDAYS) weekly[day].sort(byStart);

  const sorted = [...hours.exceptions].sort((a, b) => {
    const shape = exceptionShape(a).localeCompare(exceptionShape(b));
    return shape !== 0 ? shape : a.date.localeCompare(b.date);
  });
  const rows: { first: HoursException; to: string }[] = [];
  for (const exception of sorted) {
    const last = rows.at(-1);
    if (
      last &&
      exceptionShape(last.first) === exceptionShape(exception) &&
      addDays(last.to, 1) === exception.date
    )
      last.to = exception.date;
    else rows.push({ first: exception, to: exception.date });
  }
  const exceptions = rows
    .map(({ first, to }): ExceptionDraft => ({
      key: newKey(),
      kind: first.kind,
      from: first.date,
      to: to === first.date ? '' : to,
      wholeDay: first.start == null,
      start: first.start ?? '',
      end: first.end ?? '',
      note: first.note ?? '',
    }))
    .sort((a, b) => a.from.localeCompare(b.from) || byStart(a, b));
  return { weekly, exceptions, worksHolidays: hours.worksHolidays ?? false };
}

/** Sorts exceptions by date, then time, so equal hours give equal bodies. */
const exceptionOrder = (e: HoursException) =>
  JSON.stringify([e.date, e.start ?? '', e.end ?? '', e.kind, e.note ?? '']);

/** The dates of a row, `from` to `to` inclusive (just `from` when `to` is empty). */
export function exceptionDates(row: Pick<ExceptionDraft, 'from' | 'to'>): string[] {
  const last = row.to === '' ? row.from : row.to;
  const dates: string[] = [];
  for (let date = row.from; date <= last; date = addDays(date, 1)) dates.push(date);
  return dates;
}

/** How many days `from`–`to` covers (1 for a single date). */
function rangeLength(from: string, to: string): number {
  return (
    Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(to), { largestUnit: 'days' }).days +
    1
  );
}

/**
 * The body for `PUT …/hours` from a draft that {@link validateHoursDraft} found no problem
 * in: times normalized, ranges written out date by date, blocks and dates in order.
 */
export function toPutHoursBody(draft: HoursDraft): PutHoursBody {
  const weekly: WeeklyHoursBlock[] = WEEKDAYS.flatMap((weekday) =>
    draft.weekly[weekday]
      .map((block) => ({
        weekday,
        start: normalizeTime(block.start),
        end: normalizeTime(block.end),
        ...(block.validFrom ? { validFrom: block.validFrom } : {}),
        ...(block.validUntil ? { validUntil: block.validUntil } : {}),
      }))
      .sort(byStart),
  );
  const exceptions: HoursException[] = draft.exceptions
    .flatMap((row) => {
      const note = row.note.trim();
      const hasTimes = row.kind === 'extra' || !row.wholeDay;
      return exceptionDates(row).map((date): HoursException => ({
        date,
        kind: row.kind,
        ...(hasTimes ? { start: normalizeTime(row.start), end: normalizeTime(row.end) } : {}),
        ...(note ? { note } : {}),
      }));
    })
    .sort((a, b) => exceptionOrder(a).localeCompare(exceptionOrder(b)));
  return { weekly, exceptions, worksHolidays: draft.worksHolidays };
}

export type HoursProblemCode =
  | 'startFormat'
  | 'endFormat'
  | 'endBeforeStart'
  | 'overlap'
  | 'dateRequired'
  | 'toBeforeFrom'
  | 'rangeTooLong'
  | 'noteTooLong'
  | 'tooManyBlocks'
  | 'tooManyDates';

/** The field a problem belongs to (see {@link hoursFieldId}), or `general` for the whole form. */
export interface HoursProblem {
  field: string;
  code: HoursProblemCode;
}

/**
 * The name of a field of the draft, for problems and element ids: `weekly.3.k12.start`,
 * `exceptions.k40.from`.
 */
export function hoursFieldId(
  ...parts:
    | [section: 'weekly', day: Weekday, key: string, field: 'start' | 'end']
    | [section: 'exceptions', key: string, field: 'from' | 'to' | 'start' | 'end' | 'note']
): string {
  return parts.join('.');
}

function checkTimes(
  start: string,
  end: string,
  fieldOf: (field: 'start' | 'end') => string,
  problems: HoursProblem[],
): boolean {
  const s = normalizeTime(start);
  const e = normalizeTime(end);
  let ok = true;
  if (!isStartTime(s)) {
    problems.push({ field: fieldOf('start'), code: 'startFormat' });
    ok = false;
  }
  if (!isEndTime(e)) {
    problems.push({ field: fieldOf('end'), code: 'endFormat' });
    ok = false;
  }
  if (ok && e <= s) {
    problems.push({ field: fieldOf('end'), code: 'endBeforeStart' });
    ok = false;
  }
  return ok;
}

const periodsMeet = (a: BlockDraft, b: BlockDraft) =>
  (!a.validFrom || !b.validUntil || a.validFrom <= b.validUntil) &&
  (!b.validFrom || !a.validUntil || b.validFrom <= a.validUntil);

/**
 * Everything the API would refuse in a draft (and a little more: an empty date), in the order
 * of the form, each with the field to point at. Empty when the draft can be saved.
 */
export function validateHoursDraft(draft: HoursDraft): HoursProblem[] {
  const problems: HoursProblem[] = [];
  let blockCount = 0;
  for (const day of WEEKDAYS) {
    const checked: BlockDraft[] = [];
    for (const block of draft.weekly[day]) {
      blockCount += 1;
      const fieldOf = (field: 'start' | 'end') => hoursFieldId('weekly', day, block.key, field);
      if (!checkTimes(block.start, block.end, fieldOf, problems)) continue;
      const start = normalizeTime(block.start);
      const end = normalizeTime(block.end);
      const overlaps = checked.some(
        (other) =>
          normalizeTime(other.start) < end &&
          start < normalizeTime(other.end) &&
          periodsMeet(block, other),
      );
      if (overlaps) problems.push({ field: fieldOf('start'), code: 'overlap' });
      else checked.push(block);
    }
  }
  if (blockCount > MAX_WEEKLY_BLOCKS) problems.push({ field: 'general', code: 'tooManyBlocks' });

  let dateCount = 0;
  for (const row of draft.exceptions) {
    const fieldOf = (field: 'from' | 'to' | 'start' | 'end' | 'note') =>
      hoursFieldId('exceptions', row.key, field);
    if (!isLocalDate(row.from)) problems.push({ field: fieldOf('from'), code: 'dateRequired' });
    else if (row.to !== '') {
      if (!isLocalDate(row.to)) problems.push({ field: fieldOf('to'), code: 'dateRequired' });
      else if (row.to < row.from) problems.push({ field: fieldOf('to'), code: 'toBeforeFrom' });
      else if (rangeLength(row.from, row.to) > MAX_RANGE_DAYS)
        problems.push({ field: fieldOf('to'), code: 'rangeTooLong' });
      else dateCount += rangeLength(row.from, row.to);
    } else dateCount += 1;
    if (row.kind === 'extra' || !row.wholeDay) checkTimes(row.start, row.end, fieldOf, problems);
    if (row.note.trim().length > MAX_NOTE_LENGTH)
      problems.push({ field: fieldOf('note'), code: 'noteTooLong' });
  }
  if (dateCount > MAX_EXCEPTION_DATES) problems.push({ field: 'general', code: 'tooManyDates' });
  return problems;
}

/**
 * A comparable fingerprint of a draft: two drafts with the same signature save the same hours
 * (a date range and its single dates alike). Used to tell whether there are unsaved changes; a
 * draft with problems never matches a saved one.
 */
export function hoursDraftSignature(draft: HoursDraft): string {
  if (validateHoursDraft(draft).length === 0) return JSON.stringify(toPutHoursBody(draft));
  return JSON.stringify({
    invalid: WEEKDAYS.map((day) => draft.weekly[day].map(({ key: _key, ...block }) => block)),
    exceptions: draft.exceptions.map(({ key: _key, ...row }) => row),
    worksHolidays: draft.worksHolidays,
  });
}
