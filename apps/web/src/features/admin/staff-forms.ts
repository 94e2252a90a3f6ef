import {
  Email,
  type InviteStaffBody,
  type StaffRole,
  type UpdateStaffBody,
} from '@visitt/contracts';
import { sortRoles } from './admin-access';

/** The contract's limit for a practitioner's name and title. */
export const PRACTITIONER_TEXT_MAX = 120;

export type StaffFormField = 'email' | 'roles' | 'practitionerName' | 'practitionerTitle';
export type StaffFormProblem =
  'emailInvalid' | 'rolesRequired' | 'practitionerNameRequired' | 'tooLong';
export type StaffFormProblems = Partial<Record<StaffFormField, StaffFormProblem>>;

/** The roles form (also the roles part of the invitation form) as typed. */
export interface RolesDraft {
  roles: StaffRole[];
  practitionerName: string;
  practitionerTitle: string;
}

export interface InviteDraft extends RolesDraft {
  email: string;
  /** A practitioner of the clinic without an account that the invitation is for. */
  practitionerId?: string;
}

/**
 * Checks the roles and, when a practitioner row must be made (`needsPractitioner`: the person
 * becomes a practitioner and has none at this clinic), the name patients will see (required)
 * and the title (optional).
 */
function checkRoles(
  draft: RolesDraft,
  needsPractitioner: boolean,
): {
  problems: StaffFormProblems;
  extra: Pick<InviteStaffBody, 'practitionerName' | 'practitionerTitle'>;
} {
  const problems: StaffFormProblems = {};
  const extra: Pick<InviteStaffBody, 'practitionerName' | 'practitionerTitle'> = {};
  if (draft.roles.length === 0) problems.roles = 'rolesRequired';
  if (needsPractitioner) {
    const name = draft.practitionerName.trim();
    const title = draft.practitionerTitle.trim();
    if (name === '') problems.practitionerName = 'practitionerNameRequired';
    else if (name.length > PRACTITIONER_TEXT_MAX) problems.practitionerName = 'tooLong';
    else extra.practitionerName = name;
    if (title.length > PRACTITIONER_TEXT_MAX) problems.practitionerTitle = 'tooLong';
    else if (title !== '') extra.practitionerTitle = title;
  }
  return { problems, extra };
}

/**
 * The invitation to send for `draft`, or the problems per field. An invitation for an existing
 * practitioner names them only while the practitioner role is chosen.
 */
export function checkInviteDraft(
  draft: InviteDraft,
): { ok: true; body: InviteStaffBody } | { ok: false; problems: StaffFormProblems } {
  const email = draft.email.trim();
  const { problems, extra } = checkRoles(draft, draft.roles.includes('practitioner'));
  if (!Email.safeParse(email).success) problems.email = 'emailInvalid';
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  const practises = draft.roles.includes('practitioner');
  return {
    ok: true,
    body: {
      email,
      roles: sortRoles(draft.roles),
      ...extra,
      ...(practises && draft.practitionerId ? { practitionerId: draft.practitionerId } : {}),
    },
  };
}

/**
 * The change of roles to send for `draft`, or the problems per field. `hasPractitioner`: the
 * member already has a practitioner row here (then no name is asked for).
 */
export function checkRolesDraft(
  draft: RolesDraft,
  hasPractitioner: boolean,
): { ok: true; body: UpdateStaffBody } | { ok: false; problems: StaffFormProblems } {
  const needsPractitioner = draft.roles.includes('practitioner') && !hasPractitioner;
  const { problems, extra } = checkRoles(draft, needsPractitioner);
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, body: { roles: sortRoles(draft.roles), ...extra } };
}

/** `roles` with `role` added (`on`) or taken away. */
export function toggleRole(roles: readonly StaffRole[], role: StaffRole, on: boolean): StaffRole[] {
  return sortRoles(on ? [...roles, role] : roles.filter((r) => r !== role));
}
