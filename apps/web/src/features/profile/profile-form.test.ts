import { describe, expect, it } from 'vitest';
import {
  checkProfile,
  formatBirthDate,
  joinDate,
  profileBody,
  serverProblems,
  splitDate,
} from './profile-form';

const TODAY = '2026-12-05';
const valid = { givenName: 'Kari', familyName: 'Nordmann', birthDate: '1980-05-17' };

describe('checkProfile', () => {
  it('passes a complete profile, today and 1900-01-01 included', () => {
    expect(checkProfile(valid, TODAY)).toEqual({});
    expect(checkProfile({ ...valid, birthDate: TODAY }, TODAY)).toEqual({});
    expect(checkProfile({ ...valid, birthDate: '1900-01-01' }, TODAY)).toEqual({});
    expect(checkProfile({ ...valid, givenName: 'x'.repeat(120) }, TODAY)).toEqual({});
  });

  it('says what is missing, per field', () => {
    expect(checkProfile({ givenName: ' ', familyName: '', birthDate: '' }, TODAY)).toEqual({
      givenName: { key: 'profile.givenNameRequired' },
      familyName: { key: 'profile.familyNameRequired' },
      birthDate: { key: 'profile.birthDateRequired' },
    });
  });

  it.each([
    ['2026-12-06', 'profile.birthDateFuture'],
    ['2999-01-01', 'profile.birthDateFuture'],
    ['1899-12-31', 'profile.birthDateTooEarly'],
    ['1980-02-30', 'profile.birthDateInvalid'],
    ['17.05.1980', 'profile.birthDateInvalid'],
  ])('refuses the date of birth %s', (birthDate, key) => {
    expect(checkProfile({ ...valid, birthDate }, TODAY)).toEqual({ birthDate: { key } });
  });

  it('refuses names that are too long or hold control characters', () => {
    expect(checkProfile({ ...valid, givenName: 'x'.repeat(121) }, TODAY).givenName?.key).toBe(
      'profile.nameTooLong',
    );
    expect(checkProfile({ ...valid, familyName: 'Nord\nmann' }, TODAY).familyName?.key).toBe(
      'profile.nameInvalid',
    );
    expect(checkProfile({ ...valid, familyName: 'Nord\u0007mann' }, TODAY).familyName?.key).toBe(
      'profile.nameInvalid',
    );
  });
});

describe('serverProblems', () => {
  it.each([
    ['future', 'profile.birthDateFuture'],
    ['too_early', 'profile.birthDateTooEarly'],
    ['invalid', 'profile.birthDateInvalid'],
    // A reason this client does not know yet, or a schema's own words: the date is not valid.
    ['Invalid input', 'profile.birthDateInvalid'],
    ['toString', 'profile.birthDateInvalid'],
  ])('words a refused date of birth (%s) by its reason', (message, key) => {
    expect(serverProblems([{ path: 'birthDate', message }])).toEqual({ birthDate: { key } });
  });

  it('says a refused name is refused, not that the date is in the future', () => {
    expect(serverProblems([{ path: 'familyName', message: 'Too big' }])).toEqual({
      familyName: { key: 'profile.nameRefused', vars: { field: 'profile.familyName' } },
    });
    expect(
      serverProblems([
        { path: 'givenName', message: 'Invalid' },
        { path: 'birthDate', message: 'future' },
      ]),
    ).toEqual({
      givenName: { key: 'profile.nameRefused', vars: { field: 'profile.givenName' } },
      birthDate: { key: 'profile.birthDateFuture' },
    });
  });

  it('is null when no issue names a field of the form', () => {
    expect(serverProblems([])).toBeNull();
    expect(serverProblems([{ path: 'locale', message: 'Invalid option' }])).toBeNull();
  });
});

describe('profileBody', () => {
  it('trims the names', () => {
    expect(profileBody({ ...valid, givenName: '  Kari ' })).toEqual(valid);
  });
});

describe('formatBirthDate', () => {
  it('writes the date in figures as the locale does', () => {
    expect(formatBirthDate('1980-05-17', 'nb-NO')).toBe('17.05.1980');
    expect(formatBirthDate('1980-05-17', 'en-GB')).toBe('17/05/1980');
  });
});

describe('the date of birth in three fields', () => {
  it.each([
    [{ day: '', month: '', year: '' }, ''],
    [{ day: '7', month: '5', year: '1980' }, '1980-05-07'],
    [{ day: ' 17 ', month: '05', year: '1980' }, '1980-05-17'],
    [{ day: '17', month: '', year: '1980' }, 'invalid'],
    [{ day: '17', month: '5', year: '80' }, 'invalid'],
    [{ day: '1a', month: '5', year: '1980' }, 'invalid'],
    [{ day: '123', month: '5', year: '1980' }, 'invalid'],
  ])('joins %o as %s', (parts, date) => {
    expect(joinDate(parts)).toBe(date);
  });

  it('refuses a joined date that does not exist, and splits a stored one', () => {
    expect(
      checkProfile(
        { ...valid, birthDate: joinDate({ day: '31', month: '4', year: '1980' }) },
        TODAY,
      ).birthDate?.key,
    ).toBe('profile.birthDateInvalid');
    expect(checkProfile({ ...valid, birthDate: 'invalid' }, TODAY).birthDate?.key).toBe(
      'profile.birthDateInvalid',
    );
    expect(splitDate('1980-05-17')).toEqual({ day: '17', month: '05', year: '1980' });
    expect(splitDate(null)).toEqual({ day: '', month: '', year: '' });
  });
});
