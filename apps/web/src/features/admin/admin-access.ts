import type { Me, Membership, StaffRole } from '@visitt/contracts';
import { STAFF_ROLES } from '@visitt/domain';

/**
 * The pages of a clinic's administration, in the order of its navigation. The slugs are the
 * paths under `/admin/:clinicId/`.
 */
export const ADMIN_PAGES = [
  'profil',
  'ansatte',
  'timetyper',
  'apningstider',
  'varsler',
  'logg',
] as const;
export type AdminPage = (typeof ADMIN_PAGES)[number];

/** `/admin/<clinicId>/<page>`. */
export function adminPath(clinicId: string, page: AdminPage): string {
  return `/admin/${clinicId}/${page}`;
}

/** The clinics where `me` is an administrator, in the order the API gives them. */
export function adminMemberships(me: Pick<Me, 'memberships'> | null): Membership[] {
  return me?.memberships.filter((m) => m.roles.includes('admin')) ?? [];
}

/** The membership by which `me` administers `clinicId`, or null when they do not. */
export function adminMembershipOf(
  me: Pick<Me, 'memberships'> | null,
  clinicId: string | undefined,
): Membership | null {
  return adminMemberships(me).find((m) => m.clinicId === clinicId) ?? null;
}

/** Roles in a fixed order (administrator first), each once, for showing and for sending. */
export function sortRoles(roles: readonly StaffRole[]): StaffRole[] {
  return STAFF_ROLES.filter((role) => roles.includes(role));
}
