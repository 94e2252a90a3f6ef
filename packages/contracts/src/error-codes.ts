// Without zod: the web client's first page reads error answers with these alone.

/**
 * Every error code the API answers with, and the HTTP status it goes with.
 * The web client translates codes; `message` is for developers reading the API.
 */
export const errorStatus = {
  /** The body, query or path did not match the schema. Fix the request. */
  validation_failed: 400,
  /** The request is malformed in a way the schema cannot say (bad JSON, wrong content type). */
  bad_request: 400,
  /** No session, or it expired. Sign in again. */
  unauthorized: 401,
  /** Signed in, but this role may not do this. */
  forbidden: 403,
  /** A state-changing request came from another site. */
  bad_origin: 403,
  /** Staff pages need a staff sign-in (password and authenticator code, or HelseID). */
  staff_sign_in_required: 403,
  /** The thing does not exist, or belongs to someone else. Never tells which. */
  not_found: 404,
  /** Someone booked the time first. Show the remaining times. */
  slot_taken: 409,
  /** Already cancelled; nothing to do. */
  already_cancelled: 409,
  /**
   * The patient has not given their given name, family name and date of birth, which the clinic
   * needs to know who they are. Save them with PATCH /api/v1/me and book again. Nothing was booked.
   */
  profile_incomplete: 409,
  /** The time is not a free slot of this practitioner and type (outside hours, misaligned). */
  slot_unavailable: 422,
  /** The start is sooner than the type's minimum notice allows. */
  too_soon: 422,
  /** The start is further ahead than the type may be booked. */
  beyond_horizon: 422,
  /** The type cannot be booked online, or the practitioner does not offer it. */
  not_bookable: 422,
  /** The cancellation deadline has passed: the clinic must be called. */
  past_cancellation_deadline: 422,
  /** The appointment is over or not in a state that can be cancelled. */
  not_cancellable: 422,
  /** The one-time code is wrong, expired, used up or never sent. Ask for a new one. */
  invalid_code: 401,
  /** Wrong e-mail or password. */
  invalid_credentials: 401,
  /**
   * No staff sign-in is waiting for its second step: never started, older than 5 minutes, or
   * ended by 5 wrong codes. Start again with e-mail and password.
   */
  sign_in_expired: 401,
  /** The sign-in under way is at another step (code vs. setting up the authenticator app). */
  wrong_sign_in_step: 409,
  /**
   * Ten failed sign-in attempts in a row: the account is locked for 15 minutes. Wait for the time
   * in `Retry-After` (the message says when); a successful sign-in afterwards unlocks it for good.
   */
  account_locked: 429,
  /**
   * The clinic requires strong sign-in (ID-porten / BankID) for video consultations and this
   * session was signed in with a one-time code. Sign in with the identity provider and try again.
   */
  strong_auth_required: 403,
  /**
   * OpenID Connect sign-in is not configured here, or the identity provider cannot be reached.
   * Sign in another way, or try again later. (Sent as `?feil=` on the sign-in page.)
   */
  oidc_unavailable: 503,
  /**
   * The identity provider's answer was refused (cancelled, expired, replayed, or it failed a
   * check). Start the sign-in again. (Sent as `?feil=` on the sign-in page.)
   */
  oidc_failed: 401,
  /**
   * The identity provider signed the person in at a lower level of assurance than required
   * (e.g. MinID instead of BankID). Sign in again with a stronger method.
   */
  oidc_acr_too_low: 403,
  /**
   * No staff account is linked to this identity. Sign in with e-mail, password and code once,
   * and link the identity provider from the workspace.
   */
  oidc_not_linked: 403,
  /** The identity is already linked to another account; it cannot be linked to this one too. */
  oidc_identity_in_use: 409,
  /** The video consultation opens 15 minutes before the start; try again then. */
  too_early: 403,
  /** The video consultation could be started until 2 hours after the start; book again. */
  too_late: 403,
  /** An in-person appointment has no video consultation. */
  not_video: 403,
  /** This appointment's video room is not open to you (cancelled, or not yours to enter). */
  not_allowed: 403,
  /** The patient has not started the video consultation yet; the workspace will tell you. */
  not_started: 403,
  /** Changing contact details needs a sign-in within the last 15 minutes. Sign in again. */
  reauth_required: 401,
  /** The e-mail address or mobile number belongs to another account. */
  address_in_use: 409,
  /** A channel can be turned on only for a verified address or number. Verify it first. */
  contact_not_verified: 422,
  /** Too many attempts. Wait for the time in `Retry-After`. */
  rate_limited: 429,
  /**
   * The channel (e-mail or SMS) cannot be used on this installation. For an accessibility report:
   * the operator has set no accessibility contact (`VISITT_ACCESSIBILITY_EMAIL`, see
   * GET /api/v1/accessibility) or the e-mail could not be sent; contact the clinic instead.
   */
  channel_unavailable: 503,
  /**
   * SMS goes only to the countries this installation allows (the Nordic countries by default):
   * the mobile number is from another one. Use an e-mail address, or a number from those countries.
   */
  sms_country_not_allowed: 422,
  /** The change would leave the clinic without an active administrator. Make someone else one first. */
  last_admin: 422,
  /**
   * The change of hours, closures or time zone would put booked appointments outside the open
   * hours; the body lists them. Send again with `confirm: true` to save anyway.
   */
  hours_conflict: 409,
  /** The invitation link has expired. Ask the clinic for a new invitation. */
  invitation_expired: 410,
  /** The invitation has been used already. Sign in; ask the clinic if you have no access. */
  invitation_used: 410,
  /** The clinic withdrew the invitation. Ask the clinic. */
  invitation_revoked: 410,
  /** The invitation was sent to another e-mail address. Sign in with that address. */
  invitation_email_mismatch: 403,
  /** The person is already active staff of the clinic. Change their roles instead. */
  already_member: 409,
  /** A practitioner given is not one of this clinic's. Reload the list of practitioners. */
  unknown_practitioner: 422,
  /** Completed or no-show can be marked once the appointment has begun. */
  status_too_early: 422,
  /** The consultation has the most guests it may have (two besides patient and practitioner). */
  too_many_guests: 409,
  /** The guest link is open in another browser. Close it there, or wait a minute and try again. */
  link_in_use: 409,
  /** A guest is let in only while the practitioner is in the call. Enter the video room first. */
  not_in_call: 409,
  /** The guest is not waiting to be let in: not in the room, or in the call already. */
  guest_not_waiting: 409,
  /** The patient has not asked for an in-person appointment instead (or asked and was answered). */
  no_in_person_request: 409,
  /** The clinic has answered the request already; the patient may ask again. */
  already_answered: 409,
  /** The practitioner withdrew this guest link. Ask them for a new one. */
  guest_link_revoked: 410,
  /** The practitioner took this guest out of the consultation; the link no longer works. */
  guest_removed: 410,
  /** No guest link is open in this browser (or it stopped working). Open the link again. */
  guest_link_required: 401,
  /** A bug or an outage on our side. */
  internal: 500,
} as const satisfies Record<string, number>;

/** An error code (also exported as `ErrorCode`, beside its schema). */
export type ErrorCodeName = keyof typeof errorStatus;

/** Whether `value` is one of the API's error codes. */
export function isErrorCode(value: unknown): value is ErrorCodeName {
  return typeof value === 'string' && Object.hasOwn(errorStatus, value);
}
