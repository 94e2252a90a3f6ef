import { PutHoursBody, type HoursException, type WeeklyHoursBlock } from '@visitt/contracts';
import { describe, expect, it } from 'vitest';
import {
  exceptionDates,
  hoursDraftSignature,
  hoursFieldId,
  newBlock,
  newException,
  toHoursDraft,
  toPutHoursBody,
  validateHoursDraft,
  type HoursDraft,
} from './hours-draft';

const weekly: WeeklyHoursBlock[] = [
  { weekday: 1, start: '12:00', end: '15:30', validFrom: null, validUntil: null },
  { weekday: 1, start: '08:00', end: '11:30', validFrom: null, validUntil: null },
  { weekday: 3, start: '08:00', end: '24:00', validFrom: '2027-01-01', validUntil: '2027-03-31' },
];

const exceptions: HoursException[] = [
  { date: '2026-12-23', kind: 'absence', start: null, end: null, note: 'Juleferie' },
  { date: '2026-12-24', kind: 'absence', start: null, end: null, note: 'Juleferie' },
  { date: '2026-12-25', kind: 'absence', start: null, end: null, note: 'Juleferie' },
  // A gap: a new row.
  { date: '2026-12-28', kind: 'absence', start: null, end: null, note: 'Juleferie' },
  { date: '2026-12-02', kind: 'extra', start: '16:00', end: '18:00', note: null },
  // Same date as the next, other times: its own row.
  { date: '2026-12-03', kind: 'absence', start: '08:00', end: '10:00', note: null },
  { date: '2026-12-03', kind: 'absence', start: '13:00', end: '14:00', note: null },
];

const emptyWeek = (): HoursDraft['weekly'] => ({ 1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] });

describe('toHoursDraft', () => {
  it('puts blocks on their weekday in time order, keeping validity periods', () => {
    const draft = toHoursDraft({ weekly, exceptions: [] });
    expect(draft.weekly[1].map((b) => [b.start, b.end])).toEqual([
      ['08:00', '11:30'],
      ['12:00', '15:30'],
    ]);
    expect(draft.weekly[2]).toEqual([]);
    expect(draft.weekly[3][0]).toMatchObject({
      start: '08:00',
      end: '24:00',
      validFrom: '2027-01-01',
      validUntil: '2027-03-31',
    });
  });

  it('joins equal exceptions on consecutive dates into one row, rows in date order', () => {
    const draft = toHoursDraft({ weekly: [], exceptions });
    expect(
      draft.exceptions.map((e) => [e.kind, e.from, e.to, e.wholeDay, e.start, e.end, e.note]),
    ).toEqual([
      ['extra', '2026-12-02', '', false, '16:00', '18:00', ''],
      ['absence', '2026-12-03', '', false, '08:00', '10:00', ''],
      ['absence', '2026-12-03', '', false, '13:00', '14:00', ''],
      ['absence', '2026-12-23', '2026-12-25', true, '', '', 'Juleferie'],
      ['absence', '2026-12-28', '', true, '', '', 'Juleferie'],
    ]);
  });
});

