import { describe, expect, it } from 'vitest';
import type { AppointmentStatus, Modality } from '../booking/appointment';
import { MINUTE } from '../time';
import type { Instant } from '../time';
import {
  canEnterAsPractitioner,
  canWarmUp,
  EMPTY_ROOM,
  PRESENCES,
  releasesMedia,
  nextRoomState,
  type RoomEvent,
  type RoomState,
} from './room';
import { videoWindow } from './window';

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
      'the practitioner removed mid-call: left for good, the patient waits again',
      [
        { type: 'joined', role: 'patient' },
        { type: 'joined', role: 'practitioner' },
        { type: 'removed', role: 'practitioner' },
      ],
      { patient: 'waiting', practitioner: 'left' },
    ],
    [
      'a removed patient who was alone leaves an absent practitioner absent',
      [
        { type: 'joined', role: 'patient' },
        { type: 'removed', role: 'patient' },
      ],
      { patient: 'left', practitioner: 'absent' },
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
    [
      'the workspace readies a connection to the waiting patient',
      [
        { type: 'joined', role: 'patient' },
        { type: 'readied', role: 'practitioner' },
      ],
      { patient: 'waiting', practitioner: 'ready' },
    ],
    [
      'entering from ready: both in the call',
      [
        { type: 'joined', role: 'patient' },
        { type: 'readied', role: 'practitioner' },
        { type: 'joined', role: 'practitioner' },
      ],
      { patient: 'in_call', practitioner: 'in_call' },
    ],
    [
      'a ready workspace that goes away was never in: absent, the patient still waits',
      [
        { type: 'joined', role: 'patient' },
        { type: 'readied', role: 'practitioner' },
        { type: 'disconnected', role: 'practitioner' },
      ],
      { patient: 'waiting', practitioner: 'absent' },
    ],
    [
      'a patient who reloads beside a ready practitioner waits again',
      [
        { type: 'joined', role: 'patient' },
        { type: 'readied', role: 'practitioner' },
        { type: 'disconnected', role: 'patient' },
        { type: 'joined', role: 'patient' },
      ],
      { patient: 'waiting', practitioner: 'ready' },
    ],
    [
      'no readying while the practitioner is in the call (another tab)',
      [
        { type: 'joined', role: 'patient' },
        { type: 'joined', role: 'practitioner' },
        { type: 'readied', role: 'practitioner' },
      ],
      { patient: 'in_call', practitioner: 'in_call' },
    ],
    [
      'no readying before the patient is there',
      [{ type: 'readied', role: 'practitioner' }],
      { patient: 'absent', practitioner: 'absent' },
    ],
    [
      'the patient hanging up beside a ready practitioner ends it',
      [
        { type: 'joined', role: 'patient' },
        { type: 'readied', role: 'practitioner' },
        { type: 'hung_up', role: 'patient' },
      ],
      { patient: 'left', practitioner: 'left' },
    ],
  ])('%s', (_name, events, expected) => {
    expect(run(...events)).toEqual(expected);
  });
});

describe('canWarmUp', () => {
  // Every pair of presences: only a waiting patient with a practitioner who has not been in.
  const away = new Set(['absent', 'ready']);
  for (const patient of PRESENCES)
    for (const practitioner of PRESENCES)
      it(`patient ${patient}, practitioner ${practitioner}`, () => {
        expect(canWarmUp({ patient, practitioner })).toBe(
          patient === 'waiting' && away.has(practitioner),
        );
      });
});

describe('canEnterAsPractitioner', () => {
  const start = Date.parse('2026-12-01T09:00:00Z') as Instant;
  const { opensAt, closesAt } = videoWindow(start);
  const started = (opensAt + 5 * MINUTE) as Instant;
  const video = { status: 'booked' as const, modality: 'video' as const, start };

  it.each<[string, AppointmentStatus, Modality, Instant | null, number, string | null]>([
    ['not started, inside the window', 'booked', 'video', null, start, 'not_started'],
    ['not started, opensAt − 1 ms', 'booked', 'video', null, opensAt - 1, 'not_started'],
    ['started, at the start', 'booked', 'video', started, start, null],
    ['started, opensAt', 'booked', 'video', opensAt, opensAt, null],
    ['started, closesAt', 'booked', 'video', started, closesAt, null],
    ['started, closesAt + 1 ms', 'booked', 'video', started, closesAt + 1, 'too_late'],
    ['not started, closesAt + 1 ms', 'booked', 'video', null, closesAt + 1, 'too_late'],
    ['completed, closesAt', 'completed', 'video', started, closesAt, null],
    ['no-show, inside', 'no_show', 'video', started, start, null],
    ['no-show, closesAt + 1 ms', 'no_show', 'video', started, closesAt + 1, 'too_late'],
    ['cancelled', 'cancelled', 'video', started, start, 'cancelled'],
    ['cancelled, too late', 'cancelled', 'video', started, closesAt + 1, 'cancelled'],
    ['in person', 'booked', 'in_person', started, start, 'not_video'],
  ])('%s', (_name, status, modality, startedAt, now, reason) => {
    expect(
      canEnterAsPractitioner({ ...video, status, modality }, startedAt, now as Instant),
    ).toEqual(reason == null ? { ok: true, value: undefined } : { ok: false, reason });
  });
});

describe('releasesMedia', () => {
  it.each<
    [string, 'patient' | 'practitioner', 'ready' | 'entered', (typeof PRESENCES)[number], boolean]
  >([
    [
      'the practitioner, readied beside the waiting patient',
      'practitioner',
      'ready',
      'waiting',
      false,
    ],
    ['the practitioner, entered', 'practitioner', 'entered', 'in_call', true],
    [
      'the practitioner, entered while the patient reconnects',
      'practitioner',
      'entered',
      'reconnecting',
      true,
    ],
    ['the patient, waiting alone', 'patient', 'entered', 'absent', false],
    ['the patient, beside a readied practitioner', 'patient', 'entered', 'ready', false],
    ['the patient, the practitioner in the call', 'patient', 'entered', 'in_call', true],
    ['the patient, the practitioner reconnecting', 'patient', 'entered', 'reconnecting', true],
    ['the patient, the practitioner gone', 'patient', 'entered', 'left', false],
  ])('%s', (_name, role, me, peer, expected) => {
    expect(releasesMedia(role, me, peer)).toBe(expected);
  });
});
