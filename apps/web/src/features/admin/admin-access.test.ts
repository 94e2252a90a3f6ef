import type { Membership } from '@visitt/contracts';
import { describe, expect, it } from 'vitest';
import { adminMembershipOf, adminMemberships, adminPath, sortRoles } from './admin-access';

const clinicA = '11111111-1111-4111-8111-111111111111';
const clinicB = '22222222-2222-4222-8222-222222222222';
const membership = (clinicId: string, roles: Membership['roles']): Membership => ({
  clinicId,
  clinicName: clinicId === clinicA ? 'A' : 'B',
  roles,
  practitionerId: null,
});

describe('adminMemberships', () => {
  it('keeps only the clinics the user administers', () => {
    const me = {
      memberships: [membership(clinicA, ['practitioner']), membership(clinicB, ['admin'])],
    };
    expect(adminMemberships(me).map((m) => m.clinicId)).toEqual([clinicB]);
    expect(adminMemberships(null)).toEqual([]);
  });
});

describe('adminMembershipOf', () => {
  const me = {
    memberships: [
      membership(clinicA, ['admin', 'practitioner']),
      membership(clinicB, ['practitioner']),
    ],
  };
  it('finds the membership of an administered clinic', () => {
    expect(adminMembershipOf(me, clinicA)?.clinicName).toBe('A');
  });
  it('is null for a clinic where the user is only a practitioner, or no clinic at all', () => {
    expect(adminMembershipOf(me, clinicB)).toBeNull();
    expect(adminMembershipOf(me, undefined)).toBeNull();
    expect(adminMembershipOf(null, clinicA)).toBeNull();
  });
});

describe('adminPath and sortRoles', () => {
  it('builds the page path', () => {
    expect(adminPath(clinicA, 'logg')).toBe(`/admin/${clinicA}/logg`);
  });
  it('puts administrator first and drops duplicates', () => {
    expect(sortRoles(['practitioner', 'admin', 'practitioner'])).toEqual(['admin', 'practitioner']);
    expect(sortRoles(['practitioner'])).toEqual(['practitioner']);
  });
});
