import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE, instant } from '../time';
import type { Instant } from '../time';
import { VIDEO_CLOSES_AFTER, VIDEO_OPENS_BEFORE, canStartVideo, videoWindow } from './window';

const T = instant(Temporal.Instant.from('2026-03-30T10:00:00+02:00').epochMilliseconds);
const SECOND = 1000;
const video = { status: 'booked' as const, modality: 'video' as const, start: T };

describe('video window', () => {
  it('opens 15 minutes before and closes 2 hours after the start', () => {
    expect(VIDEO_OPENS_BEFORE).toBe(15 * MINUTE);
    expect(VIDEO_CLOSES_AFTER).toBe(2 * HOUR);
    expect(videoWindow(T)).toEqual({ opensAt: T - 15 * MINUTE, closesAt: T + 2 * HOUR });
  });

  it.each([
    ['T−15min−1s', -15 * MINUTE - SECOND, 'too_early'],
    ['T−15min', -15 * MINUTE, null],
    ['T', 0, null],
    ['T+2h', 2 * HOUR, null],
    ['T+2h+1s', 2 * HOUR + SECOND, 'too_late'],
    ['a day early', -24 * HOUR, 'too_early'],
  ])('at %s', (_name, offset, reason) => {
    const decision = canStartVideo(video, (T + offset) as Instant);
    expect(decision).toEqual(
      reason == null ? { ok: true, value: undefined } : { ok: false, reason },
    );
  });

  it('refuses a cancelled appointment, even inside the window', () => {
    expect(canStartVideo({ ...video, status: 'cancelled' }, T)).toEqual({
      ok: false,
      reason: 'cancelled',
    });
  });

  it('refuses an in-person appointment before looking at the time', () => {
    const inPerson = { ...video, modality: 'in_person' as const };
    expect(canStartVideo(inPerson, T)).toEqual({ ok: false, reason: 'not_video' });
    expect(canStartVideo(inPerson, (T - 24 * HOUR) as Instant)).toEqual({
      ok: false,
      reason: 'not_video',
    });
    expect(canStartVideo(inPerson, (T + 24 * HOUR) as Instant)).toEqual({
      ok: false,
      reason: 'not_video',
    });
  });

  it('lets a completed call be rejoined inside the window', () => {
    expect(canStartVideo({ ...video, status: 'completed' }, (T + HOUR) as Instant).ok).toBe(true);
  });
});
