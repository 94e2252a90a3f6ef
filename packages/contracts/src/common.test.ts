import { describe, expect, it } from 'vitest';
import { DateTime, LocalDateString, PlainText, RawText, SingleLine } from './common';
import { PushEndpoint, PushUnsubscribeBody } from './push';
import { StaffAppointmentsQuery } from './video';

describe('dates and times in the sane years', () => {
  it.each([
    ['1900-01-01', true],
    ['2200-12-31', true],
    ['1899-12-31', false],
    ['2201-01-01', false],
    ['0000-01-01', false],
    ['9999-12-31', false],
    ['275760-09-13', false],
    ['-000001-01-01', false],
  ])('date %s → %s', (value, ok) => {
    expect(LocalDateString.safeParse(value).success).toBe(ok);
    expect(StaffAppointmentsQuery.safeParse({ date: value }).success).toBe(ok);
  });

  it.each([
    ['2026-11-30T08:00:00+01:00', true],
    ['1900-01-01T00:00:00+14:00', true],
    ['2200-12-31T23:59:59.999999999-12:00', true],
    ['2026-11-30T08:00:00.1234567891+01:00', false],
    ['0000-01-01T00:00:00Z', false],
    ['9999-12-31T23:59:59Z', false],
    ['+275760-09-13T00:00:00.000Z', false],
  ])('instant %s → %s', (value, ok) => {
    expect(DateTime.safeParse(value).success).toBe(ok);
  });
});

describe('control characters', () => {
  it('free text keeps line breaks and tabs, refuses the other control characters', () => {
    expect(PlainText(50).parse('  Hei\r\n\tdu  ')).toBe('Hei\r\n\tdu');
    for (const bad of ['a\u0000b', '\u0007', '\u001b[31m', '\u007f', '\u0085'])
      expect(PlainText(50).safeParse(bad).success).toBe(false);
    expect(RawText(50).parse(' v=0\r\n ')).toBe(' v=0\r\n ');
    expect(RawText(50).safeParse('v=0\u0000').success).toBe(false);
  });

  it('single lines (passwords, URLs, tokens) refuse every control character', () => {
    expect(SingleLine(50).parse(' pass word ')).toBe(' pass word ');
    for (const bad of ['a\tb', 'a\nb', '\u0000', '\u009b'])
      expect(SingleLine(50).safeParse(bad).success).toBe(false);
  });

  it('push endpoints with control characters are refused', () => {
    expect(
      PushUnsubscribeBody.safeParse({ endpoint: 'https://push.example.com/a\u0000' }).success,
    ).toBe(false);
    expect(PushEndpoint.safeParse('https://push.example.com/a\u0000b').success).toBe(false);
    expect(PushEndpoint.safeParse('https://push.example.com/ab').success).toBe(true);
  });
});
