import type { Me } from '@visitt/contracts';
import type { IconName } from '../../components/ui/icon';
import {
  hasStaffSession,
  isClinicAdmin,
  isPractitioner,
  staffAccess,
  staffSignInPath,
} from '../../features/auth/staff';
import type { TranslationKey } from '../../i18n/catalogue';

/** One link of a shell's navigation. */
export interface ShellLink {
  to: string;
  label: TranslationKey;
  icon: IconName;
  /** Current only on `to` itself, not on the pages below it. */
  end?: boolean;
}

const WORKSPACE: ShellLink = {
  to: '/arbeidsflate',
  label: 'shell.workspace',
  icon: 'clinic',
  end: true,
};
const CALENDAR: ShellLink = {
  to: '/arbeidsflate/kalender',
  label: 'shell.calendar',
  icon: 'calendar',
};
const ADMIN: ShellLink = { to: '/admin', label: 'shell.admin', icon: 'sliders' };

/**
 * The staff shell's navigation for `me`: Arbeidsflate and Kalender for a practitioner,
 * Administrasjon for an administrator of some clinic, in that order. Empty without a staff
 * session (the page is on its way to the staff sign-in), so nothing leads to a page the server
 * would refuse.
 */
export function staffNavLinks(me: Pick<Me, 'memberships' | 'staffSession'> | null): ShellLink[] {
  if (!hasStaffSession(me)) return [];
  return [
    ...(isPractitioner(me) ? [WORKSPACE, CALENDAR] : []),
    ...(isClinicAdmin(me) ? [ADMIN] : []),
  ];
}

/**
 * The patient shell's one way to the staff side: to the workspace for a practitioner, to the
 * administration for an administrator who is none; null for anyone without a staff role. Without
 * a staff session (a practitioner signed in with a one-time code is a patient here) the way leads
 * through the staff sign-in ("Logg inn som ansatt"), which ends the patient session and then goes
 * on there.
 */
export function staffSideLink(
  me: Pick<Me, 'memberships' | 'staffSession'> | null,
): ShellLink | null {
  const home: ShellLink | null = isPractitioner(me)
    ? { to: '/arbeidsflate', label: 'shell.toWorkspace', icon: 'clinic' }
    : isClinicAdmin(me)
      ? { to: '/admin', label: 'shell.toAdmin', icon: 'sliders' }
      : null;
  if (!home || hasStaffSession(me)) return home;
  return { to: staffSignInPath(home.to), label: 'staffAuth.link', icon: 'user' };
}

/**
 * Whether the staff shell runs the waiting alerts for `me` (today's waiting patients announced,
 * rung for and counted in the tab title on every staff page): for a practitioner with a staff
 * session, the one the server gives a list of appointments to. Not for an administrator who is
 * no practitioner, and not without a staff session (the page is on its way to the sign-in).
 */
export function hasWaitingAlerts(me: Pick<Me, 'memberships' | 'staffSession'> | null): boolean {
  return staffAccess(me, { practitioner: true }) === 'allowed';
}

/** Who is signed in, as the shell shows them: the name, else the e-mail address or phone number. */
export function personLabel(me: Pick<Me, 'name' | 'email' | 'phone'> | null): string | null {
  return me?.name ?? me?.email ?? me?.phone ?? null;
}
