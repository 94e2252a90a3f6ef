import { createContext, useContext } from 'react';
import type { LiveStatus } from '../../features/workspace/hooks/use-workspace-live';

/** What the staff shell's waiting alerts tell the pages it frames. */
export interface StaffAlertsValue {
  /** Patients waiting in the video room today: the tab title counts them. 0 where no alerts run. */
  waiting: number;
  /** The live line of the staff area (one socket for all its pages); null where none runs. */
  live: LiveStatus | null;
  /**
   * Where a page wants the "Slå på lyd" notice (the workspace: under its toolbar), or null; on
   * the other pages it stands above the page.
   */
  setNoticeSlot: (element: HTMLElement | null) => void;
}

export const NO_STAFF_ALERTS: StaffAlertsValue = {
  waiting: 0,
  live: null,
  setNoticeSlot: () => undefined,
};

export const StaffAlertsContext = createContext<StaffAlertsValue>(NO_STAFF_ALERTS);

/** The staff shell's waiting alerts, as the page sees them. */
export function useStaffAlerts(): StaffAlertsValue {
  return useContext(StaffAlertsContext);
}
