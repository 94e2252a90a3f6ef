import { STAFF_ROLES } from '@visitt/domain';
import { z } from 'zod';
import { Email, Locale, Phone, PlainText, SingleLine, Uuid } from './common';

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
    name: z.string().nullable(),
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

export const UpdateMeBody = z
  .strictObject({
    name: PlainText(120).pipe(z.string().min(1)).optional(),
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
