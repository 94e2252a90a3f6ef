import type { StaffAppointment } from '@visitt/contracts';
import { describe, expect, it } from 'vitest';
import {
  applyRoomMessage,
  canJoin,
  newlyWaiting,
  patientName,
  presenceById,
  roomState,
} from './room-state';

const at = (iso: string) => Date.parse(iso);

function appointment(
  id: string,
  room: Partial<NonNullable<StaffAppointment['video']>['room']> = {},
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
    patient: {
      name: 'Ola Pasient',
      birthDate: '1980-05-17',
      email: 'ola@example.com',
      phone: null,
    },
    video: {
      opensAt: '2026-12-01T09:45:00+01:00',
      closesAt: '2026-12-01T12:00:00+01:00',
      room: {
        startedAt: null,
        patient: 'absent',
        practitioner: 'absent',
        statusMessage: null,
        ...room,
      },
    },
    ...overrides,
  };
}

describe('roomState', () => {
  it('follows the window until the patient starts', () => {
    const a = appointment('a');
    expect(roomState(a, at('2026-12-01T09:44:59.999+01:00'))).toBe('opens');
    expect(roomState(a, at('2026-12-01T09:45:00+01:00'))).toBe('open');
    expect(roomState(a, at('2026-12-01T12:00:00+01:00'))).toBe('open');
    expect(roomState(a, at('2026-12-01T12:00:00.001+01:00'))).toBe('not_started');
  });

  it("is the patient's presence once started", () => {
    const startedAt = '2026-12-01T09:50:00+01:00';
    const now = at('2026-12-01T09:55:00+01:00');
    expect(roomState(appointment('a', { startedAt, patient: 'waiting' }), now)).toBe('waiting');
    expect(roomState(appointment('a', { startedAt, patient: 'reconnecting' }), now)).toBe(
      'reconnecting',
    );
    expect(roomState(appointment('a', { startedAt, patient: 'left' }), now)).toBe('left');
  });

  it('has nothing to say about in-person and cancelled appointments', () => {
    expect(roomState(appointment('a', {}, { modality: 'in_person', video: null }), 0)).toBe('none');
    expect(roomState(appointment('a', {}, { status: 'cancelled' }), 0)).toBe('cancelled');
  });

  it('keeps the room of a completed or no-show appointment open for the window', () => {
    const now = at('2026-12-01T10:30:00+01:00');
    expect(roomState(appointment('a', {}, { status: 'completed' }), now)).toBe('open');
    expect(roomState(appointment('a', {}, { status: 'no_show' }), now)).toBe('open');
  });
});

describe('canJoin', () => {
  // The window of appointment(): opensAt 09:45, start 10:00, closesAt 12:00 (+01:00).
  const startedAt = '2026-12-01T09:50:00+01:00';
  type Room = Partial<NonNullable<StaffAppointment['video']>['room']>;
  it.each<[string, Room, Partial<StaffAppointment>, string, boolean]>([
    ['not started', {}, {}, '2026-12-01T10:00:00+01:00', false],
    ['patient waiting', { startedAt, patient: 'waiting' }, {}, startedAt, true],
    ['in the call', { startedAt, patient: 'in_call' }, {}, '2026-12-01T10:05:00+01:00', true],
    ['patient reconnecting', { startedAt, patient: 'reconnecting' }, {}, startedAt, true],
    // The server lets the practitioner back in after a hang-up, until the window closes.
    ['after a hang-up', { startedAt, patient: 'left' }, {}, '2026-12-01T10:30:00+01:00', true],
    [
      'at closesAt exactly',
      { startedAt, patient: 'waiting' },
      {},
      '2026-12-01T12:00:00+01:00',
      true,
    ],
    [
      'at closesAt + 1 ms',
      { startedAt, patient: 'waiting' },
      {},
      '2026-12-01T12:00:00.001+01:00',
      false,
    ],
    [
      'completed',
      { startedAt, patient: 'reconnecting' },
      { status: 'completed' },
      '2026-12-01T10:30:00+01:00',
      true,
    ],
    [
      'cancelled',
      { startedAt, patient: 'waiting' },
      { status: 'cancelled' },
      '2026-12-01T10:00:00+01:00',
      false,
    ],
  ])('%s', (_name, room, overrides, now, expected) => {
    expect(canJoin(appointment('a', room, overrides), at(now))).toBe(expected);
  });
});

describe('patientName', () => {
  it('is the name, or "Pasienten" when none was given (contact details are shown beside it)', () => {
    expect(patientName({ name: 'Ola' }, 'Pasienten')).toBe('Ola');
    expect(patientName({ name: ' Ola Pasient ' }, 'Pasienten')).toBe('Ola Pasient');
    expect(patientName({ name: ' ' }, 'Pasienten')).toBe('Pasienten');
    expect(patientName({ name: '' }, 'Pasienten')).toBe('Pasienten');
    expect(patientName({ name: null }, 'Pasienten')).toBe('Pasienten');
  });
});

describe('applyRoomMessage', () => {
  it('replaces presence and keeps the status message', () => {
    const statusMessage = { text: 'Straks', at: '2026-12-01T09:51:00+01:00' };
    const list = [appointment('a', { statusMessage }), appointment('b')];
    const next = applyRoomMessage(list, {
      type: 'room',
      appointmentId: 'a',
      startedAt: '2026-12-01T09:50:00+01:00',
      patient: 'waiting',
      practitioner: 'absent',
    });
    expect(next[0]!.video!.room).toEqual({
      startedAt: '2026-12-01T09:50:00+01:00',
      patient: 'waiting',
      practitioner: 'absent',
      statusMessage,
    });
    expect(next[1]).toBe(list[1]);
  });

  it('returns the same list for an appointment it does not hold', () => {
    const list = [appointment('a')];
    expect(
      applyRoomMessage(list, {
        type: 'room',
        appointmentId: 'x',
        startedAt: null,
        patient: 'absent',
        practitioner: 'absent',
      }),
    ).toBe(list);
  });
});

describe('newlyWaiting', () => {
  const startedAt = '2026-12-01T09:50:00+01:00';
  it('says nothing on the first load', () => {
    expect(newlyWaiting(null, [appointment('a', { startedAt, patient: 'waiting' })])).toEqual([]);
  });

  it('reports a patient who came in, once', () => {
    const before = presenceById([appointment('a'), appointment('b')]);
    const now = [appointment('a', { startedAt, patient: 'waiting' }), appointment('b')];
    expect(newlyWaiting(before, now).map((a) => a.id)).toEqual(['a']);
    expect(newlyWaiting(presenceById(now), now)).toEqual([]);
  });

  it('reports a patient who comes back after leaving, not one whose connection blinked', () => {
    const waiting = [appointment('a', { startedAt, patient: 'waiting' })];
    const left = presenceById([appointment('a', { startedAt, patient: 'left' })]);
    const blinked = presenceById([appointment('a', { startedAt, patient: 'reconnecting' })]);
    expect(newlyWaiting(left, waiting)).toHaveLength(1);
    expect(newlyWaiting(blinked, waiting)).toHaveLength(0);
  });
});
