import { PERSON_NAME_MAX_LENGTH, PersonName } from '@visitt/contracts';
import { checkBirthDate, parseLocalDate, type BirthDateRefusal } from '@visitt/domain';
import type { TranslationKey } from '../../i18n/catalogue';

/** What the patient types: given name, family name, date of birth (`YYYY-MM-DD` or empty). */
export interface ProfileValues {
  givenName: string;
  familyName: string;
  birthDate: string;
}

export type ProfileField = keyof ProfileValues;

/** A field's problem as a catalogue key and its placeholders. */
export interface FieldProblem {
  key: TranslationKey;
  vars?: Record<string, string | number>;
}

export type ProfileProblems = Partial<Record<ProfileField, FieldProblem>>;

const BIRTH_DATE_PROBLEMS = {
  invalid: 'profile.birthDateInvalid',
  too_early: 'profile.birthDateTooEarly',
  future: 'profile.birthDateFuture',
} as const satisfies Record<BirthDateRefusal, TranslationKey>;

function nameProblem(value: string, field: 'givenName' | 'familyName'): FieldProblem | undefined {
  const trimmed = value.trim();
  if (trimmed === '')
    return {
      key: field === 'givenName' ? 'profile.givenNameRequired' : 'profile.familyNameRequired',
    };
  const label = field === 'givenName' ? 'profile.givenName' : 'profile.familyName';
  if (trimmed.length > PERSON_NAME_MAX_LENGTH)
    return { key: 'profile.nameTooLong', vars: { field: label, max: PERSON_NAME_MAX_LENGTH } };
  if (!PersonName.safeParse(trimmed).success)
    return { key: 'profile.nameInvalid', vars: { field: label } };
  return undefined;
}

/**
 * The problems of what was typed, per field (none: it may be saved), checked as the server will:
 * names 1–120 characters on one line, a real date from 1900 that is not after `today`
 * (`YYYY-MM-DD`, the browser's own date; the server checks again with its clock). A name's
 * `field` placeholder holds the catalogue key of its label, for the caller to translate.
 */
export function checkProfile(values: ProfileValues, today: string): ProfileProblems {
  const problems: ProfileProblems = {};
  const given = nameProblem(values.givenName, 'givenName');
  if (given) problems.givenName = given;
  const family = nameProblem(values.familyName, 'familyName');
  if (family) problems.familyName = family;
  const date = values.birthDate.trim();
  if (date === '') {
    problems.birthDate = { key: 'profile.birthDateRequired' };
    return problems;
  }
  const decision = checkBirthDate(date, today);
  if (!decision.ok) problems.birthDate = { key: BIRTH_DATE_PROBLEMS[decision.reason] };
  return problems;
}

/** One issue of a 400 `validation_failed` answer: the field, and why. */
export interface ServerIssue {
  path: string;
  message: string;
}

const isBirthDateRefusal = (reason: string): reason is BirthDateRefusal =>
  Object.hasOwn(BIRTH_DATE_PROBLEMS, reason);

/**
 * The problems per field in the server's refusal of what {@link checkProfile} passed (they can
 * disagree: the server's clock may say a date has not begun yet). A date of birth is worded by the
 * reason the server gives, the domain's (a date without one is said to be invalid); a name the
 * server refused is said to be refused. Null when no issue names a field of the form.
 */
export function serverProblems(issues: readonly ServerIssue[]): ProfileProblems | null {
  const problems: ProfileProblems = {};
  for (const { path, message } of issues) {
    if (path === 'birthDate' && !problems.birthDate)
      problems.birthDate = {
        key: BIRTH_DATE_PROBLEMS[isBirthDateRefusal(message) ? message : 'invalid'],
      };
    if ((path === 'givenName' || path === 'familyName') && !problems[path])
      problems[path] = {
        key: 'profile.nameRefused',
        vars: { field: path === 'givenName' ? 'profile.givenName' : 'profile.familyName' },
      };
  }
  return Object.keys(problems).length > 0 ? problems : null;
}

/** A date of birth as typed in its three fields. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` split into its fields (empty fields for none). */
export function splitDate(date: string | null): DateParts {
  const match = date ? DATE.exec(date) : null;
  return match
    ? { day: match[3]!, month: match[2]!, year: match[1]! }
    : { day: '', month: '', year: '' };
}

/**
 * The three fields as `YYYY-MM-DD`: empty when all are empty, `invalid` when a field is not
 * digits (one or two for day and month, four for the year), else the date padded (which
 * {@link checkProfile} then checks is real).
 */
export function joinDate(parts: DateParts): string {
  const [day, month, year] = [parts.day.trim(), parts.month.trim(), parts.year.trim()];
  if (day === '' && month === '' && year === '') return '';
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return 'invalid';
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** What PATCH /api/v1/me is sent: the names trimmed. */
export function profileBody(values: ProfileValues): ProfileValues {
  return {
    givenName: values.givenName.trim(),
    familyName: values.familyName.trim(),
    birthDate: values.birthDate.trim(),
  };
}

/** A date of birth for staff screens, as the locale writes dates in figures: 17.05.1980. */
export function formatBirthDate(date: string, intlLocale: string): string {
  if (!parseLocalDate(date)) return date;
  return new Intl.DateTimeFormat(intlLocale, {
    timeZone: 'UTC',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(Date.parse(`${date}T12:00:00Z`));
}
