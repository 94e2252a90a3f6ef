import { Email, PlainText, type GuestRole, type InviteGuestBody } from '@visitt/contracts';
import type { TranslationKey } from '../../i18n/catalogue';
import { normalizeEmailInput, normalizePhoneInput } from '../notifications/contact-format';

/** How the guest gets the link: sent by SMS or e-mail, or copied by the practitioner. */
export type GuestDelivery = 'sms' | 'email' | 'link';

export const GUEST_NAME_MAX_LENGTH = 120;

/** What the practitioner has filled in (a role not chosen yet is null). */
export interface InviteValues {
  name: string;
  role: GuestRole | null;
  delivery: GuestDelivery;
  phone: string;
  email: string;
}

export type InviteField = 'name' | 'role' | 'phone' | 'email';

/** A field's problem as a catalogue key and its placeholders. */
export interface InviteProblem {
  key: TranslationKey;
  vars?: Record<string, string | number>;
}

export type InviteProblems = Partial<Record<InviteField, InviteProblem>>;

/** The fields in the order of the form, for moving focus to the first one with a problem. */
export const INVITE_FIELDS: readonly InviteField[] = ['name', 'role', 'phone', 'email'];

const nameSchema = PlainText(GUEST_NAME_MAX_LENGTH);

/**
 * The body to send for `values`, or the problems of each field, checked as the server will: a
 * name of 1–120 characters on one line, a role, and for SMS a mobile number (8 digits are
 * Norwegian; sent in E.164), for e-mail an address. For `link` neither is sent.
 */
export function checkInvite(
  values: InviteValues,
): { ok: true; body: InviteGuestBody } | { ok: false; problems: InviteProblems } {
  const problems: InviteProblems = {};
  const name = values.name.trim();
  if (name === '') problems.name = { key: 'guests.form.nameMissing' };
  else if (name.length > GUEST_NAME_MAX_LENGTH)
    problems.name = { key: 'guests.form.nameTooLong', vars: { max: GUEST_NAME_MAX_LENGTH } };
  else if (!nameSchema.safeParse(name).success) problems.name = { key: 'guests.form.nameInvalid' };
  if (values.role == null) problems.role = { key: 'guests.form.roleMissing' };

  let address: { phone: string } | { email: string } | null = null;
  if (values.delivery === 'sms') {
    const phone = normalizePhoneInput(values.phone);
    if (values.phone.trim() === '') problems.phone = { key: 'guests.form.phoneMissing' };
    else if (phone == null) problems.phone = { key: 'guests.form.phoneInvalid' };
    else address = { phone };
  } else if (values.delivery === 'email') {
    const email = normalizeEmailInput(values.email);
    if (email === '') problems.email = { key: 'guests.form.emailMissing' };
    else if (!Email.safeParse(email).success) problems.email = { key: 'guests.form.emailInvalid' };
    else address = { email };
  }

  if (Object.keys(problems).length > 0 || values.role == null) return { ok: false, problems };
  return { ok: true, body: { name, role: values.role, ...address } };
}

/**
 * The problems the server found with a `validation_failed` answer, per field (by the issue's
 * path), or null when none of them is about a field of the form.
 */
export function serverProblems(
  issues: readonly { path: string }[],
  delivery: GuestDelivery,
): InviteProblems | null {
  const problems: InviteProblems = {};
  for (const { path } of issues) {
    const field = path.split('.')[0];
    if (field === 'name') problems.name = { key: 'guests.form.nameInvalid' };
    else if (field === 'role') problems.role = { key: 'guests.form.roleMissing' };
    // The contract puts "not both" on `phone`: point at the field of the chosen way.
    else if (field === 'phone' && delivery === 'sms')
      problems.phone = { key: 'guests.form.phoneInvalid' };
    else if (field === 'email' && delivery === 'email')
      problems.email = { key: 'guests.form.emailInvalid' };
  }
  return Object.keys(problems).length > 0 ? problems : null;
}
