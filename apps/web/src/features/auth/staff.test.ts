import { describe, expect, it } from 'vitest';
import { isPractitioner, staffSignInPath } from './staff';

const membership = {
  clinicId: '00000000-0000-4000-8000-000000000001',
  clinicName: 'Demo legesenter',
  roles: ['practitioner' as const],
};

describe('isPractitioner', () => {
  it('needs a membership that is a practitioner', () => {
    expect(isPractitioner(null)).toBe(false);
    expect(isPractitioner({ memberships: [] })).toBe(false);
    expect(
      isPractitioner({ memberships: [{ ...membership, roles: ['admin'], practitionerId: null }] }),
    ).toBe(false);
    expect(
      isPractitioner({
        memberships: [{ ...membership, practitionerId: '00000000-0000-4000-8000-000000000002' }],
      }),
    ).toBe(true);
  });
});

describe('staffSignInPath', () => {
  it('comes back to the page asked for', () => {
    expect(staffSignInPath('/arbeidsflate?dag=2026-12-01')).toBe(
      '/ansatt/logg-inn?neste=%2Farbeidsflate%3Fdag%3D2026-12-01',
    );
  });
});
