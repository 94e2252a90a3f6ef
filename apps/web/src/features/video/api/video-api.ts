import type {
  PhoneFallbackReason,
  PhoneSwitch,
  PractitionerWhereaboutsAnswer,
  VideoConnection,
  VideoJoin,
} from '@visitt/contracts';
import { apiRequest } from '../../../lib/api';

/** The patient starts (or comes back to) the video consultation; the practitioner is told. */
export function startVideo(appointmentId: string): Promise<VideoJoin> {
  return apiRequest<VideoJoin>(`/appointments/${encodeURIComponent(appointmentId)}/video/start`, {
    method: 'POST',
  });
}

/** The practitioner enters the room the patient has started (403 `not_started` before that). */
export function joinVideoAsPractitioner(appointmentId: string): Promise<VideoJoin> {
  return apiRequest<VideoJoin>(
    `/staff/appointments/${encodeURIComponent(appointmentId)}/video/join`,
    {
      method: 'POST',
    },
  );
}

// Router state survives a reload, but a join handed over by the page before the reload may hold
// TURN credentials that have since run out: only a join made in this page load is taken.
export const PAGE_LOAD = Math.random().toString(36).slice(2);

/** What the room page finds in the router state: a fresh join, or that the call has ended. */
export interface RoomLocationState {
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
 * What the practitioner's workspace readies a connection to the waiting patient with (ICE
 * servers, the signaling path; no names), before they enter.
 */
export function prepareVideo(appointmentId: string): Promise<VideoConnection> {
  return apiRequest<VideoConnection>(
    `/staff/appointments/${encodeURIComponent(appointmentId)}/video/prepare`,
    { method: 'POST' },
  );
}

/** Where the waiting patient's practitioner is (not yet in, in another consultation, free). */
export function getPractitionerWhereabouts(
  appointmentId: string,
  signal?: AbortSignal,
): Promise<PractitionerWhereaboutsAnswer> {
  return apiRequest<PractitionerWhereaboutsAnswer>(
    `/appointments/${appointmentId}/video/practitioner`,
    { signal },
  );
}

/**
 * The practitioner calls the patient because video failed (**Ring pasienten**): noted on the
 * consultation (the first time counts), and the patient's page is told. Sent so that it finishes
 * even as the `tel:` link takes over.
 */
export function switchToPhone(
  appointmentId: string,
  reason: PhoneFallbackReason,
): Promise<PhoneSwitch> {
  return apiRequest<PhoneSwitch>(
    `/staff/appointments/${encodeURIComponent(appointmentId)}/video/phone`,
    { method: 'POST', body: { reason }, keepalive: true },
  );
}
