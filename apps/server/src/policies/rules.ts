import { ok, refuse, type Decision } from '@visitt/domain';
import type { Actor } from '../core/context';

/**
 * What the policies know about a user at one clinic: an active membership's roles, and whether
 * the user is the (active) practitioner of the appointment in question. `null`: no active
 * membership at all.
 */
export interface ClinicStanding {
  readonly isAdmin: boolean;
  /** The user is this appointment's practitioner (only meaningful for an appointment). */
  readonly isTheirPractitioner: boolean;
}

/**
 * Why a policy says no. `not_found` hides the thing itself (another clinic's data, someone
 * else's appointment): the caller answers 404 exactly as for a missing id. `forbidden` is staff of
 * the clinic without the role; `staff_sign_in_required` a session that did not sign in as staff.
 */
export type PolicyRefusal = 'not_found' | 'forbidden' | 'staff_sign_in_required';

/**
 * Everything a signed-in actor may ask to do, by subject:
 * - `clinic.administer`: profile, staff, invitations, appointment types, hours, closures,
 *   notification settings (administrators);
 * - `clinic.read_audit`: the audit log (administrators);
 * - `appointment.manage`: read the details, mark, cancel or move one of the clinic's
 *   appointments (its practitioner, or an administrator of its clinic);
 * - `appointment.identify`: record how the patient was identified for the consultation (its
 *   practitioner only: the one who saw them);
 * - `appointment.invite_guest`: invite, list and revoke the guests of the consultation (its
 *   practitioner only: the one who lets them in);
 * - `appointment.record`: read the consultation record for the patient journal (its
 *   practitioner, or an administrator of its clinic, who files it);
 * - `workspace.read`: one's own workspace and calendar, across the clinics where one practises.
 *
 * A patient's own appointments are not asked here: their queries are scoped to the patient
 * (`patient_id = actor`), so another patient's appointment is never loaded at all.
 */
export type Action =
  | 'clinic.administer'
  | 'clinic.read_audit'
  | 'appointment.manage'
  | 'appointment.identify'
  | 'appointment.invite_guest'
  | 'appointment.record'
  | 'workspace.read';

/** The role the actor acts in when a policy says yes (written to the audit log). */
export type ActingRole = 'practitioner' | 'admin';

/**
 * What a decision is taken on: the actor's standing at the clinic; for `workspace.read` the
 * practitioner rows the actor has anywhere.
 */
export interface PolicyFacts {
  readonly standing: ClinicStanding | null;
  readonly practitionerIds?: readonly string[];
}

/**
 * May `actor` do `action`, given the facts loaded about the subject? Pure: the loaders in
 * `authorize.ts` fetch the facts, this decides. Staff actions refuse any session that did not
 * sign in as staff, whatever the route declared (defence in depth: a route declared too loosely
 * still cannot open a clinic's data to a one-time code).
 */
export function decide(
  actor: Actor,
  action: Action,
  facts: PolicyFacts,
): Decision<PolicyRefusal, ActingRole> {
  if (action === 'workspace.read') {
    if (!actor.staff) return refuse('staff_sign_in_required');
    return (facts.practitionerIds ?? []).length > 0 ? ok('practitioner') : refuse('forbidden');
  }
  const { standing } = facts;
  if (!standing) return refuse('not_found');
  if (!actor.staff) return refuse('staff_sign_in_required');
  switch (action) {
    case 'clinic.administer':
    case 'clinic.read_audit':
      return standing.isAdmin ? ok('admin') : refuse('forbidden');
    case 'appointment.manage':
    case 'appointment.record':
      // Staff of the clinic who are neither its practitioner nor an administrator see nothing of
      // the appointment: as if it did not exist.
      if (standing.isTheirPractitioner) return ok('practitioner');
      return standing.isAdmin ? ok('admin') : refuse('not_found');
    case 'appointment.identify':
    case 'appointment.invite_guest':
      // An administrator sees the appointment but did not meet the patient, nor lets anyone in.
      if (standing.isTheirPractitioner) return ok('practitioner');
      return standing.isAdmin ? refuse('forbidden') : refuse('not_found');
  }
}
