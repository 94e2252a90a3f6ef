import type { AdminClinic, UpdateClinicBody } from '@visitt/contracts';
import { formatPhoneNumber, normalizePhoneInput } from '../notifications/contact-format';

/** The profile form as typed. */
export interface ClinicDraft {
  name: string;
  address: string;
  town: string;
  /** The clinic's phone number as typed; empty for none. */
  phone: string;
  timeZone: string;
  listed: boolean;
  requireStrongAuthForVideo: boolean;
  language: AdminClinic['language'];
}

export type ClinicTextField = 'name' | 'address' | 'town';
/** The fields the form checks before saving. */
export type ClinicField = ClinicTextField | 'phone';
export type ClinicProblem =
  { kind: 'required' } | { kind: 'tooLong'; max: number } | { kind: 'notAPhoneNumber' };

/** The contract's limits (`UpdateClinicBody`). */
export const CLINIC_TEXT_MAX: Record<ClinicTextField, number> = {
  name: 120,
  address: 200,
  town: 120,
};

/**
 * The form filled from the saved profile (empty text for a missing address, town or phone
 * number; the number written the way people read it).
 */
export function toClinicDraft(clinic: AdminClinic): ClinicDraft {
  return {
    name: clinic.name,
    address: clinic.address ?? '',
    town: clinic.town ?? '',
    phone: clinic.phone == null ? '' : formatPhoneNumber(clinic.phone),
    timeZone: clinic.timeZone,
    listed: clinic.listed,
    requireStrongAuthForVideo: clinic.requireStrongAuthForVideo,
    language: clinic.language,
  };
}

/**
 * The body to save for `draft` (text trimmed; an empty address, town or phone number becomes
 * null; the number in the server's form, `+4722334455`), or the problems per field: the name is
 * required, no text may be longer than the API takes, and the phone number must be one (the
 * server's rule: 8 digits are a Norwegian number, others start with + or 00).
 */
export function checkClinicDraft(
  draft: ClinicDraft,
):
  | { ok: true; body: UpdateClinicBody }
  | { ok: false; problems: Partial<Record<ClinicField, ClinicProblem>> } {
  const text = {
    name: draft.name.trim(),
    address: draft.address.trim(),
    town: draft.town.trim(),
  };
  const problems: Partial<Record<ClinicField, ClinicProblem>> = {};
  if (text.name === '') problems.name = { kind: 'required' };
  for (const field of Object.keys(text) as ClinicTextField[]) {
    if (text[field].length > CLINIC_TEXT_MAX[field])
      problems[field] = { kind: 'tooLong', max: CLINIC_TEXT_MAX[field] };
  }
  const typedPhone = draft.phone.trim();
  const phone = typedPhone === '' ? null : normalizePhoneInput(typedPhone);
  if (typedPhone !== '' && phone == null) problems.phone = { kind: 'notAPhoneNumber' };
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    body: {
      name: text.name,
      address: text.address || null,
      town: text.town || null,
      phone,
      timeZone: draft.timeZone,
      listed: draft.listed,
      requireStrongAuthForVideo: draft.requireStrongAuthForVideo,
      language: draft.language,
    },
  };
}
