import { STAFF_ROLES, checkBirthDate } from '@visitt/domain';
import { z } from 'zod';
import { Email, Locale, MAX_YEAR, Phone, PlainText, SingleLine, Uuid } from './common';

export const RequestCodeBody = z
  .union([z.strictObject({ email: Email }), z.strictObject({ phone: Phone })])
  .meta({ id: 'RequestCodeBody' });
export type RequestCodeBody = z.infer<typeof RequestCodeBody>;

export const OneTimeCode = z.string().regex(/^\d{6}$/, 'Six digits');

export const VerifyCodeBody = z
  .union([
    z.strictObject({ email: Email, code: OneTimeCode }),
    z.strictObject({ phone: Phone, code: OneTimeCode }),
  ])
  .meta({ id: 'VerifyCodeBody' });
export type VerifyCodeBody = z.infer<typeof VerifyCodeBody>;

export const PasswordSignInBody = z
  .strictObject({ email: Email, password: SingleLine(200).min(1) })
  .meta({ id: 'PasswordSignInBody' });
export type PasswordSignInBody = z.infer<typeof PasswordSignInBody>;

export const StaffRole = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof StaffRole>;

export const Membership = z.object({
  clinicId: Uuid,
  clinicName: z.string(),
  roles: z.array(StaffRole),
  practitionerId: Uuid.nullable(),
});
export type Membership = z.infer<typeof Membership>;

export const Me = z
  .object({
    id: Uuid,
    /** The display name: given and family name once both are set. */
    name: z.string().nullable(),
    /** Who the patient is, for the clinic to find the journal; null until given. */
    givenName: z.string().nullable(),
    familyName: z.string().nullable(),
    /** `YYYY-MM-DD`. */
    birthDate: z.string().nullable(),
    email: z.string().nullable(),
    emailVerified: z.boolean(),
    phone: z.string().nullable(),
    phoneVerified: z.boolean(),
    locale: Locale.nullable(),
    memberships: z.array(Membership),
    /**
     * This session was signed in strongly (OpenID Connect, e.g. ID-porten at the required level):
     * clinics that require strong sign-in for video consultations accept it.
     */
    strongAuth: z.boolean(),
    /**
     * This session came from a staff sign-in (password and TOTP, or the staff identity provider):
     * only such a session may use staff and administration endpoints.
     */
    staffSession: z.boolean(),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof Me>;

/** Longest given or family name. */
export const PERSON_NAME_MAX_LENGTH = 120;

/** A given or family name: trimmed, 1–120 characters, on one line (no control characters). */
export const PersonName = PlainText(PERSON_NAME_MAX_LENGTH).pipe(
  SingleLine(PERSON_NAME_MAX_LENGTH).min(1),
);

/**
 * A date of birth `YYYY-MM-DD`, checked by the domain's rule as far as no clock is needed: a
 * refused one's issue has the rule's reason as its message (`invalid`, `too_early`), which a
 * client can put in its own words. The server adds `future` by its clock.
 */
export const BirthDateString = z.iso
  .date({ error: 'invalid', abort: true })
  .superRefine((date, ctx) => {
    const decision = checkBirthDate(date, `${MAX_YEAR}-12-31`);
    if (!decision.ok) ctx.addIssue({ code: 'custom', message: decision.reason });
  });

export const UpdateMeBody = z
  .strictObject({
    /** The display name; once given and family name are both set, it is made from them instead. */
    name: PlainText(120).pipe(z.string().min(1)).optional(),
    givenName: PersonName.optional(),
    familyName: PersonName.optional(),
    /**
     * `YYYY-MM-DD`, from 1900 on; a date that has not yet begun anywhere on Earth is refused by the
     * server, which knows what day it is. A refusal is 400 `validation_failed` with an issue for
     * `birthDate` whose message says why: `invalid`, `too_early` or `future`.
     */
    birthDate: BirthDateString.optional(),
    locale: Locale.optional(),
  })
  .meta({ id: 'UpdateMeBody' });
export type UpdateMeBody = z.infer<typeof UpdateMeBody>;

export const CodeSent = z
  .object({
    channel: z.enum(['email', 'sms']),
    /** Seconds the code is valid. */
    expiresIn: z.number().int(),
  })
  .meta({ id: 'CodeSent' });
export type CodeSent = z.infer<typeof CodeSent>;
