import type { Instant, UserId } from '@visitt/domain';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../core/context';
import { decide, type Action, type ClinicStanding } from './rules';

const actor = (staff: boolean): Actor => ({
  userId: 'user-1' as UserId,
  authMethod: staff ? 'password' : 'code_email',
  signedInAt: 0 as Instant,
  staff,
  acr: null,
});
const staffSession = actor(true);
const codeSession = actor(false);

const admin: ClinicStanding = { isAdmin: true, isTheirPractitioner: false };
const theirPractitioner: ClinicStanding = { isAdmin: false, isTheirPractitioner: true };
const adminAndPractitioner: ClinicStanding = { isAdmin: true, isTheirPractitioner: true };
const otherStaff: ClinicStanding = { isAdmin: false, isTheirPractitioner: false };

describe('decide', () => {
  it.each<[string, Actor, Action, ClinicStanding | null, string]>([
    // The clinic's settings and its audit log: administrators signed in as staff.
    ['admin administers', staffSession, 'clinic.administer', admin, 'admin'],
    ['admin reads the audit log', staffSession, 'clinic.read_audit', admin, 'admin'],
    ['other staff may not administer', staffSession, 'clinic.administer', otherStaff, 'forbidden'],
    [
      'a practitioner may not read the log',
      staffSession,
      'clinic.read_audit',
      theirPractitioner,
      'forbidden',
    ],
    [
      'outside the clinic: as if it did not exist',
      staffSession,
      'clinic.administer',
      null,
      'not_found',
    ],
    ['admin by one-time code', codeSession, 'clinic.administer', admin, 'staff_sign_in_required'],
    [
      'admin by one-time code, the log',
      codeSession,
      'clinic.read_audit',
      admin,
      'staff_sign_in_required',
    ],
    ['code session outside the clinic', codeSession, 'clinic.administer', null, 'not_found'],
    // One appointment: its practitioner, or an administrator of its clinic.
    ['its practitioner', staffSession, 'appointment.manage', theirPractitioner, 'practitioner'],
    [
      'admin who is its practitioner acts as it',
      staffSession,
      'appointment.manage',
      adminAndPractitioner,
      'practitioner',
    ],
    ['an administrator', staffSession, 'appointment.manage', admin, 'admin'],
    ['a colleague sees nothing of it', staffSession, 'appointment.manage', otherStaff, 'not_found'],
    ['outside the clinic', staffSession, 'appointment.manage', null, 'not_found'],
    [
      'its practitioner by one-time code',
      codeSession,
      'appointment.manage',
      theirPractitioner,
      'staff_sign_in_required',
    ],
    // How the patient was identified: the practitioner who met them, nobody else.
    [
      'identify: its practitioner',
      staffSession,
      'appointment.identify',
      theirPractitioner,
      'practitioner',
    ],
    ['identify: an administrator', staffSession, 'appointment.identify', admin, 'forbidden'],
    [
      'identify: admin and its practitioner',
      staffSession,
      'appointment.identify',
      adminAndPractitioner,
      'practitioner',
    ],
    ['identify: a colleague', staffSession, 'appointment.identify', otherStaff, 'not_found'],
    ['identify: outside the clinic', staffSession, 'appointment.identify', null, 'not_found'],
    [
      'identify: by one-time code',
      codeSession,
      'appointment.identify',
      theirPractitioner,
      'staff_sign_in_required',
    ],
    // Guests: the practitioner who lets them in, nobody else.
    [
      'guests: its practitioner',
      staffSession,
      'appointment.invite_guest',
      theirPractitioner,
      'practitioner',
    ],
    ['guests: an administrator', staffSession, 'appointment.invite_guest', admin, 'forbidden'],
    ['guests: a colleague', staffSession, 'appointment.invite_guest', otherStaff, 'not_found'],
    [
      'guests: by one-time code',
      codeSession,
      'appointment.invite_guest',
      theirPractitioner,
      'staff_sign_in_required',
    ],
    // The consultation record: its practitioner, or an administrator who files it.
    [
      'record: its practitioner',
      staffSession,
      'appointment.record',
      theirPractitioner,
      'practitioner',
    ],
    ['record: an administrator', staffSession, 'appointment.record', admin, 'admin'],
    ['record: a colleague', staffSession, 'appointment.record', otherStaff, 'not_found'],
    ['record: outside the clinic', staffSession, 'appointment.record', null, 'not_found'],
    [
      'record: by one-time code',
      codeSession,
      'appointment.record',
      admin,
      'staff_sign_in_required',
    ],
  ])('%s', (_name, who, action, standing, outcome) => {
    const decision = decide(who, action, { standing });
    expect(decision.ok ? decision.value : decision.reason).toBe(outcome);
  });

  it.each<[string, Actor, string[], string]>([
    ['a practitioner', staffSession, ['p-1'], 'practitioner'],
    ['staff who practise nowhere', staffSession, [], 'forbidden'],
    ['a practitioner by one-time code', codeSession, ['p-1'], 'staff_sign_in_required'],
  ])('workspace.read: %s', (_name, who, practitionerIds, outcome) => {
    const decision = decide(who, 'workspace.read', { standing: null, practitionerIds });
    expect(decision.ok ? decision.value : decision.reason).toBe(outcome);
  });
});
