import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { APPOINTMENT_STATUSES, type AppointmentStatus } from '../booking/appointment';
import { HOUR, MINUTE, instant } from '../time';
import type { Instant } from '../time';
import {
  VIDEO_CLOSES_AFTER,
  VIDEO_OPENS_BEFORE,
  canStartVideo,
  hasVideoRoom,
  isInVideoWindow,
  videoWindow,
} from './window';

const T = instant(Temporal.Instant.from('2026-03-30T10:00:00+02:00').epochMilliseconds);
const { opensAt, closesAt } = videoWindow(T);
const video = { status: 'booked' as const, modality: 'video' as const, start: T };
const at = (ms: number) => ms as Instant;

describe('videoWindow', () => {
  it('opens 15 minutes before and closes 2 hours after the start', () => {
    expect(VIDEO_OPENS_BEFORE).toBe(15 * MINUTE);
    expect(VIDEO_CLOSES_AFTER).toBe(2 * HOUR);
    expect(videoWindow(T)).toEqual({ opensAt: T - 15 * MINUTE, closesAt: T + 2 * HOUR });
  });
});

describe('isInVideoWindow', () => {
  it.each([
    ['opensAt − 1 ms', opensAt - 1, 'too_early'],
    ['opensAt', opensAt, null],
    ['closesAt', closesAt, null],
    ['closesAt + 1 ms', closesAt + 1, 'too_late'],
  ] as const)('at %s', (_name, now, reason) => {
    expect(isInVideoWindow(T, at(now))).toEqual(
      reason == null ? { ok: true, value: undefined } : { ok: false, reason },
    );
  });
});

describe('hasVideoRoom', () => {
  it.each<[AppointmentStatus, 'video' | 'in_person', string | null]>([
    ['booked', 'video', null],
    ['completed', 'video', null],
    ['no_show', 'video', null],
    ['cancelled', 'video', 'cancelled'],
    ['booked', 'in_person', 'not_video'],
    ['cancelled', 'in_person', 'cancelled'],
  ])('%s %s', (status, modality, reason) => {
    expect(hasVideoRoom({ status, modality })).toEqual(
      reason == null ? { ok: true, value: undefined } : { ok: false, reason },
    );
  });

  it('decides every status there is', () => {
    for (const status of APPOINTMENT_STATUSES)
      expect(hasVideoRoom({ status, modality: 'video' }).ok).toBe(status !== 'cancelled');
  });
});

describe('canStartVideo', () => {
  it.each<[string, AppointmentStatus, 'video' | 'in_person', number, string | null]>([
    ['opensAt − 1 ms', 'booked', 'video', opensAt - 1, 'too_early'],
    ['opensAt', 'booked', 'video', opensAt, null],
    ['the start', 'booked', 'video', T, null],
    ['closesAt', 'booked', 'video', closesAt, null],
    ['closesAt + 1 ms', 'booked', 'video', closesAt + 1, 'too_late'],
    ['a day early', 'booked', 'video', T - 24 * HOUR, 'too_early'],
    // Completed and no-show keep the room open for the window: a dropped call rejoins.
    ['completed, inside', 'completed', 'video', T + HOUR, null],
    ['completed, closesAt', 'completed', 'video', closesAt, null],
    ['completed, closesAt + 1 ms', 'completed', 'video', closesAt + 1, 'too_late'],
    ['no-show, opensAt', 'no_show', 'video', opensAt, null],
    ['no-show, closesAt + 1 ms', 'no_show', 'video', closesAt + 1, 'too_late'],
    // Status and modality come before the time: waiting does not change them.
    ['cancelled, inside', 'cancelled', 'video', T, 'cancelled'],
    ['cancelled, too early', 'cancelled', 'video', opensAt - 1, 'cancelled'],
    ['cancelled, too late', 'cancelled', 'video', closesAt + 1, 'cancelled'],
    ['in person, inside', 'booked', 'in_person', T, 'not_video'],
    ['in person, a day early', 'booked', 'in_person', T - 24 * HOUR, 'not_video'],
    ['in person, a day late', 'booked', 'in_person', T + 24 * HOUR, 'not_video'],
  ])('%s', (_name, status, modality, now, reason) => {
    expect(canStartVideo({ ...video, status, modality }, at(now))).toEqual(
      reason == null ? { ok: true, value: undefined } : { ok: false, reason },
    );
  });
});
