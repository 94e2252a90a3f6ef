import { describe, expect, it } from 'vitest';
import type { AppointmentStatus, Modality } from '../booking/appointment';
import type { Instant } from '../time';
import type { Presence } from './room';
import {
  canAdmitGuest,
  canInviteGuest,
  canOpenGuestLink,
  canTakeGuestLink,
  canUseGuestLink,
  GUEST_BROWSER_IDLE,
  isPolite,
  MAX_GUESTS,
  nextGuestPresence,
  videoBitrateCap,
  type GuestEvent,
  type GuestLinkState,
} from './guests';

const START = Date.parse('2026-11-30T09:00:00Z') as Instant;
const at = (iso: string) => Date.parse(iso) as Instant;
const appointment = (status: AppointmentStatus = 'booked', modality: Modality = 'video') => ({
  status,
  modality,
  start: START,
});
const open: GuestLinkState = { revokedAt: null, removedAt: null };

describe('canUseGuestLink', () => {
  it.each<[string, ReturnType<typeof appointment>, GuestLinkState, string, string | true]>([
    ['15 minutes before the start', appointment(), open, '2026-11-30T08:45:00Z', true],
    ['a second earlier', appointment(), open, '2026-11-30T08:44:59Z', 'too_early'],
    ['two hours after the start', appointment(), open, '2026-11-30T11:00:00Z', true],
    ['a second later', appointment(), open, '2026-11-30T11:00:01Z', 'too_late'],
    ['after it was marked completed', appointment('completed'), open, '2026-11-30T09:30:00Z', true],
    ['cancelled', appointment('cancelled'), open, '2026-11-30T09:00:00Z', 'cancelled'],
    ['in person', appointment('booked', 'in_person'), open, '2026-11-30T09:00:00Z', 'not_video'],
    ['revoked', appointment(), { ...open, revokedAt: START }, '2026-11-30T09:00:00Z', 'revoked'],
    [
      'removed from the call (revoked too)',
      appointment(),
      { revokedAt: START, removedAt: START },
      '2026-11-30T09:00:00Z',
      'removed',
    ],
  ])('%s', (_name, a, link, now, expected) => {
    const decision = canUseGuestLink(a, link, at(now));
    expect(decision.ok ? true : decision.reason).toBe(expected);
  });
});

describe('canOpenGuestLink', () => {
  it.each<[string, ReturnType<typeof appointment>, GuestLinkState, string, string | true]>([
    [
      'the day before: what it is for, not yet the room',
      appointment(),
      open,
      '2026-11-29T12:00:00Z',
      true,
    ],
    ['a second after the room closed', appointment(), open, '2026-11-30T11:00:01Z', 'too_late'],
    ['revoked', appointment(), { ...open, revokedAt: START }, '2026-11-29T12:00:00Z', 'revoked'],
    ['cancelled', appointment('cancelled'), open, '2026-11-29T12:00:00Z', 'cancelled'],
  ])('%s', (_name, a, link, now, expected) => {
    const decision = canOpenGuestLink(a, link, at(now));
    expect(decision.ok ? true : decision.reason).toBe(expected);
  });
});

describe('canInviteGuest', () => {
  it.each<[string, ReturnType<typeof appointment>, number, string, string | true]>([
    ['the day before', appointment(), 0, '2026-11-29T12:00:00Z', true],
    ['during the call, one guest in', appointment(), MAX_GUESTS - 1, '2026-11-30T09:10:00Z', true],
    [
      'with the most guests already',
      appointment(),
      MAX_GUESTS,
      '2026-11-30T09:10:00Z',
      'too_many_guests',
    ],
    ['after the room closed', appointment(), 0, '2026-11-30T11:00:01Z', 'too_late'],
    ['cancelled', appointment('cancelled'), 0, '2026-11-30T09:00:00Z', 'cancelled'],
    ['in person', appointment('booked', 'in_person'), 0, '2026-11-30T09:00:00Z', 'not_video'],
  ])('%s', (_name, a, guests, now, expected) => {
    const decision = canInviteGuest(a, guests, at(now));
    expect(decision.ok ? true : decision.reason).toBe(expected);
  });
});

