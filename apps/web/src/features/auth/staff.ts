import type { Me } from '@visitt/contracts';

/** Whether the user is a practitioner at some clinic (and so has a workspace). */
export function isPractitioner(me: Pick<Me, 'memberships'> | null): boolean {
  return me?.memberships.some((m) => m.practitionerId != null) ?? false;
}

/** `/ansatt/logg-inn?neste=…` for coming back to `path` after the staff sign-in. */
export function staffSignInPath(path: string): string {
  return `/ansatt/logg-inn?neste=${encodeURIComponent(path)}`;
}
