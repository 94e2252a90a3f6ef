import type { AdminClinic, UpdateClinicBody } from '@visitt/contracts';

/** The profile form as typed. */
export interface ClinicDraft {
  name: string;
  address: string;
  town: string;
  timeZone: string;
  listed: boolean;
  requireStrongAuthForVideo: boolean;
  language: AdminClinic['language'];
}

export type ClinicTextField = 'name' | 'address' | 'town';
export type ClinicProblem = { kind: 'required' } | { kind: 'tooLong'; max: number };

/** The contract's limits (`UpdateClinicBody`). */
export const CLINIC_TEXT_MAX: Record<ClinicTextField, number> = {
  name: 120,
  address: 200,
  town: 120,
};

/** The form filled from the saved profile (empty text for a missing address or town). */
export function toClinicDraft(clinic: AdminClinic): ClinicDraft {
  return {
    name: clinic.name,
    address: clinic.address ?? '',
    town: clinic.town ?? '',
    timeZone: clinic.timeZone,
    listed: clinic.listed,
    requireStrongAuthForVideo: clinic.requireStrongAuthForVideo,
    language: clinic.language,
  };
}

/**
 * The body to save for `draft` (text trimmed; an empty address or town becomes null), or the
 * problems per field: the name is required, and no text may be longer than the API takes.
 */
export function checkClinicDraft(
  draft: ClinicDraft,
):
  | { ok: true; body: UpdateClinicBody }
  | { ok: false; problems: Partial<Record<ClinicTextField, ClinicProblem>> } {
  const text = {
    name: draft.name.trim(),
    address: draft.address.trim(),
    town: draft.town.trim(),
  };
  const problems: Partial<Record<ClinicTextField, ClinicProblem>> = {};
  if (text.name === '') problems.name = { kind: 'required' };
  for (const field of Object.keys(text) as ClinicTextField[]) {
    if (text[field].length > CLINIC_TEXT_MAX[field])
      problems[field] = { kind: 'tooLong', max: CLINIC_TEXT_MAX[field] };
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    body: {
      name: text.name,
      address: text.address || null,
      town: text.town || null,
      timeZone: draft.timeZone,
      listed: draft.listed,
      requireStrongAuthForVideo: draft.requireStrongAuthForVideo,
      language: draft.language,
    },
  };
}
