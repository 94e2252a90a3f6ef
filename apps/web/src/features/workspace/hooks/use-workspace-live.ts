import { useQueryClient } from '@tanstack/react-query';
import {
  ServerMessage,
  type ClientMessage,
  type StaffAppointment,
  type StaffAppointmentDetail,
} from '@visitt/contracts';
import { useEffect, useState } from 'react';
import { meQueryKey } from '../../auth/api/auth-api';
import {
  staffAppointmentDetailsKey,
  staffAppointmentKey,
  staffAppointmentsKey,
} from '../api/workspace-api';
import { applyRoomMessage } from '../room-state';

export type LiveStatus = 'connecting' | 'open' | 'reconnecting';

const SIGNALING_PATH = '/api/v1/signaling';
const PING_MS = 25_000;
/** Waits before reconnecting: 1 s, 2 s, 5 s, then every 10 s. */
const RECONNECT_DELAYS_MS = [1_000, 2_000, 5_000, 10_000];
/** The server closes with this when the session has ended: sign in again, do not retry. */
const SESSION_ENDED = 4401;
/** Changes announced together (a move is one, a burst of bookings many) are fetched once. */
const REFETCH_DEBOUNCE_MS = 300;

/**
 * The staff area's live line to the server, opened once by the staff shell's waiting alerts
 * (`StaffWaitingAlerts`) for all its pages: watches the rooms of the practitioner's
 * appointments on the signaling socket and writes each change straight into the cached lists
 * (workspace and calendar) and appointment details, so a patient who starts shows up within a
 * second. Bookings, moves, cancellations and marks are announced by id alone
 * (`appointments_changed`): the lists, and that appointment when it is open, are then fetched
 * again over the audited API, debounced.
 * Reconnects with backoff; once the server confirms each (re)connect's watch (`watching`), the
 * lists (and, after a drop, an open appointment) are fetched again, since changes before it
 * were not heard — read after the confirmation, so that nothing falls between the two. The lists' own slow
 * re-read covers the time the socket is down.
 */
export function useWorkspaceLive(): LiveStatus {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>('connecting');

  useEffect(() => {
    let socket: WebSocket | null = null;
    let attempt = 0;
    let retryTimer: number | undefined;
    let pingTimer: number | undefined;
    let refetchTimer: number | undefined;
    let isStopped = false;
    let hasWatched = false;
    /** Appointments announced as changed since the last refetch. */
    const changed = new Set<string>();

    const send = (ws: WebSocket, message: ClientMessage) => {
      if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
    };

    const handleMessage = (event: MessageEvent) => {
      let message: ServerMessage;
      try {
        message = ServerMessage.parse(JSON.parse(String(event.data)));
      } catch {
        return;
      }
      if (message.type === 'appointments_changed') {
        changed.add(message.appointmentId);
        window.clearTimeout(refetchTimer);
        refetchTimer = window.setTimeout(() => {
          void queryClient.invalidateQueries({ queryKey: staffAppointmentsKey });
          // An appointment open on the page is read again only when it is the one that changed.
          for (const id of changed) {
            void queryClient.invalidateQueries({ queryKey: staffAppointmentKey(id) });
          }
          changed.clear();
        }, REFETCH_DEBOUNCE_MS);
        return;
      }
      if (message.type === 'watching') {
        // Changes are heard from here on: what happened before is read now (and, after a drop,
        // an open appointment that may have changed unheard; each read of it is audited, so it
        // is not read twice for nothing).
        void queryClient.invalidateQueries({ queryKey: staffAppointmentsKey });
        if (hasWatched)
          void queryClient.invalidateQueries({ queryKey: staffAppointmentDetailsKey });
        hasWatched = true;
        return;
      }
      if (message.type !== 'room') return;
      let isKnown = false;
      queryClient.setQueriesData<StaffAppointment[]>({ queryKey: staffAppointmentsKey }, (list) => {
        if (!list) return list;
        const next = applyRoomMessage(list, message);
        if (next !== list) isKnown = true;
        return next;
      });
      // An open appointment page (the calendar's) shows the same room.
      queryClient.setQueryData<StaffAppointmentDetail>(
        staffAppointmentKey(message.appointmentId),
        (detail) => (detail ? applyRoomMessage([detail], message)[0] : detail),
      );
      // A room of an appointment not in any list (booked a moment ago): fetch the lists.
      if (!isKnown) void queryClient.invalidateQueries({ queryKey: staffAppointmentsKey });
    };

    const connect = () => {
      const ws = new WebSocket(`${location.origin.replace(/^http/, 'ws')}${SIGNALING_PATH}`);
      socket = ws;
      ws.onopen = () => {
        attempt = 0;
        setStatus('open');
        send(ws, { type: 'watch' });
        window.clearInterval(pingTimer);
        pingTimer = window.setInterval(() => send(ws, { type: 'ping' }), PING_MS);
      };
      ws.onmessage = handleMessage;
      ws.onclose = (event) => {
        window.clearInterval(pingTimer);
        if (isStopped || socket !== ws) return;
        socket = null;
        if (event.code === SESSION_ENDED) {
          void queryClient.invalidateQueries({ queryKey: meQueryKey });
          return;
        }
        setStatus('reconnecting');
        const delay = RECONNECT_DELAYS_MS[Math.min(attempt, RECONNECT_DELAYS_MS.length - 1)];
        attempt += 1;
        retryTimer = window.setTimeout(connect, delay);
      };
    };

    connect();
    return () => {
      isStopped = true;
      window.clearTimeout(retryTimer);
      window.clearInterval(pingTimer);
      window.clearTimeout(refetchTimer);
      socket?.close(1000);
      socket = null;
    };
  }, [queryClient]);

  return status;
}
