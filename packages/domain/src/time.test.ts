import { describe, expect, it } from 'vitest';
import { minutesOfDay, overlaps, parseLocalDate, parseLocalTime } from './time';
import type { Instant, LocalTime } from './time';

describe('parseLocalDate', () => {
  it.each(['2026-03-29', '2024-02-29', '2000-02-29', '2026-12-31'])('accepts %s', (value) => {
    expect(parseLocalDate(value)).toBe(value);
  });
  it.each(['2026-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-3-29', '29.03.2026', ''])(
    'refuses %j',
    (value) => {
      expect(parseLocalDate(value)).toBeNull();
    },
  );
});

describe('parseLocalTime and minutesOfDay', () => {
  it.each([
    ['00:00', 0],
    ['08:30', 510],
    ['23:59', 1439],
    ['24:00', 1440],
  ])('%s is minute %i', (value, minute) => {
    expect(minutesOfDay(parseLocalTime(value) as LocalTime)).toBe(minute);
  });
  it.each(['24:01', '25:00', '8:00', '08:60', ''])('refuses %j', (value) => {
    expect(parseLocalTime(value)).toBeNull();
  });
});

describe('overlaps', () => {
  const i = (start: number, end: number) => ({ start: start as Instant, end: end as Instant });
  it('treats intervals as half-open', () => {
    expect(overlaps(i(0, 10), i(10, 20))).toBe(false);
    expect(overlaps(i(0, 10), i(9, 20))).toBe(true);
    expect(overlaps(i(0, 10), i(2, 3))).toBe(true);
  });
});
