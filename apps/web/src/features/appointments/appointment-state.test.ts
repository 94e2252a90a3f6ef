import type { Appointment } from '@visitt/contracts';
import { describe, expect, it } from 'vitest';
import { splitAppointments, videoState } from './appointment-state';

function appointment(overrides: Partial<Appointment> = {}): Appointment {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    status: 'booked',
    start: '2026-12-01T09:00:00+01:00',
    end: '2026-12-01T09:15:00+01:00',
    timeZone: 'Europe/Oslo',
    modality: 'video',
    comment: null,
    clinic: { id: '00000000-0000-4000-8000-00000000000c', name: 'Demo legesenter', town: 'Oslo' },
    practitioner: {
      id: '00000000-0000-4000-8000-00000000000p',
      name: 'Dr. Nordmann',
      title: 'Fastlege',
    },
    appointmentType: {
      id: '00000000-0000-4000-8000-00000000000t',
      name: 'Videokonsultasjon 15 min',
      durationMinutes: 15,
    },
    cancellableUntil: '2026-11-30T09:00:00+01:00',
    canCancel: true,
    video: { opensAt: '2026-12-01T08:45:00+01:00', closesAt: '2026-12-01T11:00:00+01:00' },
    createdAt: '2026-11-01T10:00:00+01:00',
    cancelledAt: null,
    ...overrides,
  };
}

const at = (iso: string) => Date.parse(iso);

describe('videoState', () => {
  // The window of appointment(): opensAt 08:45, start 09:00, closesAt 11:00 (+01:00), both ends
  // inclusive as the server's `canStartVideo` has them.
  it.each([
    ['2026-12-01T08:44:59.999+01:00', 'early'],
    ['2026-12-01T08:45:00.000+01:00', 'open'],
    ['2026-12-01T10:59:59.999+01:00', 'open'],
    ['2026-12-01T11:00:00.000+01:00', 'open'],
    ['2026-12-01T11:00:00.001+01:00', 'closed'],
  ] as const)('at %s is %s', (now, expected) => {
    expect(videoState(appointment(), at(now))).toBe(expected);
  });

  it('is open at closesAt exactly, where the server still lets the patient start', () => {
    const closesAt = at(appointment().video!.closesAt);
    expect(videoState(appointment(), closesAt)).toBe('open');
    expect(videoState(appointment(), closesAt + 1)).toBe('closed');
  });

  it.each([
    ['completed', '2026-12-01T09:30:00+01:00', 'open'],
    ['no_show', '2026-12-01T09:30:00+01:00', 'open'],
    ['completed', '2026-12-01T11:00:00.001+01:00', 'closed'],
    ['no_show', '2026-12-01T08:44:59.999+01:00', 'early'],
    ['cancelled', '2026-12-01T09:00:00+01:00', 'cancelled'],
    ['cancelled', '2026-12-01T08:00:00+01:00', 'cancelled'],
    ['cancelled', '2026-12-01T12:00:00+01:00', 'cancelled'],
  ] as const)(
    'a %s appointment at %s is %s: the window alone closes the room',
    (status, now, expected) => {
      expect(videoState(appointment({ status }), at(now))).toBe(expected);
    },
  );

  it('has no button for an appointment at the clinic', () => {
    expect(
      videoState(
        appointment({ modality: 'in_person', video: null }),
        at('2026-12-01T09:00:00+01:00'),
      ),
    ).toBe('not_video');
  });
});

describe('splitAppointments', () => {
  it('keeps a video appointment upcoming while it can still be started', () => {
    const list = [appointment()];
    expect(splitAppointments(list, at('2026-12-01T10:30:00+01:00')).upcoming).toHaveLength(1);
    expect(splitAppointments(list, at('2026-12-01T11:00:00+01:00')).upcoming).toHaveLength(1);
    expect(splitAppointments(list, at('2026-12-01T11:00:00.001+01:00')).past).toHaveLength(1);
  });

  it('puts cancelled ones with the past, and sorts both lists', () => {
    const a = appointment({
      id: 'a',
      start: '2026-12-03T09:00:00+01:00',
      end: '2026-12-03T09:15:00+01:00',
      video: null,
      modality: 'in_person',
    });
    const b = appointment({
      id: 'b',
      start: '2026-12-02T09:00:00+01:00',
      end: '2026-12-02T09:15:00+01:00',
      video: null,
      modality: 'in_person',
    });
    const c = appointment({ id: 'c', status: 'cancelled' });
    const d = appointment({
      id: 'd',
      start: '2026-11-01T09:00:00+01:00',
      end: '2026-11-01T09:15:00+01:00',
      video: null,
      modality: 'in_person',
    });
    const { upcoming, past } = splitAppointments([a, b, c, d], at('2026-11-20T12:00:00+01:00'));
    expect(upcoming.map((x) => x.id)).toEqual(['b', 'a']);
    expect(past.map((x) => x.id)).toEqual(['c', 'd']);
  });

  it('puts the appointment that can be started now first, ahead of an earlier in-person one', () => {
    // 09:10: the in-person 09:00–09:30 is still on, the 09:05 video call is open, the 09:30
    // video call opens at 09:15.
    const inPerson = appointment({
      id: 'in-person',
      start: '2026-12-01T09:00:00+01:00',
      end: '2026-12-01T09:30:00+01:00',
      video: null,
      modality: 'in_person',
    });
    const open = appointment({
      id: 'open',
      start: '2026-12-01T09:05:00+01:00',
      end: '2026-12-01T09:20:00+01:00',
      video: { opensAt: '2026-12-01T08:50:00+01:00', closesAt: '2026-12-01T11:05:00+01:00' },
    });
    const later = appointment({
      id: 'later',
      start: '2026-12-01T09:30:00+01:00',
      end: '2026-12-01T09:45:00+01:00',
      video: { opensAt: '2026-12-01T09:15:00+01:00', closesAt: '2026-12-01T11:30:00+01:00' },
    });
    const now = at('2026-12-01T09:10:00+01:00');
    expect(splitAppointments([later, inPerson, open], now).upcoming.map((x) => x.id)).toEqual([
      'open',
      'in-person',
      'later',
    ]);
    // A quarter of an hour later both video calls are open: the sooner one first.
    const after = at('2026-12-01T09:25:00+01:00');
    expect(splitAppointments([later, inPerson, open], after).upcoming.map((x) => x.id)).toEqual([
      'open',
      'later',
      'in-person',
    ]);
  });
});
