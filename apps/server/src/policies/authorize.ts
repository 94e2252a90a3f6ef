import type { PractitionerId } from '@visitt/domain';
import type { SignedInContext } from '../core/context';
import { fail } from '../core/errors';
import { findClinicStanding } from '../db/memberships';
import { findUserPractitionerIds } from '../db/video';
import { decide, type ActingRole, type Action } from './rules';

/** What a policy decides on: a clinic, or one appointment of a clinic (with its practitioner). */
export interface Subject {
  readonly clinicId: string;
  readonly practitionerId?: string;
}

/**
 * The one answer to "may this actor do this to this thing": loads the actor's standing at the
 * subject's clinic and asks {@link decide}. Returns the role the actor acts in (for the audit
 * log); throws the refusal as the API's error (404 hides what the actor may not know exists).
 */
export async function authorize(
  ctx: SignedInContext,
  action: Action,
  subject: Subject,
): Promise<ActingRole> {
  const standing = await findClinicStanding(
    ctx.db,
    ctx.actor.userId,
    subject.clinicId,
    subject.practitionerId ?? null,
  );
  const decision = decide(ctx.actor, action, { standing });
  if (!decision.ok) throw fail(decision.reason);
  return decision.value;
}

/**
 * The practitioner rows of the actor, for their own workspace and calendar: a staff sign-in of
 * someone who practises somewhere (403 for anyone else, `staff_sign_in_required` for a session
 * that did not sign in as staff).
 */
export async function authorizeWorkspace(ctx: SignedInContext): Promise<PractitionerId[]> {
  const practitionerIds = ctx.actor.staff
    ? await findUserPractitionerIds(ctx.db, ctx.actor.userId)
    : [];
  const decision = decide(ctx.actor, 'workspace.read', { standing: null, practitionerIds });
  if (!decision.ok)
    throw decision.reason === 'forbidden'
      ? fail('forbidden', 'Only practitioners have a workspace.')
      : fail(decision.reason);
  return practitionerIds;
}
