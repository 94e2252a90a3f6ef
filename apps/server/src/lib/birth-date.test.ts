import type { Instant } from '@visitt/domain';
import { describe, expect, it } from 'vitest';
import { isPossibleBirthDate, latestDateOnEarth } from './birth-date';

const at = (iso: string) => Date.parse(iso) as Instant;

describe('latestDateOnEarth', () => {
  it.each([
    ['2026-12-05T09:59:59.999Z', '2026-12-05'],
    // 10:00 UTC is midnight in UTC+14: the next day has begun there.
    ['2026-12-05T10:00:00Z', '2026-12-06'],
    ['2026-12-31T23:00:00Z', '2027-01-01'],
  ])('at %s is %s', (now, date) => {
    expect(latestDateOnEarth(at(now))).toBe(date);
  });
});

describe('isPossibleBirthDate', () => {
  const now = at('2026-12-05T12:00:00Z');
  it.each([
    ['1900-01-01', true],
    ['2026-12-05', true],
    ['2026-12-06', true],
    ['2026-12-07', false],
    ['2200-01-01', false],
  ])('%s → %s', (date, possible) => {
    expect(isPossibleBirthDate(date, now)).toBe(possible);
  });
});
