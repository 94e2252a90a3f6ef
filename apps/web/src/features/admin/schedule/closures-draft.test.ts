import { PutClosuresBody } from '@visitt/contracts';
import { describe, expect, it } from 'vitest';
import {
  closureFieldId,
  closuresSignature,
  newClosure,
  toClosuresBody,
  toClosuresDraft,
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
