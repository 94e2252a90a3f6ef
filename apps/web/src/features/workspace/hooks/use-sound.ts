import { useEffect, useState, useSyncExternalStore } from 'react';
import { isSoundBlocked, prepareSound, subscribeSound, unlockChime } from '../chime';

/**
 * How long after the page opens the browser's verdict on sound is taken: some browsers create an
 * allowed audio context `suspended` and start it a moment later, which must not flash the notice.
 */
const SETTLE_MS = 800;

/**
 * Whether the browser blocks the chime until the user clicks or types (its autoplay policy),
 * and `unlock` to call from a button press. Prepares the sound when the page opens; the answer
 * follows the browser's as it changes (any click or key press on a staff page unlocks it too:
 * see `useWaitingAlerts`).
 */
export function useSound(): { isBlocked: boolean; unlock: () => void } {
  const isBlocked = useSyncExternalStore(subscribeSound, isSoundBlocked, () => false);
  const [isSettled, setSettled] = useState(false);

  useEffect(() => {
    prepareSound();
    const timer = window.setTimeout(() => setSettled(true), SETTLE_MS);
    return () => window.clearTimeout(timer);
  }, []);

  return { isBlocked: isSettled && isBlocked, unlock: unlockChime };
}
