import type { StaffAppointment } from '@visitt/contracts';
import { describe, expect, it } from 'vitest';
import {
  CHIME_AGAIN_MS,
  LONG_WAIT_MS,
  chimeNumber,
  countWaiting,
  dueChimes,
  isLongWait,
  isWaiting,
  minutesWaited,
  waitingTitle,
} from './waiting';

type Room = NonNullable<StaffAppointment['video']>['room'];

const at = (iso: string) => Date.parse(iso);
// The patient started at 10:00 Oslo time; the window is open until 12:00.
const STARTED = '2026-12-01T10:00:00+01:00';
const started = at(STARTED);

function appointment(
  id: string,
  room: Partial<Room> = {},
  overrides: Partial<StaffAppointment> = {},
): StaffAppointment {
  return {
    id,
    status: 'booked',
    start: '2026-12-01T10:00:00+01:00',
    end: '2026-12-01T10:15:00+01:00',
    timeZone: 'Europe/Oslo',
    modality: 'video',
    comment: null,
    clinic: { id: 'c', name: 'Demo legesenter' },
    practitioner: { id: 'p', name: 'Nils Vakt' },
    appointmentType: { id: 't', name: 'Video', durationMinutes: 15 },
    inPersonRequest: null,
    patient: { name: 'Ola Pasient', birthDate: null, email: null, phone: null },
    video: {
      opensAt: '2026-12-01T09:45:00+01:00',
      closesAt: '2026-12-01T12:00:00+01:00',
      room: {
        startedAt: STARTED,
        patient: 'waiting',
        practitioner: 'absent',
        statusMessage: null,
        ...room,
      },
    },
    ...overrides,
  };
}

describe('isWaiting and countWaiting', () => {
  it("is the patient's waiting presence, while the room is open", () => {
    const now = started + 60_000;
    expect(isWaiting(appointment('a'), now)).toBe(true);
    for (const patient of ['absent', 'in_call', 'reconnecting', 'left'] as const)
      expect(isWaiting(appointment('a', { patient }), now)).toBe(false);
    expect(isWaiting(appointment('a', { startedAt: null }), now)).toBe(false);
    expect(isWaiting(appointment('a', {}, { status: 'cancelled' }), now)).toBe(false);
    expect(isWaiting(appointment('a', {}, { modality: 'in_person', video: null }), now)).toBe(
      false,
    );
    // After the window has closed nobody is waiting any more, whatever the room last said.
    expect(isWaiting(appointment('a'), at('2026-12-01T12:00:00.001+01:00'))).toBe(false);
  });

  it('counts the waiting patients of a list', () => {
    const now = started + 60_000;
    const list = [
      appointment('a'),
      appointment('b', { patient: 'in_call', practitioner: 'in_call' }),
      appointment('c'),
      appointment('d', { startedAt: null, patient: 'absent' }),
    ];
    expect(countWaiting(list, now)).toBe(2);
    expect(countWaiting([], now)).toBe(0);
  });
});

describe('minutesWaited', () => {
  it('counts whole minutes since the start of the consultation', () => {
    expect(minutesWaited(appointment('a'), started)).toBe(0);
    expect(minutesWaited(appointment('a'), started + 59_999)).toBe(0);
    expect(minutesWaited(appointment('a'), started + 60_000)).toBe(1);
    expect(minutesWaited(appointment('a'), started + 6 * 60_000 + 30_000)).toBe(6);
    // A clock a little behind the server's does not make it negative.
    expect(minutesWaited(appointment('a'), started - 5_000)).toBe(0);
  });

  it('is null when the patient is not waiting', () => {
    expect(minutesWaited(appointment('a', { patient: 'in_call' }), started + 60_000)).toBeNull();
  });
});

describe('isLongWait', () => {
  it('is more than five minutes of waiting without the practitioner having come', () => {
    expect(isLongWait(appointment('a'), started + LONG_WAIT_MS)).toBe(false);
    expect(isLongWait(appointment('a'), started + LONG_WAIT_MS + 1)).toBe(true);
  });

  it('is a long wait beside a connection the workspace readied: ready is not entered', () => {
    const late = started + LONG_WAIT_MS + 1;
    expect(isLongWait(appointment('a', { practitioner: 'ready' }), late)).toBe(true);
  });

  it('is not a long wait once the practitioner has been in the room', () => {
    const now = started + 10 * 60_000;
    for (const practitioner of ['left', 'reconnecting'] as const)
      expect(isLongWait(appointment('a', { practitioner }), now)).toBe(false);
  });

  it('is not a long wait when the patient is not waiting', () => {
    const now = started + 10 * 60_000;
    expect(isLongWait(appointment('a', { patient: 'reconnecting' }), now)).toBe(false);
    expect(isLongWait(appointment('a', { patient: 'left' }), now)).toBe(false);
  });
});

