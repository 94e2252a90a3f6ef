import { z } from 'zod';

export const Uuid = z.uuid();
/** An instant as ISO 8601 with an offset, e.g. `2026-11-30T08:00:00+01:00`. */
export const DateTime = z.iso.datetime({ offset: true });
export const LocalDateString = z.iso.date();
export const Modality = z.enum(['video', 'in_person']);
export type Modality = z.infer<typeof Modality>;
export const Locale = z.enum(['nb', 'en']);
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
const NO_CONTROL_CHARACTERS = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;

/**
 * Free text as people type it: trimmed, at most `max` characters, line breaks and tabs allowed,
 * other control characters (NUL above all, which PostgreSQL cannot store) refused.
 */
export const PlainText = (max: number) =>
  z.string().trim().max(max).regex(NO_CONTROL_CHARACTERS, 'Control characters are not allowed');
