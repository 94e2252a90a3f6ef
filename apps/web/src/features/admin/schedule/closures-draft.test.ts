import { PutClosuresBody } from '@visitt/contracts';
import { describe, expect, it } from 'vitest';
import {
  closureFieldId,
  closuresSignature,
  comingHolidays,
  isClosedOn,
  newClosure,
  nextDateOf,
  toClosuresBody,
  toClosuresDraft,
  toOpenHolidaysBody,
  validateClosures,
} from './closures-draft';

const saved = [
  { from: '2026-12-24', to: '2026-12-26', reason: 'Jul' },
  { from: '2026-12-01', to: '2026-12-01', reason: null },
];

describe('closures draft', () => {
  it('round-trips the saved closures in date order, a one-day closure with an empty end', () => {
    const draft = toClosuresDraft(saved);
    expect(draft.map((c) => [c.from, c.to, c.reason])).toEqual([
      ['2026-12-01', '', ''],
      ['2026-12-24', '2026-12-26', 'Jul'],
    ]);
    const body = toClosuresBody(draft);
    expect(body).toEqual([
      { from: '2026-12-01', to: '2026-12-01' },
      { from: '2026-12-24', to: '2026-12-26', reason: 'Jul' },
    ]);
    expect(PutClosuresBody.safeParse({ closures: body }).success).toBe(true);
  });

  it('points at missing dates, a range ending before it starts and a long reason', () => {
    const empty = newClosure('');
    const backwards = { ...newClosure('2026-12-10'), to: '2026-12-09' };
    const long = { ...newClosure('2026-12-10'), reason: 'x'.repeat(201) };
    expect(validateClosures([empty, backwards, long])).toEqual([
      { field: closureFieldId(empty.key, 'from'), code: 'dateRequired' },
      { field: closureFieldId(backwards.key, 'to'), code: 'toBeforeFrom' },
      { field: closureFieldId(long.key, 'reason'), code: 'reasonTooLong' },
    ]);
  });

  it('tells unsaved changes apart from a retyped equal draft', () => {
    const base = closuresSignature(toClosuresDraft(saved));
    const same = toClosuresDraft(saved);
    same[0]!.to = '2026-12-01';
    same[1]!.reason = ' Jul ';
    expect(closuresSignature(same)).toBe(base);
    const more = [...toClosuresDraft(saved), newClosure('2027-01-01')];
    expect(closuresSignature(more)).not.toBe(base);
  });
});

describe('public holidays in the closures screen', () => {
  it('lists the holidays as far ahead as patients can book (two years), one row per date', () => {
    const rows = comingHolidays('2026-12-05');
    expect(rows[0]).toEqual({ date: '2026-12-25', codes: ['christmas_day'] });
    // 17 May 2027 is also Whit Monday: one row with both.
    expect(rows.find((r) => r.date === '2027-05-17')).toEqual({
      date: '2027-05-17',
      codes: ['constitution_day', 'whit_monday'],
    });
    // Easter in March 2027 and in April 2028 are both there; the list ends at 2028-12-04.
    const dates = rows.map((r) => r.date);
    expect(dates).toEqual(expect.arrayContaining(['2027-03-25', '2028-04-13', '2028-06-05']));
    expect(dates.at(-1)).toBe('2028-06-05');
    expect(dates.filter((d) => d.startsWith('2027'))).toHaveLength(11);
    expect(comingHolidays('2027-05-18').map((r) => r.date)).toContain('2029-05-17');
    expect(comingHolidays('2027-05-18').map((r) => r.date)).not.toContain('2029-05-18');
    expect(comingHolidays('2026-12-25')[0]!.date).toBe('2026-12-25');
  });

  it('finds the next Christmas Eve and whether a closure already covers it', () => {
    expect(nextDateOf('12-24', '2026-12-05')).toBe('2026-12-24');
    expect(nextDateOf('12-24', '2026-12-24')).toBe('2026-12-24');
    expect(nextDateOf('12-24', '2026-12-25')).toBe('2027-12-24');
    const draft = [newClosure('2026-12-23'), { ...newClosure('2026-12-30'), to: '2026-12-31' }];
    expect(isClosedOn(draft, '2026-12-24')).toBe(false);
    expect(isClosedOn(draft, '2026-12-31')).toBe(true);
    expect(isClosedOn([...draft, newClosure('2026-12-24', 'Julaften')], '2026-12-24')).toBe(true);
    expect(toOpenHolidaysBody(['2027-05-17', '2027-03-29', '2027-05-17'])).toEqual([
      '2027-03-29',
      '2027-05-17',
    ]);
    // Opened dates that have passed are not sent again.
    expect(toOpenHolidaysBody(['2026-12-25', '2027-05-17'], '2026-12-26')).toEqual(['2027-05-17']);
  });
});
