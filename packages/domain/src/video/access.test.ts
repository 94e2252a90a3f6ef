import { describe, expect, it } from 'vitest';
import type { PractitionerId, UserId } from '../ids';
import { HOUR } from '../time';
import type { Instant } from '../time';
import {
  canJoinRoom,
  canStartRoom,
  canStayInRoom,
  canWatch,
  roomRoleOf,
  type JoinRefusal,
  type RoomAppointment,
  type RoomSession,
} from './access';
import { EMPTY_ROOM, nextRoomState, type RoomEvent, type RoomRole } from './room';
import { videoWindow } from './window';

const start = Date.parse('2026-12-01T09:00:00Z') as Instant;
const { opensAt, closesAt } = videoWindow(start);
const at = (ms: number) => ms as Instant;

const PATIENT = 'user-patient' as UserId;
const DOCTOR = 'user-doctor' as UserId;
const PRACTITIONER = 'practitioner-1' as PractitionerId;

const appointment: RoomAppointment = {
  status: 'booked',
  modality: 'video',
  start,
  patientId: PATIENT,
  practitionerId: PRACTITIONER,
  practitionerUserId: DOCTOR,
  startedAt: opensAt,
  clinicRequiresStrongSignIn: false,
};

const patient: RoomSession = {
  userId: PATIENT,
  isStaff: false,
  isStrongSignIn: false,
  practitionerIds: [],
};
const doctor: RoomSession = {
  userId: DOCTOR,
  isStaff: true,
  isStrongSignIn: false,
  practitionerIds: [PRACTITIONER],
};
const stranger: RoomSession = { ...patient, userId: 'user-stranger' as UserId };
/** The practitioner's own user, signed in by a one-time code: not a staff session. */
const doctorByCode: RoomSession = { ...doctor, isStaff: false };
/** The practitioner's user whose membership at the clinic is no longer active. */
const formerDoctor: RoomSession = { ...doctor, practitionerIds: [] };
/** Another practitioner of the same clinic. */
const colleague: RoomSession = {
  ...doctor,
  userId: 'user-colleague' as UserId,
  practitionerIds: ['practitioner-2' as PractitionerId],
};

const expected = <T>(reason: string | null, value?: T) =>
  reason == null ? { ok: true, value } : { ok: false, reason };

describe('roomRoleOf', () => {
  it.each<[string, RoomSession, RoomRole | null]>([
    ['the patient', patient, 'patient'],
    ['the practitioner from a staff session', doctor, 'practitioner'],
    ['the practitioner signed in by a one-time code', doctorByCode, null],
    ['a former practitioner', formerDoctor, null],
    ['a colleague at the clinic', colleague, null],
    ['a stranger', stranger, null],
  ])('%s', (_name, session, role) => {
    expect(roomRoleOf(appointment, session)).toBe(role);
  });
});

describe('canStartRoom', () => {
  const notStarted = { ...appointment, startedAt: null };
  const strict = { ...notStarted, clinicRequiresStrongSignIn: true };
  const strong = { ...patient, isStrongSignIn: true };
  it.each<[string, RoomAppointment, RoomSession, number, string | null]>([
    ['opensAt − 1 ms', notStarted, patient, opensAt - 1, 'too_early'],
    ['opensAt', notStarted, patient, opensAt, null],
    ['closesAt', notStarted, patient, closesAt, null],
    ['closesAt + 1 ms', notStarted, patient, closesAt + 1, 'too_late'],
    ['again, after a hang-up', appointment, patient, start + HOUR, null],
    ['the practitioner', notStarted, doctor, start, 'not_found'],
    ['a stranger', notStarted, stranger, start, 'not_found'],
    ['a stranger, where the clinic requires strong sign-in', strict, stranger, start, 'not_found'],
    [
      'a one-time code where strong sign-in is required',
      strict,
      patient,
      start,
      'strong_sign_in_required',
    ],
    ['…even when it is too early', strict, patient, opensAt - 1, 'strong_sign_in_required'],
    [
      '…even when cancelled',
      { ...strict, status: 'cancelled' },
      patient,
      start,
      'strong_sign_in_required',
    ],
    ['strong sign-in where it is required', strict, strong, start, null],
    ['strong sign-in, closesAt + 1 ms', strict, strong, closesAt + 1, 'too_late'],
    ['cancelled', { ...notStarted, status: 'cancelled' }, patient, start, 'cancelled'],
    ['in person', { ...notStarted, modality: 'in_person' }, patient, start, 'not_video'],
    ['completed, inside', { ...notStarted, status: 'completed' }, patient, start, null],
    ['no-show, inside', { ...notStarted, status: 'no_show' }, patient, start, null],
  ])('%s', (_name, a, session, now, reason) => {
    expect(canStartRoom(a, session, at(now))).toEqual(expected(reason));
  });
});

