import { describe, expect, it } from 'vitest';
import type { Instant } from '../time';
import {
  canEnterAsPractitioner,
  EMPTY_ROOM,
  nextRoomState,
  type RoomEvent,
  type RoomState,
} from './room';

const run = (...events: RoomEvent[]): RoomState => events.reduce(nextRoomState, EMPTY_ROOM);

describe('nextRoomState', () => {
  it.each<[string, RoomEvent[], RoomState]>([
    [
      'patient alone waits',
      [{ type: 'joined', role: 'patient' }],
      { patient: 'waiting', practitioner: 'absent' },
    ],
    [
      'practitioner enters: both in the call',
      [
        { type: 'joined', role: 'patient' },
        { type: 'joined', role: 'practitioner' },
      ],
      { patient: 'in_call', practitioner: 'in_call' },
    ],
    [
      'a drop is reconnecting, not left',
      [
        { type: 'joined', role: 'patient' },
        { type: 'joined', role: 'practitioner' },
        { type: 'disconnected', role: 'patient' },
      ],
      { patient: 'reconnecting', practitioner: 'in_call' },
    ],
    [
      'coming back resumes the call',
      [
        { type: 'joined', role: 'patient' },
        { type: 'joined', role: 'practitioner' },
        { type: 'disconnected', role: 'patient' },
        { type: 'joined', role: 'patient' },
      ],
      { patient: 'in_call', practitioner: 'in_call' },
    ],
    [
      'joining next to a reconnecting peer waits for them in the call',
      [
        { type: 'joined', role: 'patient' },
        { type: 'joined', role: 'practitioner' },
        { type: 'disconnected', role: 'patient' },
        { type: 'disconnected', role: 'practitioner' },
        { type: 'joined', role: 'practitioner' },
      ],
      { patient: 'reconnecting', practitioner: 'in_call' },
    ],
    [
      'a waiting patient who drops is reconnecting',
      [
        { type: 'joined', role: 'patient' },
        { type: 'disconnected', role: 'patient' },
      ],
      { patient: 'reconnecting', practitioner: 'absent' },
    ],
    [
      'hanging up ends it for both',
      [
        { type: 'joined', role: 'patient' },
        { type: 'joined', role: 'practitioner' },
        { type: 'hung_up', role: 'practitioner' },
      ],
      { patient: 'left', practitioner: 'left' },
    ],
    [
      'a disconnect after leaving changes nothing',
      [
        { type: 'joined', role: 'patient' },
        { type: 'hung_up', role: 'patient' },
        { type: 'disconnected', role: 'patient' },
      ],
      { patient: 'left', practitioner: 'left' },
    ],
    [
      'the patient may start again after hanging up by mistake',
      [
        { type: 'joined', role: 'patient' },
        { type: 'hung_up', role: 'patient' },
        { type: 'joined', role: 'patient' },
      ],
      { patient: 'waiting', practitioner: 'left' },
    ],
  ])('%s', (_name, events, expected) => {
    expect(run(...events)).toEqual(expected);
  });
});

describe('canEnterAsPractitioner', () => {
  const start = Date.parse('2026-12-01T09:00:00Z') as Instant;
  const at = (iso: string) => Date.parse(iso) as Instant;
  const video = { status: 'booked' as const, modality: 'video' as const, start };

  it('waits for the patient to start', () => {
    expect(canEnterAsPractitioner(video, null, at('2026-12-01T08:55:00Z'))).toEqual({
      ok: false,
      reason: 'not_started',
    });
    expect(
      canEnterAsPractitioner(video, at('2026-12-01T08:50:00Z'), at('2026-12-01T08:55:00Z')).ok,
    ).toBe(true);
  });

  it('closes with the window, 2 hours after the start', () => {
    const started = at('2026-12-01T08:50:00Z');
    expect(canEnterAsPractitioner(video, started, at('2026-12-01T11:00:00Z')).ok).toBe(true);
    expect(canEnterAsPractitioner(video, started, at('2026-12-01T11:00:01Z'))).toEqual({
      ok: false,
      reason: 'too_late',
    });
  });

  it('refuses cancelled and in-person appointments', () => {
    const started = at('2026-12-01T08:50:00Z');
    const now = at('2026-12-01T09:00:00Z');
    expect(canEnterAsPractitioner({ ...video, status: 'cancelled' }, started, now)).toEqual({
      ok: false,
      reason: 'cancelled',
    });
    expect(canEnterAsPractitioner({ ...video, modality: 'in_person' }, started, now)).toEqual({
      ok: false,
      reason: 'not_video',
    });
  });
});
