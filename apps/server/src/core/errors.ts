import { errorStatus, type ApiError, type ErrorCode } from '@visitt/contracts';

/** A refusal the client should see: the code decides the status via the contract's table. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
    /** For `validation_failed` found past the schema: which fields, and why. */
    readonly issues?: NonNullable<ApiError['issues']>,
  ) {
    super(message);
  }
  get status(): number {
    return errorStatus[this.code];
  }
}

/** Human text per code, for API readers; the web client translates the code itself. */
export const defaultMessages: Record<ErrorCode, string> = {
  validation_failed: 'The request does not match the schema.',
  bad_request: 'The request could not be read.',
  unauthorized: 'Sign in first.',
  forbidden: 'You may not do this.',
  bad_origin: 'This request must come from the Visitt web client.',
  not_found: 'Not found.',
  staff_sign_in_required: 'Sign in as staff (password and authenticator code) to do this.',
  slot_taken: 'Someone else booked this time a moment ago. Choose another time.',
  already_cancelled: 'The appointment is already cancelled.',
  profile_incomplete:
    'Give your given name, family name and date of birth (PATCH /api/v1/me) before booking.',
  slot_unavailable: 'This time is not a free time of the practitioner.',
  too_soon: 'This time is too soon to be booked online.',
  beyond_horizon: 'This time is too far ahead to be booked yet.',
  not_bookable: 'This appointment type cannot be booked online with this practitioner.',
  past_cancellation_deadline: 'The deadline for cancelling online has passed. Call the clinic.',
  not_cancellable: 'This appointment can no longer be cancelled.',
  too_early: 'The video consultation opens 15 minutes before the appointment starts.',
  too_late:
    'The video consultation could be started until 2 hours after the start. Book a new appointment.',
  not_video: 'This appointment is not a video consultation.',
  not_allowed: 'This video room is not open to you.',
  not_started: 'The patient has not started the video consultation yet.',
  reauth_required: 'Sign in again to change your contact details.',
  address_in_use: 'This address belongs to another account.',
  contact_not_verified: 'Verify this address or number first.',
  invalid_code: 'The code is wrong or no longer valid. Ask for a new code.',
  invalid_credentials: 'Wrong e-mail or password.',
  sign_in_expired:
    'No sign-in is waiting for a code (it took more than 5 minutes, or too many wrong codes). Start again with e-mail and password.',
  wrong_sign_in_step: 'This step does not fit the sign-in under way.',
  account_locked:
    'Too many failed sign-in attempts: the account is locked for 15 minutes. Try again later.',
  strong_auth_required:
    'This clinic requires strong sign-in (ID-porten) for video consultations. Sign in with ID-porten and try again.',
  oidc_unavailable: 'Sign-in with the identity provider is not available right now.',
  oidc_failed: 'The sign-in with the identity provider did not succeed. Start again.',
  oidc_acr_too_low:
    'The identity provider signed you in at a lower security level than required. Sign in with a stronger method.',
  oidc_not_linked:
    'No staff account is linked to this identity. Sign in with e-mail, password and code, and link it from the workspace.',
  oidc_identity_in_use: 'This identity is already linked to another account.',
  rate_limited: 'Too many attempts. Try again later.',
  channel_unavailable: 'This way of signing in is not available here.',
  sms_country_not_allowed:
    'SMS is not sent to numbers from this country. Use an e-mail address or a Nordic mobile number.',
  last_admin: 'The clinic must keep at least one active administrator.',
  hours_conflict:
    'Booked appointments would be outside the opening hours. Send again with confirm: true to save anyway.',
  invitation_expired: 'This invitation has expired. Ask the clinic for a new one.',
  invitation_used: 'This invitation has already been used.',
  invitation_revoked: 'The clinic has withdrawn this invitation.',
  invitation_email_mismatch:
    'This invitation was sent to another e-mail address. Sign in with that address.',
  already_member: 'This person is already staff of the clinic.',
  unknown_practitioner: 'A practitioner given does not belong to this clinic.',
  status_too_early: 'The appointment can be marked once it has begun.',
  too_many_guests: 'The consultation has the most guests it may have.',
  link_in_use: 'This guest link is open in another browser. Close it there or wait a minute.',
  not_in_call: 'Enter the video room first: guests are let in only while you are in the call.',
  guest_not_waiting: 'The guest is not waiting to be let in.',
  no_in_person_request: 'The patient has not asked for an in-person appointment instead.',
  already_answered: 'The request has been answered; the patient may ask again.',
  guest_link_revoked: 'The practitioner withdrew this guest link.',
  guest_removed: 'The practitioner took you out of the consultation.',
  guest_link_required: 'Open your guest link first.',
  internal: 'Something went wrong on our side.',
};

/**
 * 400 `validation_failed` for one field the schema let through, with why as a word a client can
 * act on (the issue's message); `message` says it for people reading the API.
 */
export const invalidField = (path: string, reason: string, message: string): AppError =>
  new AppError('validation_failed', message, {}, [{ path, message: reason }]);

export const fail = (
  code: ErrorCode,
  message = defaultMessages[code],
  headers?: Record<string, string>,
): AppError => new AppError(code, message, headers);