describe('canJoinRoom', () => {
  const notStarted = { ...appointment, startedAt: null };
  const strict = { ...appointment, clinicRequiresStrongSignIn: true };
  it.each<[string, RoomAppointment, RoomSession, number, JoinRefusal | RoomRole]>([
    // The patient: the start window, the room started, the clinic's sign-in rule.
    ['patient, opensAt − 1 ms', appointment, patient, opensAt - 1, 'too_early'],
    ['patient, opensAt', appointment, patient, opensAt, 'patient'],
    ['patient, closesAt', appointment, patient, closesAt, 'patient'],
    ['patient, closesAt + 1 ms', appointment, patient, closesAt + 1, 'too_late'],
    ['patient, not started', notStarted, patient, start, 'not_started'],
    ['patient by code, strong sign-in required', strict, patient, start, 'strong_sign_in_required'],
    ['patient, strong sign-in', strict, { ...patient, isStrongSignIn: true }, start, 'patient'],
    ['patient, cancelled', { ...appointment, status: 'cancelled' }, patient, start, 'cancelled'],
    ['patient, completed', { ...appointment, status: 'completed' }, patient, start, 'patient'],
    ['patient, no-show', { ...appointment, status: 'no_show' }, patient, start, 'patient'],
    // The practitioner: once started, until the window closes; the clinic's rule is the patient's.
    ['practitioner, not started', notStarted, doctor, start, 'not_started'],
    ['practitioner, opensAt', appointment, doctor, opensAt, 'practitioner'],
    ['practitioner, closesAt', appointment, doctor, closesAt, 'practitioner'],
    ['practitioner, closesAt + 1 ms', appointment, doctor, closesAt + 1, 'too_late'],
    ['practitioner, strong sign-in required', strict, doctor, start, 'practitioner'],
    [
      'practitioner, in person',
      { ...appointment, modality: 'in_person' },
      doctor,
      start,
      'not_video',
    ],
    [
      'practitioner, cancelled',
      { ...appointment, status: 'cancelled' },
      doctor,
      start,
      'cancelled',
    ],
    [
      'practitioner, completed',
      { ...appointment, status: 'completed' },
      doctor,
      start,
      'practitioner',
    ],
    // Everyone else, whatever the time: as if the appointment did not exist.
    ['practitioner signed in by code', appointment, doctorByCode, start, 'not_found'],
    ['former practitioner', appointment, formerDoctor, start, 'not_found'],
    ['colleague', appointment, colleague, start, 'not_found'],
    ['stranger', appointment, stranger, start, 'not_found'],
    ['stranger, too late', appointment, stranger, closesAt + 1, 'not_found'],
  ])('%s', (_name, a, session, now, outcome) => {
    const joined = canJoinRoom(a, session, at(now));
    if (outcome === 'patient' || outcome === 'practitioner') {
      expect(joined).toEqual({ ok: true, value: outcome });
    } else {
      expect(joined).toEqual({ ok: false, reason: outcome });
    }
  });

  it('gives only the role asked for', () => {
    expect(canJoinRoom(appointment, patient, start, 'practitioner')).toEqual({
      ok: false,
      reason: 'not_found',
    });
    expect(canJoinRoom(appointment, doctor, start, 'patient')).toEqual({
      ok: false,
      reason: 'not_found',
    });
    expect(canJoinRoom(appointment, doctor, start, 'practitioner')).toEqual({
      ok: true,
      value: 'practitioner',
    });
  });
});

