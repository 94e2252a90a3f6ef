import { describe, expect, it } from 'vitest';
import { checkInviteDraft, checkRolesDraft, toggleRole } from './staff-forms';

const invite = {
  email: ' ny@klinikk.no ',
  roles: ['practitioner' as const],
  practitionerName: ' Dr. Ny ',
  practitionerTitle: '',
};

describe('checkInviteDraft', () => {
  it('trims and sends the practitioner name, leaving out an empty title', () => {
    expect(checkInviteDraft(invite)).toEqual({
      ok: true,
      body: { email: 'ny@klinikk.no', roles: ['practitioner'], practitionerName: 'Dr. Ny' },
    });
  });
  it('names the practitioner without an account it is for, while the role is chosen', () => {
    const forExisting = { ...invite, practitionerId: '6f1c2a1e-7d7b-4a43-9b39-2f7f5f3f9a01' };
    expect(checkInviteDraft(forExisting)).toEqual({
      ok: true,
      body: {
        email: 'ny@klinikk.no',
        roles: ['practitioner'],
        practitionerName: 'Dr. Ny',
        practitionerId: '6f1c2a1e-7d7b-4a43-9b39-2f7f5f3f9a01',
      },
    });
    expect(checkInviteDraft({ ...forExisting, roles: ['admin'] })).toEqual({
      ok: true,
      body: { email: 'ny@klinikk.no', roles: ['admin'] },
    });
  });
  it('asks no practitioner name of an administrator only', () => {
    expect(
      checkInviteDraft({
        ...invite,
        roles: ['admin'],
        practitionerName: '',
        practitionerTitle: 'x',
      }),
    ).toEqual({ ok: true, body: { email: 'ny@klinikk.no', roles: ['admin'] } });
  });
  it('names every problem', () => {
    expect(
      checkInviteDraft({
        email: 'ikke-en-adresse',
        roles: [],
        practitionerName: '',
        practitionerTitle: '',
      }),
    ).toEqual({ ok: false, problems: { email: 'emailInvalid', roles: 'rolesRequired' } });
    expect(
      checkInviteDraft({ ...invite, practitionerName: ' ', practitionerTitle: 'x'.repeat(121) }),
    ).toEqual({
      ok: false,
      problems: { practitionerName: 'practitionerNameRequired', practitionerTitle: 'tooLong' },
    });
  });
});

describe('checkRolesDraft', () => {
  const draft = {
    roles: ['admin' as const, 'practitioner' as const],
    practitionerName: '',
    practitionerTitle: '',
  };
  it('needs no name from someone who already has a practitioner row', () => {
    expect(checkRolesDraft(draft, true)).toEqual({
      ok: true,
      body: { roles: ['admin', 'practitioner'] },
    });
  });
  it('needs the name from someone who becomes a practitioner', () => {
    expect(checkRolesDraft(draft, false)).toEqual({
      ok: false,
      problems: { practitionerName: 'practitionerNameRequired' },
    });
  });
  it('needs at least one role', () => {
    expect(checkRolesDraft({ ...draft, roles: [] }, true)).toEqual({
      ok: false,
      problems: { roles: 'rolesRequired' },
    });
  });
});

describe('toggleRole', () => {
  it('adds and removes, keeping the order', () => {
    expect(toggleRole(['practitioner'], 'admin', true)).toEqual(['admin', 'practitioner']);
    expect(toggleRole(['admin', 'practitioner'], 'admin', false)).toEqual(['practitioner']);
    expect(toggleRole(['admin'], 'admin', true)).toEqual(['admin']);
  });
});
