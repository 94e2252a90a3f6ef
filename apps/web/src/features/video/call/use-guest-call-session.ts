import type { GuestConnection } from '@visitt/contracts';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { connectGuest } from '../api/guest-api';
import { CallSession } from './call-session';
import type { CallSnapshot } from './types';

const noop = () => () => undefined;
const none = () => null;

/** Runs a guest's call for as long as the component is mounted (one session per link). */
export function useGuestCallSession(connection: GuestConnection): {
  snapshot: CallSnapshot | null;
  session: CallSession | null;
} {
  const [session, setSession] = useState<CallSession | null>(null);
  useEffect(() => {
    const created = new CallSession(connection, { renew: connectGuest });
    setSession(created);
    void created.start();
    return () => {
      created.dispose();
      setSession(null);
    };
    // One session per guest, however often the caller re-creates the connection object.
  }, [connection.guestId]);
  const snapshot = useSyncExternalStore(
    session?.subscribe ?? noop,
    session?.getSnapshot ?? none,
    none,
  );
  return { snapshot, session };
}
