import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import type { Instant, TimeZoneId } from '@visitt/domain';
import { createZonedFormatter, parseInstant } from './zoned-format';

const viaTemporal = (at: number, zone: string) =>
  Temporal.Instant.fromEpochMilliseconds(at)
    .toZonedDateTimeISO(zone)
    .toString({ timeZoneName: 'never', smallestUnit: 'second' });

describe('createZonedFormatter', () => {
  it.each([
    ['Europe/Oslo', '2026-03-28T22:00:00Z'],
    ['Europe/Oslo', '2026-10-24T22:00:00Z'],
    ['America/New_York', '2026-11-01T00:00:00Z'],
    ['Pacific/Auckland', '2026-04-04T10:00:00Z'],
    ['Asia/Kolkata', '2026-06-01T00:00:00Z'],
  ])('matches Temporal every 15 minutes for two days in %s from %s', (zone, from) => {
    const format = createZonedFormatter(zone as TimeZoneId);
    const start = Date.parse(from);
    // Forwards and then backwards, so the cached span is left on both sides.
    const instants = Array.from({ length: 192 }, (_, i) => start + i * 900_000);
    for (const at of [...instants, ...instants.reverse()]) {
      expect(format(at as Instant)).toBe(viaTemporal(at, zone));
    }
  });

  it('writes the Oslo offsets on both sides of the autumn change', () => {
    const format = createZonedFormatter('Europe/Oslo' as TimeZoneId);
    expect(format(parseInstant('2026-10-25T00:30:00Z'))).toBe('2026-10-25T02:30:00+02:00');
    expect(format(parseInstant('2026-10-25T01:30:00Z'))).toBe('2026-10-25T02:30:00+01:00');
  });
});
