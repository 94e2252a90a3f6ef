import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { findFreeSlots } from '../scheduling/slots';
import type { Availability, Weekday } from '../scheduling/types';
import { DAY, HOUR, MINUTE, instant, minutes } from '../time';
import type { Duration, Instant, LocalTime, TimeZoneId } from '../time';
import { canCancel, cancellationDeadline, checkBookingTime } from './rules';
import type { BookingTimeQuery } from './rules';

const OSLO = 'Europe/Oslo' as TimeZoneId;
const at = (iso: string): Instant => instant(Temporal.Instant.from(iso).epochMilliseconds);

const weekdays: Availability = {
  timeZone: OSLO,
  weekly: ([1, 2, 3, 4, 5] as Weekday[]).map((weekday) => ({
    weekday,
    start: '08:00' as LocalTime,
    end: '12:00' as LocalTime,
  })),
  exceptions: [],
  closures: [],
};
const q: BookingTimeQuery = {
  availability: weekdays,
  busy: [{ start: at('2026-03-30T10:00:00+02:00'), end: at('2026-03-30T10:20:00+02:00') }],
  rules: {
    duration: minutes(15),
    minimumNotice: (2 * HOUR) as Duration,
    horizon: (14 * DAY) as Duration,
  },
  now: at('2026-03-30T07:00:00+02:00'),
};

describe('checkBookingTime', () => {
  it.each([
    ['before the minimum notice', '2026-03-30T08:45:00+02:00', 'too_soon'],
    ['beyond the horizon, even off the grid', '2026-04-13T07:00:00.001+02:00', 'beyond_horizon'],
    ['too soon wins over off-grid', '2026-03-30T08:07:00+02:00', 'too_soon'],
    ['off the grid', '2026-03-30T09:07:00+02:00', 'slot_unavailable'],
    ['outside the hours', '2026-03-30T13:00:00+02:00', 'slot_unavailable'],
    ['would not fit before closing', '2026-03-30T11:50:00+02:00', 'slot_unavailable'],
    ['on a weekend', '2026-04-04T09:00:00+02:00', 'slot_unavailable'],
    ['overlapping a busy interval', '2026-03-30T10:15:00+02:00', 'slot_taken'],
    ['unavailable is checked before taken', '2026-03-30T10:05:00+02:00', 'slot_unavailable'],
  ])('refuses a start %s', (_name, start, reason) => {
    expect(checkBookingTime(q, at(start))).toEqual({ ok: false, reason });
  });

  it.each([
    ['exactly at now + minimum notice', '2026-03-30T09:00:00+02:00'],
    ['right after a busy interval', '2026-03-30T10:30:00+02:00'],
    ['the last slot of the day', '2026-03-30T11:45:00+02:00'],
    ['exactly at now + horizon', '2026-04-13T07:00:00+02:00'],
  ])('accepts a start %s, returning the slot', (_name, start) => {
    const decision = checkBookingTime(
      {
        ...q,
        availability: {
          ...weekdays,
          weekly: [
            ...weekdays.weekly,
            { weekday: 1, start: '07:00' as LocalTime, end: '08:00' as LocalTime },
          ],
        },
      },
      at(start),
    );
    expect(decision).toEqual({
      ok: true,
      value: { start: at(start), end: at(start) + 15 * MINUTE },
    });
  });

  it('accepts exactly the starts findFreeSlots lists', () => {
    const range = { start: q.now, end: (q.now + 15 * DAY) as Instant };
    const listed = new Set(findFreeSlots({ ...q, range }).map((s) => s.start));
    expect(listed.size).toBeGreaterThan(100);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 15 * 24 * 4 }),
        fc.constantFrom(0, 0, 0, 1, -1, 5 * MINUTE),
        (quarter, jitter) => {
          const start = (q.now + quarter * 15 * MINUTE + jitter) as Instant;
          expect(checkBookingTime(q, start).ok).toBe(listed.has(start));
        },
      ),
    );
  });
});

describe('cancellation', () => {
  const start = at('2026-03-30T10:00:00+02:00');
  const booked = {
    status: 'booked' as const,
    start,
    cancellationDeadline: (24 * HOUR) as Duration,
  };

  it('the deadline is start − deadline', () => {
    expect(cancellationDeadline(start, (24 * HOUR) as Duration)).toBe(
      at('2026-03-29T10:00:00+02:00'),
    );
  });

  it.each([
    ['well before the deadline', booked, '2026-03-20T10:00:00+02:00', null],
    ['exactly at the deadline', booked, '2026-03-29T10:00:00+02:00', null],
    [
      'one millisecond after the deadline',
      booked,
      '2026-03-29T10:00:00.001+02:00',
      'past_cancellation_deadline',
    ],
    [
      'with no deadline, just before the start',
      { ...booked, cancellationDeadline: 0 as Duration },
      '2026-03-30T09:59:59+02:00',
      null,
    ],
    [
      'once started, whatever the deadline',
      { ...booked, cancellationDeadline: 0 as Duration },
      '2026-03-30T10:00:00+02:00',
      'not_cancellable',
    ],
    ['after the start', booked, '2026-03-30T11:00:00+02:00', 'not_cancellable'],
    [
      'already cancelled',
      { ...booked, status: 'cancelled' as const },
      '2026-03-20T10:00:00+02:00',
      'already_cancelled',
    ],
    [
      'completed',
      { ...booked, status: 'completed' as const },
      '2026-03-20T10:00:00+02:00',
      'not_cancellable',
    ],
    [
      'no-show',
      { ...booked, status: 'no_show' as const },
      '2026-03-20T10:00:00+02:00',
      'not_cancellable',
    ],
  ])('%s', (_name, appointment, now, reason) => {
    expect(canCancel(appointment, at(now))).toEqual(
      reason == null ? { ok: true, value: undefined } : { ok: false, reason },
    );
  });
});
