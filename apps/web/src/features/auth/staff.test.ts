import { describe, expect, it } from 'vitest';
import {
  hasStaffSession,
  isClinicAdmin,
  isPractitioner,
  staffAccess,
  staffSignInPath,
} from './staff';

const membership = {
  clinicId: '00000000-0000-4000-8000-000000000001',
  clinicName: 'Demo legesenter',
  roles: ['practitioner' as const],
};
const practitioner = { ...membership, practitionerId: '00000000-0000-4000-8000-000000000002' };
const admin = { ...membership, roles: ['admin' as const], practitionerId: null };

describe('isPractitioner', () => {
  it('needs a membership that is a practitioner', () => {
    expect(isPractitioner(null)).toBe(false);
    expect(isPractitioner({ memberships: [] })).toBe(false);
    expect(isPractitioner({ memberships: [admin] })).toBe(false);
    expect(isPractitioner({ memberships: [practitioner] })).toBe(true);
  });
});

describe('isClinicAdmin', () => {
  it('needs a membership with the admin role', () => {
    expect(isClinicAdmin(null)).toBe(false);
    expect(isClinicAdmin({ memberships: [practitioner] })).toBe(false);
    expect(isClinicAdmin({ memberships: [practitioner, admin] })).toBe(true);
  });
});

describe('hasStaffSession', () => {
  it('is the session, not the memberships', () => {
    expect(hasStaffSession(null)).toBe(false);
    expect(hasStaffSession({ staffSession: false })).toBe(false);
    expect(hasStaffSession({ staffSession: true })).toBe(true);
  });
});

describe('staffAccess', () => {
  const practitionerPage = { practitioner: true };
  const staffPage = { practitioner: false };

  it('sends the signed-out to the staff sign-in', () => {
    expect(staffAccess(null, practitionerPage)).toBe('sign-in');
    expect(staffAccess(null, staffPage)).toBe('sign-in');
  });

  it('sends a practitioner signed in with a one-time code to the staff sign-in', () => {
    const me = { memberships: [practitioner], staffSession: false };
    expect(staffAccess(me, practitionerPage)).toBe('sign-in');
    expect(staffAccess(me, staffPage)).toBe('sign-in');
  });

  it('lets a staff session in, and tells a non-practitioner the workspace is not theirs', () => {
    expect(staffAccess({ memberships: [practitioner], staffSession: true }, practitionerPage)).toBe(
      'allowed',
    );
    const adminOnly = { memberships: [admin], staffSession: true };
    expect(staffAccess(adminOnly, practitionerPage)).toBe('not-practitioner');
    expect(staffAccess(adminOnly, staffPage)).toBe('allowed');
  });
});

describe('staffSignInPath', () => {
  it('comes back to the page asked for', () => {
    expect(staffSignInPath('/arbeidsflate?dag=2026-12-01')).toBe(
      '/ansatt/logg-inn?neste=%2Farbeidsflate%3Fdag%3D2026-12-01',
    );
  });
});
