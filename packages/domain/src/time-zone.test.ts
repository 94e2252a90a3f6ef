import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { instant } from './time';
import type { LocalDate, LocalTime, TimeZoneId } from './time';
import { localDateOf, parseTimeZoneId, wallClockToInstant } from './time-zone';

const OSLO = 'Europe/Oslo' as TimeZoneId;
const utc = (epochMs: number) => Temporal.Instant.fromEpochMilliseconds(epochMs).toString();

describe('parseTimeZoneId', () => {
  it.each([
    ['Europe/Oslo', 'Europe/Oslo'],
    ['europe/oslo', 'Europe/Oslo'],
    ['America/New_York', 'America/New_York'],
    ['UTC', 'UTC'],
  ])('accepts %s as %s', (value, expected) => {
    expect(parseTimeZoneId(value)).toBe(expected);
  });
  it.each(['Europe/Atlantis', '+01:00', '', 'Oslo'])('refuses %j', (value) => {
    expect(parseTimeZoneId(value)).toBeNull();
  });
});

describe('wallClockToInstant', () => {
  it.each([
    ['2026-03-29', '02:30', '2026-03-29T01:30:00Z'], // gap: 03:30 CEST
    ['2026-10-25', '02:30', '2026-10-25T00:30:00Z'], // repeated: the earlier, CEST
    ['2026-03-28', '24:00', '2026-03-28T23:00:00Z'], // next date's 00:00 CET
    ['2026-10-25', '24:00', '2026-10-25T23:00:00Z'], // next date's 00:00 CET
    ['2026-06-01', '08:00', '2026-06-01T06:00:00Z'],
  ])('%s %s in Europe/Oslo is %s', (date, time, expected) => {
    expect(utc(wallClockToInstant(date as LocalDate, time as LocalTime, OSLO))).toBe(expected);
  });
});

describe('localDateOf', () => {
  it('is the date on the zone’s wall clock', () => {
    const late = instant(Temporal.Instant.from('2026-03-29T22:30:00Z').epochMilliseconds);
    expect(localDateOf(late, OSLO)).toBe('2026-03-30');
    expect(localDateOf(late, 'America/New_York' as TimeZoneId)).toBe('2026-03-29');
    expect(localDateOf(late, 'Pacific/Auckland' as TimeZoneId)).toBe('2026-03-30');
  });
});
