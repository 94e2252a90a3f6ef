import { describe, expect, it } from 'vitest';
import { shownDay } from './shown-day';

const days = new Set(['2026-12-14', '2026-12-03', '2026-12-09']);

describe('shownDay', () => {
  it('opens on the first day with free times when none is chosen', () => {
    expect(shownDay(null, days, false)).toBe('2026-12-03');
  });

  it('keeps the chosen day, also one without free times (a time was just taken)', () => {
    expect(shownDay('2026-12-09', days, false)).toBe('2026-12-09');
    expect(shownDay('2026-12-05', days, false)).toBe('2026-12-05');
  });

  it('picks nothing while the month loads or when it has no free day', () => {
    expect(shownDay(null, days, true)).toBeNull();
    expect(shownDay(null, new Set(), false)).toBeNull();
  });
});
