import { describe, expect, it } from 'vitest';
import type { Instant } from '../time';
import {
  DEFAULT_NOTIFICATION_SETTINGS as defaults,
  planBooking,
  planCancellation,
  planMove,
  retryDelay,
  type NotificationSettings,
} from './plan';

const at = (iso: string) => Date.parse(iso) as Instant;
const all = { email: true, sms: true, push: true };
const video = {
  id: 'a1',
  version: 1,
  modality: 'video' as const,
  start: at('2026-12-02T09:00:00Z'),
};

describe('planning with the clinic off', () => {
  it('sends nothing, push included, when the clinic has notifications off for the modality', () => {
    const off: NotificationSettings = {
      ...defaults,
      video: { sms: false, email: false, remindersMinutesBefore: [60] },
    };
    expect(planBooking(video, off, all, at('2026-11-30T09:00:00Z'))).toEqual([]);
  });
});

describe('planBooking', () => {
  it('confirms now by e-mail and reminds 24 h and 1 h before by SMS', () => {
    const now = at('2026-11-30T09:00:00Z');
    const planned = planBooking(video, defaults, { email: true, sms: true, push: false }, now);
    expect(planned.map((p) => [p.kind, p.channel, new Date(p.dueAt).toISOString()])).toEqual([
      ['confirmation', 'email', '2026-11-30T09:00:00.000Z'],
      ['reminder', 'sms', '2026-12-01T09:00:00.000Z'],
      ['reminder', 'sms', '2026-12-02T08:00:00.000Z'],
    ]);
    for (const p of planned) expect(p.sendBefore).toBe(video.start);
    expect(new Set(planned.map((p) => p.key)).size).toBe(planned.length);
  });

  it('plans no reminder whose moment has passed (booked 30 minutes ahead)', () => {
    const now = at('2026-12-02T08:30:00Z');
    const planned = planBooking(video, defaults, all, now);
    expect(planned.map((p) => [p.kind, p.channel])).toEqual([
      ['confirmation', 'email'],
      ['confirmation', 'push'],
    ]);
  });

  it('skips the confirmation when the clinic does not confirm bookings', () => {
    const planned = planBooking(
      video,
      { ...defaults, confirmations: false },
      all,
      at('2026-11-30T09:00:00Z'),
    );
    expect(planned.every((p) => p.kind === 'reminder')).toBe(true);
  });
});

describe('planMove and planCancellation', () => {
  it('plans the new version after a move, with keys apart from the old ones', () => {
    const now = at('2026-11-30T09:00:00Z');
    const before = planBooking(video, defaults, all, now);
    const moved = planMove(
      { ...video, version: 2, start: at('2026-12-03T09:00:00Z') },
      defaults,
      all,
      now,
    );
    expect(moved.filter((p) => p.kind === 'moved').map((p) => p.channel)).toEqual([
      'email',
      'push',
    ]);
    expect(
      moved.filter((p) => p.kind === 'reminder').map((p) => new Date(p.dueAt).toISOString()),
    ).toContain('2026-12-03T08:00:00.000Z');
    const keys = new Set(before.map((p) => p.key));
    expect(moved.some((p) => keys.has(p.key))).toBe(false);
  });

  it('sends a cancellation now, by e-mail or else SMS, and push', () => {
    const now = at('2026-12-01T09:00:00Z');
    const planned = planCancellation(video, defaults, all, now);
    expect(planned.map((p) => [p.kind, p.channel, p.dueAt])).toEqual([
      ['cancellation', 'email', now],
      ['cancellation', 'push', now],
    ]);
    const smsOnly = planCancellation(
      video,
      defaults,
      { email: false, sms: true, push: false },
      now,
    );
    expect(smsOnly.map((p) => p.channel)).toEqual(['sms']);
  });
});

describe('retryDelay', () => {
  it('backs off from 30 seconds to at most 10 minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 10].map(retryDelay)).toEqual([
      30_000, 60_000, 120_000, 240_000, 480_000, 600_000, 600_000,
    ]);
  });
});
