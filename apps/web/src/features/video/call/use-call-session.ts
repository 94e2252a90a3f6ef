import { useQueryClient } from '@tanstack/react-query';
import type { VideoJoin } from '@visitt/contracts';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { meQueryKey } from '../../auth/api/auth-api';
import { joinVideoAsPractitioner, startVideo } from '../api/video-api';
import { CallSession } from './call-session';
import type { CallSnapshot } from './types';

const noop = () => () => undefined;
const none = () => null;

/**
 * Runs one call for as long as the component is mounted: creates the session for `join`,
 * starts it (camera, microphone, signaling) and disposes of it on unmount. A new `join` (another
 * appointment) is a new session.
 */
export function useCallSession(join: VideoJoin | null): {
  snapshot: CallSnapshot | null;
  session: CallSession | null;
} {
  const [session, setSession] = useState<CallSession | null>(null);
  const appointmentId = join?.appointmentId ?? null;

  useEffect(() => {
    if (!join) return;
    const renew = () =>
      join.role === 'patient'
        ? startVideo(join.appointmentId)
        : joinVideoAsPractitioner(join.appointmentId);
    const created = new CallSession(join, { renew });
    setSession(created);
    void created.start();
    return () => {
      created.dispose();
      setSession(null);
    };
    // One session per appointment, however often the caller re-creates the join object.
  }, [appointmentId]);

  const snapshot = useSyncExternalStore(
    session?.subscribe ?? noop,
    session?.getSnapshot ?? none,
    none,
  );
  // The server ended the socket because the session ended: the whole app is signed out.
  const queryClient = useQueryClient();
  const isSignedOut = snapshot?.error === 'unauthorized';
  useEffect(() => {
    if (isSignedOut) void queryClient.invalidateQueries({ queryKey: meQueryKey });
  }, [isSignedOut, queryClient]);
  return { snapshot, session };
}
