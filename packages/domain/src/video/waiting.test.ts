import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { MINUTE, instant } from '../time';
import { timeWaited } from './waiting';

const at = (time: string) =>
  instant(Temporal.Instant.from(`2026-03-30T${time}:00+02:00`).epochMilliseconds);
// The appointment starts at 09:00.
const START = at('09:00');

describe('timeWaited', () => {
  it.each([
    // Started 15 minutes early: nothing is waited before the start, then from the start.
    ['early start, before the start', '08:45', '08:50', 0],
    ['early start, at the start', '08:45', '09:00', 0],
    ['early start, 5 min after the start', '08:45', '09:05', 5 * MINUTE],
    ['early start, 6 min after the start', '08:45', '09:06', 6 * MINUTE],
    // Started on time or late: from the moment they started.
    ['on time, 5 min later', '09:00', '09:05', 5 * MINUTE],
    ['late start, at the start of it', '09:10', '09:10', 0],
    ['late start, 2 min later', '09:10', '09:12', 2 * MINUTE],
    // A clock a little behind the server's does not make it negative.
    ['late start, clock behind', '09:10', '09:09', 0],
  ] as const)('%s (started %s, now %s)', (_name, startedAt, now, expected) => {
    expect(timeWaited(START, at(startedAt), at(now))).toBe(expected);
  });

  it('counts to the millisecond around the start', () => {
    const early = at('08:45');
    expect(timeWaited(START, early, instant(START - 1))).toBe(0);
    expect(timeWaited(START, early, instant(START + 1))).toBe(1);
  });
});
