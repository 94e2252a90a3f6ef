import type { Presence, StaffAppointment } from '@visitt/contracts';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../../i18n';
import { playChime, unlockChime } from '../chime';
import { newlyWaiting, patientName, presenceById } from '../room-state';
import { dueChimes } from '../waiting';
import { notify } from './use-browser-notifications';

/**
 * Tells the practitioner when a patient comes into the waiting room of `list` (today's, whose
 * date is `dayKey`): an announcement for screen readers (returned, with a key that changes each
 * time so the same words are said again), the chime, and a browser notification when allowed.
 * Patients already waiting when the page loads or the day changes are shown, not rung for —
 * unless they have waited long (see `dueChimes`): for them the chime rings again every minute,
 * checked at each tick of `now`. Any click or key press on the page unlocks the sound.
 */
export function useWaitingAlerts(
  list: StaffAppointment[] | undefined,
  dayKey: string,
  now: number,
): { text: string; key: number } {
  const t = useT();
  const before = useRef<{ day: string; presence: Map<string, Presence> } | null>(null);
  const rung = useRef(new Map<string, number>());
  const [announcement, setAnnouncement] = useState({ text: '', key: 0 });

  useEffect(() => {
    const unlock = () => unlockChime();
    document.addEventListener('pointerdown', unlock);
    document.addEventListener('keydown', unlock);
    return () => {
      document.removeEventListener('pointerdown', unlock);
      document.removeEventListener('keydown', unlock);
    };
  }, []);

  useEffect(() => {
    if (!list) return;
    const previous = before.current?.day === dayKey ? before.current.presence : null;
    before.current = { day: dayKey, presence: presenceById(list) };
    const arrived = newlyWaiting(previous, list);
    if (arrived.length === 0) return;
    const text = arrived
      .map((a) =>
        t('workspace.announceWaiting', {
          name: patientName(a.patient, t('workspace.patientUnknown')),
        }),
      )
      .join('. ');
    setAnnouncement((last) => ({ text, key: last.key + 1 }));
    playChime();
    for (const a of arrived) {
      notify(
        t('workspace.notificationTitle'),
        t('workspace.announceWaiting', {
          name: patientName(a.patient, t('workspace.patientUnknown')),
        }),
        `visitt-waiting-${a.id}`,
      );
    }
  }, [list, dayKey, t]);

  useEffect(() => {
    if (!list) return;
    const result = dueChimes(list, rung.current, now);
    rung.current = result.rung;
    if (result.due.length > 0) playChime();
  }, [list, now]);

  return announcement;
}
