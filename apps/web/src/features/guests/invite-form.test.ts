import { describe, expect, it } from 'vitest';
import { checkInvite, serverProblems, type InviteValues } from './invite-form';

const values = (overrides: Partial<InviteValues> = {}): InviteValues => ({
  name: ' Kari Nordmann ',
  role: 'interpreter',
  delivery: 'sms',
  phone: '912 34 567',
  email: '',
  ...overrides,
});

describe('checkInvite', () => {
  it('sends a Norwegian number in E.164 and the name trimmed', () => {
    expect(checkInvite(values())).toEqual({
      ok: true,
      body: { name: 'Kari Nordmann', role: 'interpreter', phone: '+4791234567' },
    });
  });

  it('sends an e-mail address in lower case, and no number', () => {
    expect(
      checkInvite(values({ delivery: 'email', email: ' Kari@Example.NO ', phone: '912 34 567' })),
    ).toEqual({
      ok: true,
      body: { name: 'Kari Nordmann', role: 'interpreter', email: 'kari@example.no' },
    });
  });

  it('sends neither for a link the practitioner copies', () => {
    expect(
      checkInvite(values({ delivery: 'link', role: 'relative', email: 'x@example.no' })),
    ).toEqual({ ok: true, body: { name: 'Kari Nordmann', role: 'relative' } });
  });

  it('says what is missing, per field', () => {
    expect(checkInvite(values({ name: '   ', role: null, phone: '' }))).toEqual({
      ok: false,
      problems: {
        name: { key: 'guests.form.nameMissing' },
        role: { key: 'guests.form.roleMissing' },
        phone: { key: 'guests.form.phoneMissing' },
      },
    });
    expect(checkInvite(values({ delivery: 'email', email: ' ' }))).toEqual({
      ok: false,
      problems: { email: { key: 'guests.form.emailMissing' } },
    });
  });

  it('refuses what the server would refuse', () => {
    expect(checkInvite(values({ name: 'x'.repeat(121) }))).toEqual({
      ok: false,
      problems: { name: { key: 'guests.form.nameTooLong', vars: { max: 120 } } },
    });
    expect(checkInvite(values({ name: 'Kari\u0007Nordmann' }))).toMatchObject({
      ok: false,
      problems: { name: { key: 'guests.form.nameInvalid' } },
    });
    expect(checkInvite(values({ phone: '12345' }))).toMatchObject({
      ok: false,
      problems: { phone: { key: 'guests.form.phoneInvalid' } },
    });
    expect(checkInvite(values({ delivery: 'email', email: 'kari@' }))).toMatchObject({
      ok: false,
      problems: { email: { key: 'guests.form.emailInvalid' } },
    });
  });

  it('does not check the field of a way not chosen', () => {
    expect(checkInvite(values({ delivery: 'link', phone: 'nonsense' })).ok).toBe(true);
  });
});

describe('serverProblems', () => {
  it('points at the field of the chosen way', () => {
    expect(serverProblems([{ path: 'phone' }], 'sms')).toEqual({
      phone: { key: 'guests.form.phoneInvalid' },
    });
    expect(serverProblems([{ path: 'email' }, { path: 'name' }], 'email')).toEqual({
      email: { key: 'guests.form.emailInvalid' },
      name: { key: 'guests.form.nameInvalid' },
    });
  });

  it('is null when no issue is about a field of the form', () => {
    expect(serverProblems([{ path: '' }], 'link')).toBeNull();
    expect(serverProblems([{ path: 'phone' }], 'email')).toBeNull();
  });
});
