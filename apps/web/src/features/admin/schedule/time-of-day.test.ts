import { describe, expect, it } from 'vitest';
import { isEndTime, isStartTime, normalizeTime } from './time-of-day';

describe('normalizeTime', () => {
  it.each([
    ['8', '08:00'],
    ['08', '08:00'],
    ['800', '08:00'],
    ['0800', '08:00'],
    ['8:00', '08:00'],
    ['8.30', '08:30'],
    [' 08:30 ', '08:30'],
    ['1530', '15:30'],
    ['0', '00:00'],
    ['24', '24:00'],
    ['24:00', '24:00'],
  ])('reads %j as %j', (input, expected) => {
    expect(normalizeTime(input)).toBe(expected);
  });

  it.each(['', 'abc', '25', '8:60', '24:30', '80', '12:3', '123456', '-1'])(
    'leaves %j as typed (trimmed)',
    (input) => {
      expect(normalizeTime(input)).toBe(input.trim());
    },
  );
});

describe('isStartTime and isEndTime', () => {
  it('accept 00:00–23:59 as a start and up to 24:00 as an end', () => {
    expect(isStartTime('00:00')).toBe(true);
    expect(isStartTime('23:59')).toBe(true);
    expect(isStartTime('24:00')).toBe(false);
    expect(isEndTime('24:00')).toBe(true);
    expect(isEndTime('23:59')).toBe(true);
    expect(isEndTime('24:01')).toBe(false);
    expect(isStartTime('8:00')).toBe(false);
  });
});
