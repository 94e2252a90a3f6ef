import type { GuestVisit } from '@visitt/contracts';
import { describe, expect, it } from 'vitest';
import { EARLY_POLL_MS, guestScreen, recheckDelay, tokenFromFragment } from './guest-screen';

// An appointment at 10:00 in Oslo on the day summer time starts (UTC+2 from 03:00).
const visit: GuestVisit = {
  guestId: '0b3f5a52-7a8e-4a51-9d62-3f1f0b6e9c11',
  appointmentId: '5d1c2f0e-2b7a-4c3e-8f41-6a9e0d7b2c33',
  name: 'Kari Tolk',
  role: 'interpreter',
  clinicName: 'Fjordklinikken',
  start: '2026-03-29T10:00:00+02:00',
  end: '2026-03-29T10:30:00+02:00',
  opensAt: '2026-03-29T09:45:00+02:00',
  closesAt: '2026-03-29T12:00:00+02:00',
  timeZone: 'Europe/Oslo',
  admitted: false,
};
const at = (iso: string) => Date.parse(iso);
const open = at('2026-03-29T09:50:00+02:00');

describe('guestScreen', () => {
  it('waits for the first answer', () => {
    expect(guestScreen({ visit: null, error: null }, open)).toEqual({ kind: 'loading' });
  });

  it('offers the room between opensAt and closesAt, both ends included', () => {
    for (const now of [visit.opensAt, '2026-03-29T10:15:00+02:00', visit.closesAt]) {
      expect(guestScreen({ visit, error: null }, at(now))).toEqual({
        kind: 'ready',
        visit,
        notice: null,
      });
    }
  });

  it('says when it opens before opensAt, and that it is over after closesAt', () => {
    expect(guestScreen({ visit, error: null }, at('2026-03-29T09:44:59+02:00'))).toEqual({
      kind: 'early',
      visit,
    });
    expect(guestScreen({ visit, error: null }, at('2026-03-29T12:00:01+02:00'))).toEqual({
      kind: 'refused',
      reason: 'over',
    });
  });

  it('waits without a time when the server says too_early', () => {
    expect(guestScreen({ visit: null, error: 'too_early' }, open)).toEqual({
      kind: 'early',
      visit: null,
    });
    // The server's clock decides: this device may think the room is open already.
    expect(guestScreen({ visit, error: 'too_early' }, open)).toEqual({ kind: 'early', visit });
  });

  it.each([
    ['too_late', 'over'],
    ['not_allowed', 'cancelled'],
    ['guest_link_revoked', 'revoked'],
    ['guest_removed', 'removed'],
    ['link_in_use', 'in_use'],
    ['not_found', 'invalid'],
    ['validation_failed', 'invalid'],
    ['guest_link_required', 'missing'],
  ] as const)('refuses %s as %s, also over a visit shown before', (error, reason) => {
    expect(guestScreen({ visit: null, error }, open)).toEqual({ kind: 'refused', reason });
    expect(guestScreen({ visit, error }, open)).toEqual({ kind: 'refused', reason });
  });

  it('keeps the visit on screen after a passing failure, with a notice', () => {
    expect(guestScreen({ visit, error: 'network' }, open)).toEqual({
      kind: 'ready',
      visit,
      notice: 'network',
    });
    expect(guestScreen({ visit: null, error: 'internal' }, open)).toEqual({
      kind: 'failed',
      code: 'internal',
    });
  });
});

describe('recheckDelay', () => {
  it('asks again when the room opens', () => {
    const now = at('2026-03-29T09:40:00+02:00');
    expect(recheckDelay({ kind: 'early', visit }, now)).toBe(5 * 60_000 + 1_000);
  });

  it('polls when the opening time is unknown, or past by this device’s clock', () => {
    expect(recheckDelay({ kind: 'early', visit: null }, open)).toBe(EARLY_POLL_MS);
    expect(recheckDelay({ kind: 'early', visit }, open)).toBe(EARLY_POLL_MS);
  });

  it('caps long waits at an hour', () => {
    expect(recheckDelay({ kind: 'early', visit }, at('2026-03-28T09:45:00+01:00'))).toBe(
      60 * 60_000,
    );
  });

  it('asks again just after the room closes, so the page says it is over', () => {
    const now = at('2026-03-29T11:59:00+02:00');
    expect(recheckDelay({ kind: 'ready', visit, notice: null }, now)).toBe(61_000);
  });

  it('leaves refusals and failures to the guest', () => {
    expect(recheckDelay({ kind: 'refused', reason: 'in_use' }, open)).toBeNull();
    expect(recheckDelay({ kind: 'failed', code: 'network' }, open)).toBeNull();
    expect(recheckDelay({ kind: 'loading' }, open)).toBeNull();
  });
});

describe('tokenFromFragment', () => {
  const token = 'Ab0_-'.repeat(8) + 'xyz';

  it('takes 43 base64url characters after #', () => {
    expect(tokenFromFragment(`#${token}`)).toBe(token);
  });

  it('ignores an empty, cut or altered fragment', () => {
    expect(tokenFromFragment('')).toBeNull();
    expect(tokenFromFragment('#')).toBeNull();
    expect(tokenFromFragment(`#${token.slice(1)}`)).toBeNull();
    expect(tokenFromFragment(`#${token}=`)).toBeNull();
    expect(tokenFromFragment(`#${token.slice(1)}+`)).toBeNull();
  });
});