describe('canTakeGuestLink', () => {
  const now = START;
  const ago = (ms: number) => (now - ms) as Instant;
  it.each<[string, string | null, Instant | null, string | null, string]>([
    ['nobody holds it', null, null, 'browser-a', 'new'],
    ['the same browser comes back', 'browser-a', ago(1000), 'browser-a', 'same'],
    ['another browser while the first is there', 'browser-a', ago(1000), 'browser-b', 'in_use'],
    ['a browser without a cookie while held', 'browser-a', ago(1000), null, 'in_use'],
    [
      'another browser just before the first counts as gone',
      'browser-a',
      ago(GUEST_BROWSER_IDLE - 1),
      'browser-b',
      'in_use',
    ],
    [
      'another browser once the first is gone',
      'browser-a',
      ago(GUEST_BROWSER_IDLE),
      'browser-b',
      'new',
    ],
  ])('%s', (_name, holder, seenAt, browser, expected) => {
    const decision = canTakeGuestLink({ holder, seenAt }, browser, now);
    expect(decision.ok ? decision.value : decision.reason).toBe(expected);
  });
});

describe('canAdmitGuest', () => {
  it.each<[string, Presence, Presence, boolean, string | true]>([
    ['the practitioner in the call, the guest waiting', 'in_call', 'waiting', false, true],
    ['the practitioner reconnecting', 'reconnecting', 'waiting', false, true],
    ['the practitioner not in yet', 'absent', 'waiting', false, 'not_in_call'],
    ['the practitioner readied only', 'ready', 'waiting', false, 'not_in_call'],
    ['the practitioner has left', 'left', 'waiting', false, 'not_in_call'],
    ['the guest is not there', 'in_call', 'absent', false, 'guest_not_waiting'],
    ['the guest is in already', 'in_call', 'in_call', true, 'guest_not_waiting'],
    ['the guest left', 'in_call', 'left', false, 'guest_not_waiting'],
  ])('%s', (_name, practitioner, presence, admitted, expected) => {
    const decision = canAdmitGuest(practitioner, { presence, admitted });
    expect(decision.ok ? true : decision.reason).toBe(expected);
  });
});

describe('isPolite', () => {
  const guestA = '0a5e3b9d-7f0e-4a63-8d25-3b1f4c6a2e11';
  const guestB = '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c13';
  it.each<[string, string, boolean]>([
    ['patient', 'practitioner', true],
    ['practitioner', 'patient', false],
    [guestA, 'practitioner', true],
    [guestA, 'patient', true],
    ['patient', guestA, false],
    [guestB, guestA, true],
    [guestA, guestB, false],
  ])('%s towards %s', (me, them, polite) => {
    expect(isPolite(me, them)).toBe(polite);
    // Exactly one end of every pair yields.
    expect(isPolite(them, me)).toBe(!polite);
  });
});

describe('nextGuestPresence', () => {
  it.each<[Presence, boolean, GuestEvent, Presence]>([
    ['absent', false, 'joined', 'waiting'],
    ['left', false, 'joined', 'waiting'],
    ['reconnecting', true, 'joined', 'in_call'],
    ['absent', true, 'joined', 'in_call'],
    ['waiting', false, 'admitted', 'in_call'],
    ['in_call', true, 'disconnected', 'reconnecting'],
    ['waiting', false, 'disconnected', 'absent'],
    ['left', false, 'disconnected', 'left'],
    ['in_call', true, 'left', 'left'],
    ['waiting', false, 'left', 'left'],
    ['absent', false, 'left', 'absent'],
  ])('%s (let in: %s) + %s → %s', (presence, admitted, event, next) => {
    expect(nextGuestPresence(presence, admitted, event)).toBe(next);
  });
});

describe('videoBitrateCap', () => {
  it.each<[number, number | null]>([
    [1, null],
    [2, null],
    [3, 900_000],
    [4, 600_000],
  ])('%i in the call → %s', (participants, cap) => {
    expect(videoBitrateCap(participants)).toBe(cap);
  });
});
