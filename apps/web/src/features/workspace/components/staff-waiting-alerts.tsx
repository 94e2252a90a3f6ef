import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { todayIn } from '../../../lib/dates';
import { useNow } from '../../../lib/use-now';
import { useTodayAppointments } from '../api/workspace-api';
import { useWaitingAlerts } from '../hooks/use-waiting-alerts';
import { useReadiedCalls } from '../hooks/use-readied-calls';
import { useWorkspaceLive, type LiveStatus } from '../hooks/use-workspace-live';
import { countWaiting } from '../waiting';
import { SoundNotice } from './sound-notice';

/** Until an appointment tells the clinic's zone, the product's default. */
const DEFAULT_ZONE = 'Europe/Oslo';

/**
 * The practitioner's waiting alerts wherever they are in the staff area (workspace, calendar,
 * administration), mounted once by the staff shell: the live line, and for today's list —
 * whatever day the page shows — the announcement, the chime and the browser notification when a
 * patient starts, the reminder chime on a long wait, and "Slå på lyd" while the browser holds
 * sound back (in `noticeSlot` when the page gives one, else here); and a connection readied to
 * each waiting patient, so entering the room is quick. Tells the shell how many wait
 * (the tab title counts them) and how the live line is.
 */
export function StaffWaitingAlerts({
  noticeSlot,
  onChange,
}: {
  noticeSlot: HTMLElement | null;
  onChange: (alerts: { waiting: number; live: LiveStatus }) => void;
}) {
  const now = useNow(15_000);
  const live = useWorkspaceLive();
  const today = useTodayAppointments();
  const list = today.data;
  const zone = list?.[0]?.timeZone ?? DEFAULT_ZONE;
  const announcement = useWaitingAlerts(list, todayIn(zone, now), now);
  const waiting = countWaiting(list ?? [], now);
  useReadiedCalls(list, now);

  useEffect(() => onChange({ waiting, live }), [onChange, waiting, live]);

  return (
    <>
      {noticeSlot ? createPortal(<SoundNotice />, noticeSlot) : <SoundNotice />}
      <div className="visually-hidden" aria-live="assertive" aria-atomic="true">
        {announcement.text ? <p key={announcement.key}>{announcement.text}</p> : null}
      </div>
    </>
  );
}
