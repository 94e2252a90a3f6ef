import { useQuery } from '@tanstack/react-query';
import { RoomRole, VideoJoin } from '@visitt/contracts';
import { isApiError, apiRequest } from '../../../lib/api';

/** The patient starts (or comes back to) the video consultation; the practitioner is told. */
export function startVideo(appointmentId: string): Promise<VideoJoin> {
  return apiRequest(`/appointments/${encodeURIComponent(appointmentId)}/video/start`, {
    method: 'POST',
    schema: VideoJoin,
  });
}

/** The practitioner enters the room the patient has started (403 `not_started` before that). */
export function joinVideoAsPractitioner(appointmentId: string): Promise<VideoJoin> {
  return apiRequest(`/staff/appointments/${encodeURIComponent(appointmentId)}/video/join`, {
    method: 'POST',
    schema: VideoJoin,
  });
}

// Router state survives a reload, but a join handed over by the page before the reload may hold
// TURN credentials that have since run out: only a join made in this page load is taken.
const PAGE_LOAD = Math.random().toString(36).slice(2);

/** What the room page finds in the router state: a fresh join, or that the call has ended. */
interface RoomLocationState {
  join?: unknown;
  loadId?: string;
  ended?: unknown;
  start?: unknown;
}

/** Router state that hands `join` to the room page, so it enters without asking again. */
export function roomStateWithJoin(join: VideoJoin): RoomLocationState {
  return { join, loadId: PAGE_LOAD };
}

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
