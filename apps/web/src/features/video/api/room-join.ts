import { useQuery } from '@tanstack/react-query';
import { RoomRole, VideoJoin } from '@visitt/contracts';
import { isApiError } from '../../../lib/api';
import {
  joinVideoAsPractitioner,
  PAGE_LOAD,
  startVideo,
  type RoomLocationState,
} from './video-api';

// The room page's side of the router state: read back with the contracts' schemas (it survives
// reloads, so it is checked like any outside input). Apart from video-api.ts, which the pages
// that start a call use, so they do not carry the schemas.

/**
 * Router state for the room page once the call is over (a reload then shows the end screen),
 * with the appointment's start so the end screen can tell whether the room is still open.
 */
export function roomStateEnded(by: RoomRole, start: string): RoomLocationState {
  return { ended: by, start };
}

/** The join handed over in this page load for appointment `id`, if any. */
export function freshJoinFrom(state: unknown, id: string | undefined): VideoJoin | undefined {
  const value = (state ?? {}) as RoomLocationState;
  if (value.loadId !== PAGE_LOAD) return undefined;
  const parsed = VideoJoin.safeParse(value.join);
  return parsed.success && parsed.data.appointmentId === id ? parsed.data : undefined;
}

/** Who ended the call, when the room page is showing the end screen. */
export function endedByFrom(state: unknown): RoomRole | null {
  const parsed = RoomRole.safeParse(((state ?? {}) as RoomLocationState).ended);
  return parsed.success ? parsed.data : null;
}

/** The start of the appointment whose call has ended, when the room page shows the end screen. */
export function endedStartFrom(state: unknown): string | null {
  const start = ((state ?? {}) as RoomLocationState).start;
  return typeof start === 'string' && !Number.isNaN(Date.parse(start)) ? start : null;
}

/**
 * What the room page needs to enter the call of appointment `id` as `role`: `initial` when the
 * previous page already asked, else asked now (a reload or a link rejoins the same call by
 * itself). Asked once per visit: never refetched behind the call's back.
 */
export function useVideoJoin(role: RoomRole, id: string | undefined, initial?: VideoJoin) {
  return useQuery({
    queryKey: ['video-join', role, id],
    queryFn: () => (role === 'patient' ? startVideo(id!) : joinVideoAsPractitioner(id!)),
    initialData: initial,
    enabled: id != null,
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    retry: (failureCount, error) => failureCount < 2 && isApiError(error, 'network'),
  });
}
