import { z } from 'zod';
import { Me, OneTimeCode } from './auth';
import { Email, SingleLine } from './common';

/**
 * Strong sign-in: the staff's second factor (TOTP from an authenticator app, recovery codes) and
 * OpenID Connect sign-in (ID-porten style for patients, HelseID style for staff).
 */

/** What comes after a correct password: the code from the app, or setting the app up first. */
export const PasswordStep = z.object({ next: z.enum(['totp', 'enrol']) }).meta({
  id: 'PasswordStep',
  description:
    'The password was right; no session yet. `totp`: send the code from the authenticator app to /auth/totp. `enrol`: set the app up (/auth/totp/enrolment) first.',
});
export type PasswordStep = z.infer<typeof PasswordStep>;

/** A recovery code as printed (`abcd-2345`); spaces, hyphens and case do not matter. */
export const RecoveryCode = z
  .string()
  .trim()
  .max(20)
  .regex(/^[A-Za-z0-9]{4}[ -]?[A-Za-z0-9]{4}$/, 'A recovery code such as abcd-2345');

/** The second step: the six digits from the authenticator app, or one unused recovery code. */
export const SecondFactorBody = z
  .union([z.strictObject({ code: OneTimeCode }), z.strictObject({ recoveryCode: RecoveryCode })])
  .meta({ id: 'SecondFactorBody' });
export type SecondFactorBody = z.infer<typeof SecondFactorBody>;

/** A new authenticator secret, not yet confirmed. */
export const TotpEnrolment = z
  .object({
    /** `otpauth://totp/Visitt:<e-mail>?secret=…&issuer=Visitt` for apps that take a link. */
    otpauthUri: z.string(),
    /**
     * The same link as a QR code: an SVG made by the server from the link alone (paths only, no
     * text or scripts), safe to show inline.
     */
    qrSvg: z.string(),
    /** The secret in base32, for typing into an app by hand. */
    secret: z.string(),
  })
  .meta({ id: 'TotpEnrolment' });
export type TotpEnrolment = z.infer<typeof TotpEnrolment>;

export const TotpCodeBody = z.strictObject({ code: OneTimeCode }).meta({ id: 'TotpCodeBody' });
export type TotpCodeBody = z.infer<typeof TotpCodeBody>;

/** Ten single-use recovery codes, shown this once: only their hashes are kept. */
export const RecoveryCodes = z
  .object({ recoveryCodes: z.array(z.string()) })
  .meta({ id: 'RecoveryCodes' });
export type RecoveryCodes = z.infer<typeof RecoveryCodes>;

/** The authenticator app is set up; the session has started. */
export const EnrolmentConfirmed = z
  .object({ recoveryCodes: z.array(z.string()), me: Me })
  .meta({ id: 'EnrolmentConfirmed' });
export type EnrolmentConfirmed = z.infer<typeof EnrolmentConfirmed>;

/** The signed-in user's second factor as the workspace shows it. */
export const TotpStatus = z
  .object({
    enrolled: z.boolean(),
    /** Unused recovery codes left; regenerate when few are left. */
    recoveryCodesLeft: z.number().int(),
  })
  .meta({ id: 'TotpStatus' });
export type TotpStatus = z.infer<typeof TotpStatus>;

export const OidcKind = z.enum(['patient', 'staff']);
export type OidcKind = z.infer<typeof OidcKind>;

export const OidcKindParams = z.strictObject({ kind: OidcKind });

export const OidcStartQuery = z.strictObject({
  /** Where to go afterwards: a path on this site (anything else is replaced by the start page). */
  next: SingleLine(2000).optional(),
  /** `1`: link the identity to the signed-in account instead of signing in to another. */
  link: z.enum(['1']).optional(),
});
export type OidcStartQuery = z.infer<typeof OidcStartQuery>;

/** One configured identity provider, for the sign-in page's button. */
export const IdentityProvider = z.object({
  /** The name to show, e.g. `ID-porten` or `HelseID`. */
  name: z.string(),
  /** Where the button leads (add `?next=/path`). */
  startPath: z.string(),
});

/** Which OpenID Connect providers this installation has; `null` where none is configured. */
export const AuthProviders = z
  .object({ patient: IdentityProvider.nullable(), staff: IdentityProvider.nullable() })
  .meta({ id: 'AuthProviders' });
export type AuthProviders = z.infer<typeof AuthProviders>;

/** Demo only: the current TOTP code of a seeded demo staff account. */
export const DevTotpQuery = z.strictObject({ email: Email });
export const DevTotp = z
  .object({
    code: z.string(),
    /** Seconds the code stays valid (the server also accepts it for 30 s more). */
    validForSeconds: z.number().int(),
  })
  .meta({ id: 'DevTotp' });
export type DevTotp = z.infer<typeof DevTotp>;