describe('the wait counts from the appointment start, not from an early start', () => {
  // The appointment starts at 10:00; the patient may start from 09:45.
  const clock = (time: string) => at(`2026-12-01T${time}+01:00`);
  it.each([
    // Started 15 minutes early: no wait before 10:00, so no highlight and no chime at 09:50.
    ['early', '09:45:00', '09:50:00', 0, false, 0],
    ['early', '09:45:00', '10:00:00', 0, false, 0],
    ['early', '09:45:00', '10:04:59', 4, false, 0],
    // The boundary: five minutes after the start is not yet long, a moment after it is.
    ['early', '09:45:00', '10:05:00', 5, false, 0],
    ['early', '09:45:00', '10:05:00.001', 5, true, 1],
    ['early', '09:45:00', '10:06:00.001', 6, true, 2],
    // Started late: from the moment they started.
    ['late', '10:10:00', '10:12:00', 2, false, 0],
    ['late', '10:10:00', '10:15:00', 5, false, 0],
    ['late', '10:10:00', '10:15:00.001', 5, true, 1],
  ] as const)('%s start at %s, at %s', (_kind, startedAt, now, minutes, long, chime) => {
    const a = appointment('a', { startedAt: `2026-12-01T${startedAt}+01:00` });
    expect(isWaiting(a, clock(now))).toBe(true);
    expect(minutesWaited(a, clock(now))).toBe(minutes);
    expect(isLongWait(a, clock(now))).toBe(long);
    expect(chimeNumber(a, clock(now))).toBe(chime);
  });
});

describe('chimeNumber and dueChimes', () => {
  it('numbers the reminders: one when the wait becomes long, then one a minute', () => {
    const a = appointment('a');
    expect(chimeNumber(a, started + LONG_WAIT_MS)).toBe(0);
    expect(chimeNumber(a, started + LONG_WAIT_MS + 1)).toBe(1);
    expect(chimeNumber(a, started + LONG_WAIT_MS + CHIME_AGAIN_MS - 1)).toBe(1);
    expect(chimeNumber(a, started + LONG_WAIT_MS + CHIME_AGAIN_MS)).toBe(2);
    expect(chimeNumber(a, started + LONG_WAIT_MS + 3 * CHIME_AGAIN_MS)).toBe(4);
  });

  it('rings once a minute per long-waiting patient, checked every 15 s', () => {
    const list = [appointment('a'), appointment('b', { startedAt: '2026-12-01T10:02:00+01:00' })];
    let rung = new Map<string, number>();
    const rings: [number, string[]][] = [];
    for (let now = started; now <= started + 10 * 60_000; now += 15_000) {
      const result = dueChimes(list, rung, now);
      rung = result.rung;
      if (result.due.length > 0) rings.push([(now - started) / 1000, result.due]);
    }
    // `a` is long-waiting after 5:00 (first check 5:15), then rings on each minute; `b`, who
    // came two minutes later, from 7:15 (its 5:15) and then on each of its minutes.
    expect(rings).toEqual([
      [315, ['a']],
      [360, ['a']],
      [420, ['a']],
      [435, ['b']],
      [480, ['a', 'b']],
      [540, ['a', 'b']],
      [600, ['a', 'b']],
    ]);
  });

  it('rings at once for a patient already waiting long when the page loads', () => {
    const now = started + 8 * 60_000;
    expect(dueChimes([appointment('a')], new Map(), now)).toEqual({
      due: ['a'],
      rung: new Map([['a', 4]]),
    });
  });

  it('forgets a patient who is no longer waiting, so a new long wait rings again', () => {
    const now = started + 8 * 60_000;
    const afterCall = dueChimes(
      [appointment('a', { patient: 'in_call', practitioner: 'in_call' })],
      new Map([['a', 4]]),
      now,
    );
    expect(afterCall).toEqual({ due: [], rung: new Map() });
  });
});

describe('waitingTitle', () => {
  it('puts the number of waiting patients first', () => {
    expect(waitingTitle('Arbeidsflate', 1)).toBe('(1) Arbeidsflate');
    expect(waitingTitle('Arbeidsflate', 3)).toBe('(3) Arbeidsflate');
    expect(waitingTitle('Arbeidsflate', 0)).toBe('Arbeidsflate');
  });
});
