import { AccessibilityReportBody } from '@visitt/contracts';
import { describe, expect, it } from 'vitest';
import { checkReport, serverProblems } from './report-form';

const values = (overrides: Partial<{ text: string; page: string; email: string }> = {}) => ({
  text: 'Knappen har ikke noe navn.',
  page: '',
  email: '',
  ...overrides,
});

describe('checkReport', () => {
  it('sends the trimmed text alone when the optional fields are empty', () => {
    expect(checkReport(values({ text: '  Knappen har ikke noe navn.\n', page: '   ' }))).toEqual({
      ok: true,
      body: { text: 'Knappen har ikke noe navn.' },
    });
  });

  it('sends the page and the address when given, in a body the server accepts', () => {
    const result = checkReport(values({ page: ' Min kalender ', email: ' ola@example.com ' }));
    expect(result).toEqual({
      ok: true,
      body: { text: 'Knappen har ikke noe navn.', page: 'Min kalender', email: 'ola@example.com' },
    });
    expect(result.ok && AccessibilityReportBody.safeParse(result.body).success).toBe(true);
  });

  it.each([
    ['', 'textMissing'],
    [' \n\t ', 'textMissing'],
    ['x'.repeat(2001), 'textTooLong'],
    ['Nul\u0000tegn', 'textInvalid'],
  ])('refuses the text %j: %s', (text, problem) => {
    expect(checkReport(values({ text }))).toEqual({ ok: false, problems: { text: problem } });
  });

  it('takes 2000 characters, and line breaks in them', () => {
    expect(checkReport(values({ text: `${'x'.repeat(1000)}\n${'y'.repeat(999)}` })).ok).toBe(true);
  });

  it('refuses a page over 500 characters and an address that is none, all at once', () => {
    expect(checkReport({ text: '', page: 'x'.repeat(501), email: 'ola.example.com' })).toEqual({
      ok: false,
      problems: { text: 'textMissing', page: 'pageTooLong', email: 'emailInvalid' },
    });
  });
});

describe('serverProblems', () => {
  it('points at the fields the server named', () => {
    expect(serverProblems([{ path: 'email' }, { path: 'text' }])).toEqual({
      email: 'emailInvalid',
      text: 'textInvalid',
    });
  });

  it('is null when no issue is about a field of the form', () => {
    expect(serverProblems([{ path: '' }])).toBeNull();
    expect(serverProblems([])).toBeNull();
  });
});
