import type { MyNotifications } from '@visitt/contracts';
import { describe, expect, it } from 'vitest';
import {
  activeChannels,
  formatPhoneNumber,
  isCurrentAddress,
  normalizePhoneInput,
} from './contact-format';

describe('normalizePhoneInput', () => {
  it.each([
    ['91234567', '+4791234567'],
    ['912 34 567', '+4791234567'],
    ['  912-34-567 ', '+4791234567'],
    ['+47 912 34 567', '+4791234567'],
    ['0047 912 34 567', '+4791234567'],
    ['(+46) 70 123 45 67', '+46701234567'],
  ])('reads %j as %s', (input, expected) => {
    expect(normalizePhoneInput(input)).toBe(expected);
  });

  it.each(['', '1234567', '912345678', 'abc', '+0 912 34 567', '+4791', '91234567x'])(
    'refuses %j',
    (input) => {
      expect(normalizePhoneInput(input)).toBeNull();
    },
  );
});

describe('formatPhoneNumber', () => {
  it('groups Norwegian mobile numbers 3-2-3', () => {
    expect(formatPhoneNumber('+4791234567')).toBe('+47 912 34 567');
    expect(formatPhoneNumber('+4741234567')).toBe('+47 412 34 567');
  });

  it('groups other Norwegian numbers in pairs', () => {
    expect(formatPhoneNumber('+4722123456')).toBe('+47 22 12 34 56');
  });

  it('leaves numbers from other countries as stored', () => {
    expect(formatPhoneNumber('+46701234567')).toBe('+46701234567');
    expect(formatPhoneNumber('+479123456')).toBe('+479123456');
  });
});

describe('isCurrentAddress', () => {
  it('compares e-mail addresses without case or spaces', () => {
    expect(isCurrentAddress('email', ' Kari@Example.no ', 'kari@example.no')).toBe(true);
    expect(isCurrentAddress('email', 'ola@example.no', 'kari@example.no')).toBe(false);
    expect(isCurrentAddress('email', 'kari@example.no', null)).toBe(false);
  });

  it('compares mobile numbers in E.164, however they were typed', () => {
    expect(isCurrentAddress('sms', '912 34 567', '+4791234567')).toBe(true);
    expect(isCurrentAddress('sms', '0047 91234567', '+4791234567')).toBe(true);
    expect(isCurrentAddress('sms', '912 34 568', '+4791234567')).toBe(false);
    expect(isCurrentAddress('sms', 'not a number', '+4791234567')).toBe(false);
  });
});

const base: MyNotifications = {
  email: { address: 'kari@example.no', verified: true, enabled: true, changedAt: null },
  sms: { address: null, verified: false, enabled: false, changedAt: null },
  push: { enabled: false, devices: 0, changedAt: null },
};

describe('activeChannels', () => {
  it('lists verified addresses that are switched on, then push with a device', () => {
    expect(activeChannels(base)).toEqual(['email']);
    expect(
      activeChannels({
        ...base,
        sms: { address: '+4791234567', verified: true, enabled: true, changedAt: null },
        push: { enabled: true, devices: 1, changedAt: null },
      }),
    ).toEqual(['email', 'sms', 'push']);
  });

  it('leaves out channels that are off, unverified or without a device', () => {
    expect(
      activeChannels({
        email: { ...base.email, enabled: false },
        sms: { address: '+4791234567', verified: false, enabled: true, changedAt: null },
        push: { enabled: true, devices: 0, changedAt: null },
      }),
    ).toEqual([]);
  });
});
