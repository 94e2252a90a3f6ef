import type { Guest } from '@visitt/contracts';
import { describe, expect, it } from 'vitest';
import {
  countActiveGuests,
  guestRemoval,
  guestStatus,
  guestStatusText,
  hasRoomForGuest,
  shouldOfferAdmit,
} from './guest-status';

const AT = '2026-03-29T08:00:00.000Z';

function guest(overrides: Partial<Guest> = {}): Guest {
  return {
    id: '7d0f5a39-64f4-4a3e-9a52-7c5b0a0b2c11',
    name: 'Kari Nordmann',
    role: 'interpreter',
    delivery: 'sms',
    sentTo: '+4791234567',
    createdAt: AT,
    expiresAt: AT,
    revokedAt: null,
    removedAt: null,
    presence: 'absent',
    admitted: false,
    joinedAt: null,
    leftAt: null,
    ...overrides,
  };
}

describe('guestStatus', () => {
  it.each([
    [{}, 'invited'],
    [{ presence: 'waiting' }, 'waiting'],
    [{ presence: 'in_call', admitted: true, joinedAt: AT }, 'inCall'],
    [{ presence: 'reconnecting', admitted: true, joinedAt: AT }, 'reconnecting'],
    [{ presence: 'left', joinedAt: AT, leftAt: AT }, 'left'],
    // A waiting guest whose page closed has not been in: still invited.
    [{ presence: 'absent', joinedAt: null }, 'invited'],
    [{ presence: 'absent', joinedAt: AT }, 'left'],
    [{ revokedAt: AT }, 'revoked'],
    // Removal outranks revocation (a removed guest is revoked too) and presence.
    [{ revokedAt: AT, removedAt: AT, presence: 'in_call' }, 'removed'],
    [{ revokedAt: AT, presence: 'waiting' }, 'revoked'],
  ] as const)('%o is %s', (overrides, status) => {
    expect(guestStatus(guest(overrides))).toBe(status);
  });
});

describe('guestStatusText', () => {
  it('says where an SMS invitation went, the number grouped on one line', () => {
    expect(guestStatusText(guest())).toEqual({
      key: 'guests.status.invitedSms',
      vars: { to: '+47\u00a0912\u00a034\u00a0567' },
    });
  });

  it('says where an e-mail invitation went', () => {
    expect(guestStatusText(guest({ delivery: 'email', sentTo: 'kari@example.no' }))).toEqual({
      key: 'guests.status.invitedEmail',
      vars: { to: 'kari@example.no' },
    });
  });

  it('says the practitioner passes a copied link on', () => {
    expect(guestStatusText(guest({ delivery: 'link', sentTo: null }))).toEqual({
      key: 'guests.status.invitedLink',
    });
  });

  it('gives the status alone once the guest has come', () => {
    expect(guestStatusText(guest({ presence: 'waiting' }))).toEqual({
      key: 'guests.status.waiting',
    });
    expect(guestStatusText(guest({ removedAt: AT, revokedAt: AT }))).toEqual({
      key: 'guests.status.removed',
    });
  });
});

describe('guestRemoval', () => {
  it.each([
    ['invited', 'revoke'],
    ['waiting', 'revokeWaiting'],
    ['inCall', 'remove'],
    ['reconnecting', 'remove'],
    ['left', 'remove'],
    ['revoked', null],
    ['removed', null],
  ] as const)('%s → %s', (status, removal) => {
    expect(guestRemoval(status)).toBe(removal);
  });
});

describe('shouldOfferAdmit', () => {
  it('offers a waiting guest to a practitioner who can admit', () => {
    expect(shouldOfferAdmit(guest({ presence: 'waiting' }), true)).toBe(true);
  });

  it('does not where the practitioner cannot admit (the calendar)', () => {
    expect(shouldOfferAdmit(guest({ presence: 'waiting' }), false)).toBe(false);
  });

  it.each([
    { presence: 'absent' },
    { presence: 'in_call', admitted: true },
    { presence: 'waiting', admitted: true },
    { presence: 'waiting', revokedAt: AT },
  ] as const)('does not for %o', (overrides) => {
    expect(shouldOfferAdmit(guest(overrides), true)).toBe(false);
  });
});

describe('hasRoomForGuest', () => {
  it('counts only guests whose link still works', () => {
    const list = [guest(), guest({ revokedAt: AT }), guest({ revokedAt: AT, removedAt: AT })];
    expect(countActiveGuests(list)).toBe(1);
    expect(hasRoomForGuest(list)).toBe(true);
  });

  it('has no room with two active guests', () => {
    expect(hasRoomForGuest([guest(), guest({ presence: 'in_call' })])).toBe(false);
    expect(hasRoomForGuest([])).toBe(true);
  });
});
