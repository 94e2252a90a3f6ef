import { describe, expect, it } from 'vitest';
import { canRejoin } from './rejoin';

const start = '2026-12-01T09:00:00+01:00';
const at = (iso: string) => Date.parse(iso);

describe('canRejoin', () => {
  // The window of a 09:00 appointment: 08:45 to 11:00 (+01:00), both ends inclusive.
  it.each([
    ['patient', '2026-12-01T09:20:00+01:00', true],
    ['patient', '2026-12-01T11:00:00.000+01:00', true],
    ['patient', '2026-12-01T11:00:00.001+01:00', false],
    ['practitioner', '2026-12-01T09:20:00+01:00', true],
    ['practitioner', '2026-12-01T11:00:00.000+01:00', true],
    ['practitioner', '2026-12-01T11:00:00.001+01:00', false],
  ] as const)('%s at %s: %s', (role, now, expected) => {
    expect(canRejoin(role, start, at(now))).toBe(expected);
  });
});