describe('toPutHoursBody', () => {
  it('gives back what the API sent (round trip), valid by the contract', () => {
    const body = toPutHoursBody(toHoursDraft({ weekly, exceptions }));
    expect(PutHoursBody.safeParse(body).success).toBe(true);
    expect(body.weekly).toEqual([
      { weekday: 1, start: '08:00', end: '11:30' },
      { weekday: 1, start: '12:00', end: '15:30' },
      {
        weekday: 3,
        start: '08:00',
        end: '24:00',
        validFrom: '2027-01-01',
        validUntil: '2027-03-31',
      },
    ]);
    const normalize = (list: HoursException[]) =>
      list
        .map((e) => ({
          date: e.date,
          kind: e.kind,
          start: e.start ?? null,
          end: e.end ?? null,
          note: e.note ?? null,
        }))
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(normalize(body.exceptions)).toEqual(normalize(exceptions));
  });

  it('writes a date range out day by day, with normalized times and no empty note', () => {
    const draft: HoursDraft = {
      worksHolidays: false,
      weekly: { ...emptyWeek(), 5: [{ ...newBlock(), start: '8', end: '1230' }] },
      exceptions: [
        { ...newException('absence', '2026-12-30'), to: '2027-01-01', note: '  ' },
        { ...newException('extra', '2026-12-05'), start: '9.00', end: '11' },
      ],
    };
    expect(toPutHoursBody(draft)).toEqual({
      weekly: [{ weekday: 5, start: '08:00', end: '12:30' }],
      exceptions: [
        { date: '2026-12-05', kind: 'extra', start: '09:00', end: '11:00' },
        { date: '2026-12-30', kind: 'absence' },
        { date: '2026-12-31', kind: 'absence' },
        { date: '2027-01-01', kind: 'absence' },
      ],
      worksHolidays: false,
    });
  });

  it('keeps whether the practitioner works public holidays, and tells a change apart', () => {
    const saved = { weekly: [], exceptions: [], worksHolidays: true };
    const draft = toHoursDraft(saved);
    expect(draft.worksHolidays).toBe(true);
    expect(toPutHoursBody(draft).worksHolidays).toBe(true);
    expect(toHoursDraft({ weekly: [], exceptions: [] }).worksHolidays).toBe(false);
    expect(hoursDraftSignature({ ...draft, worksHolidays: false })).not.toBe(
      hoursDraftSignature(draft),
    );
  });

  it('sends times for an absence of part of a day', () => {
    const row = { ...newException('absence', '2026-12-01'), wholeDay: false };
    const body = toPutHoursBody({
      weekly: emptyWeek(),
      worksHolidays: false,
      exceptions: [{ ...row, start: '10:00', end: '12:00' }],
    });
    expect(body.exceptions).toEqual([
      { date: '2026-12-01', kind: 'absence', start: '10:00', end: '12:00' },
    ]);
  });
});

describe('exceptionDates', () => {
  it('covers a range across a month and year end, and a single date', () => {
    expect(exceptionDates({ from: '2026-12-31', to: '2027-01-02' })).toEqual([
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
    ]);
    expect(exceptionDates({ from: '2026-03-29', to: '' })).toEqual(['2026-03-29']);
  });
});

