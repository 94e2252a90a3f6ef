import { MODALITIES } from '@visitt/domain';
import { z } from 'zod';

export const Uuid = z.uuid();

/**
 * The years any date or instant of the API may fall in: wide enough for birth dates and long
 * validity periods, narrow enough that no date arithmetic (JavaScript, Temporal, PostgreSQL)
 * overflows. Business rules (booking horizon, notice) narrow it further where they apply.
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

// Both formats start with exactly four digits of year (no signed or extended years).
const isSaneYear = (value: string) => {
  const year = Number(value.slice(0, 4));
  return year >= MIN_YEAR && year <= MAX_YEAR;
};

/**
 * An instant as ISO 8601 with an offset, e.g. `2026-11-30T08:00:00+01:00`, in the sane years and
 * to the nanosecond at most (as Temporal reads it).
 */
export const DateTime = z.iso
  .datetime({ offset: true })
  .refine(isSaneYear, `A time in the years ${MIN_YEAR}–${MAX_YEAR}`)
  .refine((value) => !/\.\d{10}/.test(value), 'At most nine digits of fractional seconds');
/** A calendar date `YYYY-MM-DD`, in the sane years. */
export const LocalDateString = z.iso
  .date()
  .refine(isSaneYear, `A date in the years ${MIN_YEAR}–${MAX_YEAR}`);
export const Modality = z.enum(MODALITIES);
export type Modality = z.infer<typeof Modality>;
/** Norwegian bokmål (the default), Norwegian nynorsk, English. */
export const Locale = z.enum(['nb', 'nn', 'en']);
export type Locale = z.infer<typeof Locale>;

export const Email = z.email().max(254);
/**
 * A mobile number as typed: digits, spaces, `+`, `-`, parentheses. The server normalizes it to
 * E.164 (8 digits without a country code are Norwegian).
 */
export const Phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ()-]{6,18}[0-9]$/, 'A mobile number such as +47 912 34 567');

export const IdParams = z.strictObject({ id: Uuid });
export const ClinicParams = z.strictObject({ clinicId: Uuid });

// eslint-disable-next-line no-control-regex -- control characters are exactly what it finds
const NO_CONTROL_CHARACTERS = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]*$/;
// eslint-disable-next-line no-control-regex -- control characters are exactly what it finds
const NO_CONTROL_CHARACTERS_AT_ALL = /^[^\u0000-\u001F\u007F-\u009F]*$/;
const CONTROL_CHARACTERS_MESSAGE = 'Control characters are not allowed';

/**
 * Free text as people type it: trimmed, at most `max` characters, line breaks and tabs allowed,
 * other control characters (NUL above all, which PostgreSQL cannot store) refused.
 */
export const PlainText = (max: number) =>
  z.string().trim().max(max).regex(NO_CONTROL_CHARACTERS, CONTROL_CHARACTERS_MESSAGE);

/**
 * Text kept exactly as sent (not trimmed), such as a session description: at most `max`
 * characters, line breaks and tabs allowed, other control characters refused.
 */
export const RawText = (max: number) =>
  z.string().max(max).regex(NO_CONTROL_CHARACTERS, CONTROL_CHARACTERS_MESSAGE);

/**
 * One line kept exactly as sent (passwords, URLs, tokens, paths): at most `max` characters, no
 * control characters at all, line breaks and tabs included.
 */
export const SingleLine = (max: number) =>
  z.string().max(max).regex(NO_CONTROL_CHARACTERS_AT_ALL, CONTROL_CHARACTERS_MESSAGE);
