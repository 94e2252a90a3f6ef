import type { Me } from '@visitt/contracts';

/** Whether the user is a practitioner at some clinic (and so has a workspace). */
export function isPractitioner(me: Pick<Me, 'memberships'> | null): boolean {
  return me?.memberships.some((m) => m.practitionerId != null) ?? false;
}

/** Whether the user administers some clinic. */
export function isClinicAdmin(me: Pick<Me, 'memberships'> | null): boolean {
  return me?.memberships.some((m) => m.roles.includes('admin')) ?? false;
}

/**
 * Whether this browser's session came from a staff sign-in (password and authenticator code, or
 * the staff identity provider). A one-time code or ID-porten gives a patient session only, even
 * to staff: the server refuses staff pages to it (`staff_sign_in_required`).
 */
export function hasStaffSession(me: Pick<Me, 'staffSession'> | null): boolean {
  return me?.staffSession ?? false;
}

export type StaffAccess = 'sign-in' | 'allowed' | 'not-practitioner';

/**
 * What a staff page does with the user: `sign-in` (signed out, or not a staff session: to the
 * staff sign-in), `not-practitioner` (a staff session, but the page is the practitioner's and
 * they are none), or `allowed`.
 */
export function staffAccess(
  me: Pick<Me, 'memberships' | 'staffSession'> | null,
  { practitioner }: { practitioner: boolean },
): StaffAccess {
  if (!hasStaffSession(me)) return 'sign-in';
  if (practitioner && !isPractitioner(me)) return 'not-practitioner';
  return 'allowed';
}

/** `/ansatt/logg-inn?neste=…` for coming back to `path` after the staff sign-in. */
export function staffSignInPath(path: string): string {
  return `/ansatt/logg-inn?neste=${encodeURIComponent(path)}`;
}
