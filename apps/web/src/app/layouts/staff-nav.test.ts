import { describe, expect, it } from 'vitest';
import { hasWaitingAlerts, personLabel, staffNavLinks, staffSideLink } from './staff-nav';

const clinic = {
  clinicId: '00000000-0000-4000-8000-000000000001',
  clinicName: 'Demo legesenter',
};
const practitioner = {
  ...clinic,
  roles: ['practitioner' as const],
  practitionerId: '00000000-0000-4000-8000-000000000002',
};
const admin = { ...clinic, roles: ['admin' as const], practitionerId: null };
const adminAndPractitioner = {
  ...practitioner,
  roles: ['admin' as const, 'practitioner' as const],
};
const otherClinicAdmin = {
  ...admin,
  clinicId: '00000000-0000-4000-8000-000000000003',
  clinicName: 'Fjordklinikken',
};

const paths = (links: { to: string }[]) => links.map((link) => link.to);

describe('staffNavLinks', () => {
  it.each([
    ['a practitioner', [practitioner], ['/arbeidsflate', '/arbeidsflate/kalender']],
    ['an administrator who is no practitioner', [admin], ['/admin']],
    [
      'an administrator and practitioner',
      [adminAndPractitioner],
      ['/arbeidsflate', '/arbeidsflate/kalender', '/admin'],
    ],
    [
      'a practitioner at one clinic and administrator at another',
      [practitioner, otherClinicAdmin],
      ['/arbeidsflate', '/arbeidsflate/kalender', '/admin'],
    ],
    ['staff without a role', [], []],
  ])('gives %s their pages', (_who, memberships, expected) => {
    expect(paths(staffNavLinks({ memberships, staffSession: true }))).toEqual(expected);
  });

  it('gives nothing without a staff session, whatever the roles', () => {
    expect(staffNavLinks(null)).toEqual([]);
    expect(staffNavLinks({ memberships: [adminAndPractitioner], staffSession: false })).toEqual([]);
  });

  it('never offers the patient pages', () => {
    const links = staffNavLinks({ memberships: [adminAndPractitioner], staffSession: true });
    expect(paths(links)).not.toContain('/timer');
    expect(paths(links)).not.toContain('/');
  });

  it('marks the workspace current only on itself, not on the calendar below it', () => {
    const [workspace, calendar] = staffNavLinks({
      memberships: [practitioner],
      staffSession: true,
    });
    expect(workspace).toMatchObject({ label: 'shell.workspace', end: true });
    expect(calendar).toMatchObject({ label: 'shell.calendar' });
    expect(calendar!.end).toBeUndefined();
  });
});

describe('staffSideLink', () => {
  it('leads a practitioner with a staff session to the workspace', () => {
    expect(
      staffSideLink({ memberships: [adminAndPractitioner], staffSession: true }),
    ).toMatchObject({ to: '/arbeidsflate', label: 'shell.toWorkspace' });
  });

  it('leads an administrator who is no practitioner to the administration', () => {
    expect(staffSideLink({ memberships: [admin], staffSession: true })).toMatchObject({
      to: '/admin',
      label: 'shell.toAdmin',
    });
  });

  it.each([
    ['a practitioner', [practitioner], '/ansatt/logg-inn?neste=%2Farbeidsflate'],
    [
      'an administrator and practitioner',
      [adminAndPractitioner],
      '/ansatt/logg-inn?neste=%2Farbeidsflate',
    ],
    ['an administrator who is no practitioner', [admin], '/ansatt/logg-inn?neste=%2Fadmin'],
  ])('leads %s signed in with a one-time code to the staff sign-in', (_who, memberships, to) => {
    expect(staffSideLink({ memberships, staffSession: false })).toEqual({
      to,
      label: 'staffAuth.link',
      icon: 'user',
    });
  });

  it('is not offered to patients or to the signed out', () => {
    expect(staffSideLink({ memberships: [], staffSession: true })).toBeNull();
    expect(staffSideLink({ memberships: [], staffSession: false })).toBeNull();
    expect(staffSideLink(null)).toBeNull();
  });
});

describe('hasWaitingAlerts', () => {
  it.each([
    ['a practitioner with a staff session', [practitioner], true, true],
    ['an administrator and practitioner with a staff session', [adminAndPractitioner], true, true],
    ['a practitioner signed in with a one-time code', [practitioner], false, false],
    ['an administrator who is no practitioner', [admin], true, false],
    ['staff without a role', [], true, false],
  ])('%s', (_who, memberships, staffSession, expected) => {
    expect(hasWaitingAlerts({ memberships, staffSession })).toBe(expected);
  });

  it('runs for nobody signed out', () => {
    expect(hasWaitingAlerts(null)).toBe(false);
  });
});

describe('personLabel', () => {
  it('is the name, else the e-mail address, else the phone number', () => {
    expect(personLabel({ name: 'Kari Nordmann', email: 'lege@example.com', phone: null })).toBe(
      'Kari Nordmann',
    );
    expect(personLabel({ name: null, email: 'lege@example.com', phone: '+4791234567' })).toBe(
      'lege@example.com',
    );
    expect(personLabel({ name: null, email: null, phone: '+4791234567' })).toBe('+4791234567');
    expect(personLabel(null)).toBeNull();
  });
});
