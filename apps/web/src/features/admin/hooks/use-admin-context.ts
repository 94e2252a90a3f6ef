import { useOutletContext } from '../../../lib/router';

/** What the admin area's layout hands its pages: the clinic being administered. */
export interface AdminContext {
  clinicId: string;
  clinicName: string;
}

/**
 * The clinic of the admin page being shown. Only for pages under `AdminLayout`, which has
 * checked that the signed-in staff member administers it (the server checks every call again).
 */
export function useAdminContext(): AdminContext {
  return useOutletContext<AdminContext>();
}
