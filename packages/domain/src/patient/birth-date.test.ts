import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import type { Instant } from '../time';
import { checkBirthDate, isPossibleBirthDate, latestDateOnEarth } from './birth-date';

const at = (iso: string) => Temporal.Instant.from(iso).epochMilliseconds as Instant;

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

describe('checkBirthDate', () => {
  it.each([
    ['1900-01-01', null],
    ['1899-12-31', 'too_early'],
    ['2026-12-05', null],
    ['2026-12-06', 'future'],
    ['2026-02-30', 'invalid'],
    ['5.12.2026', 'invalid'],
  ])('%s with 2026-12-05 as the latest date → %s', (date, refusal) => {
    const decision = checkBirthDate(date, '2026-12-05');
    expect(decision.ok ? null : decision.reason).toBe(refusal);
  });
});
