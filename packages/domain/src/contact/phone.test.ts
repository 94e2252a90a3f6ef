import { describe, expect, it } from 'vitest';
import { normalizeEmail, normalizePhone } from './phone';

describe('normalizePhone', () => {
  it.each([
    ['91234567', '+4791234567'],
    ['912 34 567', '+4791234567'],
    ['912-34-567', '+4791234567'],
    ['+47 912 34 567', '+4791234567'],
    ['0047 91234567', '+4791234567'],
    ['(+47) 91 23 45 67', '+4791234567'],
    ['  91234567  ', '+4791234567'],
    ['+46 70 123 45 67', '+46701234567'],
    ['+1 (212) 555-0100', '+12125550100'],
    ['+123456789012345', '+123456789012345'],
  ])('%s → %s', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it('uses the given country code for 8 national digits', () => {
    expect(normalizePhone('12345678', '45')).toBe('+4512345678');
  });

  it.each([
    [''],
    ['1234567'], // 7 digits, no prefix
    ['123456789'], // 9 digits, no prefix: no default applies
    ['+1234567'], // 7 digits after +
    ['+1234567890123456'], // 16 digits
    ['+47 912a4567'],
    ['+0123456789'], // no country code starts with 0
    ['++4791234567'],
    ['91234567 ext 2'],
  ])('refuses %j', (input) => {
    expect(normalizePhone(input)).toBeNull();
  });
});

describe('normalizeEmail', () => {
  it('trims and lower-cases', () => {
    expect(normalizeEmail('  Kari.Nordmann@Example.NO ')).toBe('kari.nordmann@example.no');
  });
});
