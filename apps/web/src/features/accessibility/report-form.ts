import {
  ACCESSIBILITY_PAGE_MAX_LENGTH,
  ACCESSIBILITY_REPORT_MAX_LENGTH,
  Email,
  PlainText,
  type AccessibilityReportBody,
} from '@visitt/contracts';
import type { StatementTexts } from './statement-texts';

/** What the person has typed. */
export interface ReportValues {
  text: string;
  page: string;
  email: string;
}

export type ReportField = keyof ReportValues;

/** The fields in the order of the form, for moving focus to the first one with a problem. */
export const REPORT_FIELDS: readonly ReportField[] = ['text', 'page', 'email'];

/** A field's problem: the key of its text among the statement's texts. */
export type ReportProblem = keyof Pick<
  StatementTexts['report'],
  'textMissing' | 'textTooLong' | 'textInvalid' | 'pageTooLong' | 'emailInvalid'
>;

export type ReportProblems = Partial<Record<ReportField, ReportProblem>>;

const textSchema = PlainText(ACCESSIBILITY_REPORT_MAX_LENGTH);
const pageSchema = PlainText(ACCESSIBILITY_PAGE_MAX_LENGTH);

/**
 * The body to send for `values`, or each field's problem, checked as the server will: a
 * description of 1–2000 characters (trimmed, no control characters but line breaks and tabs),
 * at most 500 about the page, and an e-mail address or nothing. Empty optional fields are left
 * out of the body.
 */
export function checkReport(
  values: ReportValues,
): { ok: true; body: AccessibilityReportBody } | { ok: false; problems: ReportProblems } {
  const problems: ReportProblems = {};
  const text = values.text.trim();
  if (text === '') problems.text = 'textMissing';
  else if (text.length > ACCESSIBILITY_REPORT_MAX_LENGTH) problems.text = 'textTooLong';
  else if (!textSchema.safeParse(text).success) problems.text = 'textInvalid';

  const page = values.page.trim();
  if (!pageSchema.safeParse(page).success) problems.page = 'pageTooLong';

  const email = values.email.trim();
  if (email !== '' && !Email.safeParse(email).success) problems.email = 'emailInvalid';

  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    body: { text, ...(page ? { page } : {}), ...(email ? { email } : {}) },
  };
}

/**
 * The problems per field in the server's refusal (400 `validation_failed`) of what
 * {@link checkReport} passed, by the issues' paths; null when no issue names a field of the form.
 */
export function serverProblems(issues: readonly { path: string }[]): ReportProblems | null {
  const problems: ReportProblems = {};
  for (const { path } of issues) {
    const field = path.split('.')[0];
    if (field === 'text') problems.text = 'textInvalid';
    else if (field === 'page') problems.page = 'pageTooLong';
    else if (field === 'email') problems.email = 'emailInvalid';
  }
  return Object.keys(problems).length > 0 ? problems : null;
}
