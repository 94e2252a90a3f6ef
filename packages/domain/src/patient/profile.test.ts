import { describe, expect, it } from 'vitest';
import { isProfileComplete, type PatientProfile } from './profile';

const complete: PatientProfile = {
  givenName: 'Kari',
  familyName: 'Nordmann',
  birthDate: '1980-05-17',
};

describe('isProfileComplete', () => {
  it.each([
    [complete, true],
    [{ ...complete, givenName: 'Å' }, true],
    [{ ...complete, familyName: ' Nordmann-Ås ' }, true],
    [{ ...complete, givenName: null }, false],
    [{ ...complete, familyName: null }, false],
    [{ ...complete, birthDate: null }, false],
    [{ ...complete, birthDate: '' }, false],
    [{ ...complete, givenName: '' }, false],
    [{ ...complete, givenName: '   ' }, false],
    [{ ...complete, familyName: '\t\n' }, false],
    [{ givenName: null, familyName: null, birthDate: null }, false],
  ])('%j → %s', (profile, expected) => {
    expect(isProfileComplete(profile)).toBe(expected);
  });
});
