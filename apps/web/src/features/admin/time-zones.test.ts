import { describe, expect, it } from 'vitest';
import { timeZoneLabel, timeZoneOptions } from './time-zones';

describe('timeZoneOptions', () => {
  it('puts Europe/Oslo first and sorts the rest, each once', () => {
    expect(timeZoneOptions('Europe/Oslo', ['UTC', 'Europe/Oslo', 'America/New_York'])).toEqual([
      'Europe/Oslo',
      'America/New_York',
      'UTC',
    ]);
  });
  it('keeps the current zone even when the browser does not list it', () => {
    expect(timeZoneOptions('Europe/Kyiv', ['Europe/Stockholm'])).toEqual([
      'Europe/Oslo',
      'Europe/Kyiv',
      'Europe/Stockholm',
    ]);
  });
  it('offers Europe/Oslo without any list from the browser', () => {
    expect(timeZoneOptions('Europe/Oslo', [])).toEqual(['Europe/Oslo']);
  });
});

describe('timeZoneLabel', () => {
  it('shows underscores as spaces', () => {
    expect(timeZoneLabel('America/Argentina/Buenos_Aires')).toBe('America/Argentina/Buenos Aires');
  });
});