describe('validateHoursDraft', () => {
  it('finds nothing wrong in saved hours', () => {
    expect(validateHoursDraft(toHoursDraft({ weekly, exceptions }))).toEqual([]);
  });

  it('points at bad times, reversed blocks and overlaps on the same weekday', () => {
    const a = { ...newBlock(), start: '08:00', end: '12:00' };
    const b = { ...newBlock(), start: '11:00', end: '13:00' };
    const c = { ...newBlock(), start: '25:00', end: '10:00' };
    const d = { ...newBlock(), start: '14:00', end: '13:00' };
    const e = { ...newBlock(), start: '12:00', end: '16:00' }; // touching a: fine
    const draft: HoursDraft = {
      worksHolidays: false,
      weekly: { ...emptyWeek(), 2: [a, b, c, d, e] },
      exceptions: [],
    };
    expect(validateHoursDraft(draft)).toEqual([
      { field: hoursFieldId('weekly', 2, b.key, 'start'), code: 'overlap' },
      { field: hoursFieldId('weekly', 2, c.key, 'start'), code: 'startFormat' },
      { field: hoursFieldId('weekly', 2, d.key, 'end'), code: 'endBeforeStart' },
    ]);
  });

  it('lets blocks overlap when their validity periods do not meet', () => {
    const a = { ...newBlock(), start: '08:00', end: '12:00', validUntil: '2026-12-31' };
    const b = { ...newBlock(), start: '09:00', end: '13:00', validFrom: '2027-01-01' };
    expect(
      validateHoursDraft({
        worksHolidays: false,
        weekly: { ...emptyWeek(), 1: [a, b] },
        exceptions: [],
      }),
    ).toEqual([]);
  });

  it('checks dates, ranges, times of extra hours and notes', () => {
    const noDate = newException('absence', '');
    const backwards = { ...newException('absence', '2026-12-10'), to: '2026-12-01' };
    const tooLong = { ...newException('absence', '2026-01-01'), to: '2027-01-02' };
    const extra = { ...newException('extra', '2026-12-01'), start: '', end: '10:00' };
    const partial = { ...newException('absence', '2026-12-01'), wholeDay: false };
    const note = { ...newException('absence', '2026-12-01'), note: 'x'.repeat(201) };
    const problems = validateHoursDraft({
      weekly: emptyWeek(),
      worksHolidays: false,
      exceptions: [noDate, backwards, tooLong, extra, partial, note],
    });
    expect(problems).toEqual([
      { field: hoursFieldId('exceptions', noDate.key, 'from'), code: 'dateRequired' },
      { field: hoursFieldId('exceptions', backwards.key, 'to'), code: 'toBeforeFrom' },
      { field: hoursFieldId('exceptions', tooLong.key, 'to'), code: 'rangeTooLong' },
      { field: hoursFieldId('exceptions', extra.key, 'start'), code: 'startFormat' },
      { field: hoursFieldId('exceptions', partial.key, 'start'), code: 'startFormat' },
      { field: hoursFieldId('exceptions', partial.key, 'end'), code: 'endFormat' },
      { field: hoursFieldId('exceptions', note.key, 'note'), code: 'noteTooLong' },
    ]);
  });

  it('refuses more dates than the API keeps', () => {
    const rows = Array.from({ length: 3 }, (_, i) => ({
      ...newException('absence', `202${7 + i}-01-01`),
      to: `202${7 + i}-12-31`,
    }));
    expect(
      validateHoursDraft({ weekly: emptyWeek(), worksHolidays: false, exceptions: rows }),
    ).toEqual([{ field: 'general', code: 'tooManyDates' }]);
  });
});

describe('hoursDraftSignature', () => {
  it('is equal for a range and the same dates one by one, and for differently typed times', () => {
    const saved = toHoursDraft({ weekly, exceptions });
    const edited = toHoursDraft({ weekly, exceptions });
    edited.weekly[1][0]!.start = '8';
    const christmas = edited.exceptions.find((e) => e.to === '2026-12-25')!;
    christmas.to = '2026-12-24';
    edited.exceptions.push({ ...christmas, key: 'other', from: '2026-12-25', to: '' });
    expect(hoursDraftSignature(edited)).toBe(hoursDraftSignature(saved));
  });

  it('differs after a real change, and for a draft with problems', () => {
    const saved = toHoursDraft({ weekly, exceptions });
    const changed = toHoursDraft({ weekly, exceptions });
    changed.weekly[1][0]!.end = '11:45';
    expect(hoursDraftSignature(changed)).not.toBe(hoursDraftSignature(saved));
    const broken = toHoursDraft({ weekly, exceptions });
    broken.weekly[1][0]!.end = 'x';
    expect(hoursDraftSignature(broken)).not.toBe(hoursDraftSignature(saved));
  });
});

describe('newBlock', () => {
  it('starts a day at 08:00–16:00 and follows a block with the next hour, up to 24:00', () => {
    expect(newBlock()).toMatchObject({ start: '08:00', end: '16:00' });
    expect(newBlock({ ...newBlock(), end: '11:30' })).toMatchObject({
      start: '11:30',
      end: '12:30',
    });
    expect(newBlock({ ...newBlock(), end: '23:30' })).toMatchObject({
      start: '23:30',
      end: '24:00',
    });
    expect(newBlock({ ...newBlock(), end: '24:00' })).toMatchObject({ start: '', end: '' });
  });
});