describe('rejoining the room', () => {
  // Where the person is now (reconnecting after a drop, left after a hang-up) plays no part:
  // both may come back while the window is open, and neither after it.
  const call: RoomEvent[] = [
    { type: 'joined', role: 'patient' },
    { type: 'joined', role: 'practitioner' },
  ];
  const dropped = [...call, { type: 'disconnected', role: 'patient' } as const].reduce(
    nextRoomState,
    EMPTY_ROOM,
  );
  const hungUp = [...call, { type: 'hung_up', role: 'practitioner' } as const].reduce(
    nextRoomState,
    EMPTY_ROOM,
  );

  it.each<[string, RoomSession, number, JoinRefusal | RoomRole]>([
    ['patient, closesAt', patient, closesAt, 'patient'],
    ['patient, closesAt + 1 ms', patient, closesAt + 1, 'too_late'],
    ['practitioner, closesAt', doctor, closesAt, 'practitioner'],
    ['practitioner, closesAt + 1 ms', doctor, closesAt + 1, 'too_late'],
  ])('after a drop or a hang-up: %s', (_name, session, now, outcome) => {
    expect(dropped.patient).toBe('reconnecting');
    expect(hungUp).toEqual({ patient: 'left', practitioner: 'left' });
    const joined = canJoinRoom(appointment, session, at(now));
    expect(joined).toEqual(
      outcome === 'patient' || outcome === 'practitioner'
        ? { ok: true, value: outcome }
        : { ok: false, reason: outcome },
    );
    // …and coming back puts them in the room again.
    if (joined.ok) {
      const role = joined.value;
      expect(nextRoomState(dropped, { type: 'joined', role })[role]).toBe('in_call');
      expect(nextRoomState(hungUp, { type: 'joined', role })[role]).toBe('waiting');
    }
  });
});

describe('canStayInRoom', () => {
  it.each<[string, Partial<RoomAppointment>, RoomSession, RoomRole, string | null]>([
    ['the patient, long after closesAt', {}, patient, 'patient', null],
    ['the practitioner, long after closesAt', {}, doctor, 'practitioner', null],
    ['a completed appointment', { status: 'completed' }, doctor, 'practitioner', null],
    ['the appointment cancelled', { status: 'cancelled' }, patient, 'patient', 'cancelled'],
    ['made in-person', { modality: 'in_person' }, doctor, 'practitioner', 'not_video'],
    ['the practitioner role taken away', {}, formerDoctor, 'practitioner', 'not_found'],
    ['the practitioner now signed in by code', {}, doctorByCode, 'practitioner', 'not_found'],
    ['a colleague as practitioner', {}, colleague, 'practitioner', 'not_found'],
    ['a stranger as patient', {}, stranger, 'patient', 'not_found'],
    [
      'strong sign-in now required',
      { clinicRequiresStrongSignIn: true },
      patient,
      'patient',
      'strong_sign_in_required',
    ],
    [
      'strong sign-in required, signed in strongly',
      { clinicRequiresStrongSignIn: true },
      { ...patient, isStrongSignIn: true },
      'patient',
      null,
    ],
  ])('%s', (_name, change, session, role, refusal) => {
    expect(canStayInRoom({ ...appointment, ...change }, session, role)).toEqual(expected(refusal));
  });
});

describe('canWatch', () => {
  it.each<[string, Pick<RoomSession, 'isStaff' | 'practitionerIds'>, unknown]>([
    ['a practitioner from a staff session', doctor, { ok: true, value: [PRACTITIONER] }],
    [
      'staff who is no practitioner watches nothing',
      { isStaff: true, practitionerIds: [] },
      { ok: true, value: [] },
    ],
    ['a practitioner signed in by code', doctorByCode, { ok: false, reason: 'not_staff' }],
    ['a patient', patient, { ok: false, reason: 'not_staff' }],
  ])('%s', (_name, session, decision) => {
    expect(canWatch(session)).toEqual(decision);
  });
});
