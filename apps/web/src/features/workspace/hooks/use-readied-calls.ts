import type { StaffAppointment } from '@visitt/contracts';
import { canWarmUp } from '@visitt/domain';
import { useEffect } from 'react';
import { usePrefetch } from '../../../lib/router';
import { prepareVideo } from '../../video/api/video-api';
import { closeReadied, keepReadied } from '../../video/call/warm-calls';
import { isWaiting } from '../waiting';

/**
 * The appointments of `list` whose waiting patient gets a readied connection: waiting now (see
 * `isWaiting`), with the practitioner not in the room (the domain's `canWarmUp`), earliest first.
 */
export function readiedIds(list: readonly StaffAppointment[], now: number): string[] {
  return list
    .filter((a) => a.video && isWaiting(a, now) && canWarmUp(a.video.room))
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))
    .map((a) => a.id);
}

/**
 * While the staff pages are open, keeps a connection readied to each patient waiting in today's
 * `list` (decision 0027), and the room page's code loaded: no camera or microphone on either side
 * until the practitioner enters.
 */
export function useReadiedCalls(list: readonly StaffAppointment[] | undefined, now: number): void {
  const key = readiedIds(list ?? [], now).join(',');
  // The room page's code, too, is ready before the practitioner presses enter.
  const first = key.split(',')[0];
  usePrefetch(first ? `/arbeidsflate/video/${first}` : null);
  useEffect(() => {
    keepReadied(key ? key.split(',') : [], prepareVideo);
  }, [key]);
  useEffect(() => closeReadied, []);
}
