import { useQueryClient } from '@tanstack/react-query';
import type { VideoJoin } from '@visitt/contracts';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { meQueryKey } from '../../auth/api/auth-api';
import { joinVideoAsPractitioner, startVideo } from '../api/video-api';
import { CallSession } from './call-session';
import type { CallSnapshot } from './types';
import { takeEntered } from './warm-calls';

const noop = () => () => undefined;
const none = () => null;

/**
 * Runs one call for as long as the component is mounted: takes over the connection the
 * practitioner entered from the workspace (readied while the patient waited), or creates the
 * session for `join` and starts it (camera, microphone, signaling); disposes of it on unmount. A
 * new `join` (another appointment) is a new session.
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
    const entered = join.role === 'practitioner' ? takeEntered(join.appointmentId) : null;
    const created = entered ?? new CallSession(join, { renew });
    setSession(created);
    if (!entered) void created.start();
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
