import { ok, refuse, type Decision } from '../result';
import type { Presence } from './room';

/**
 * The phone when video fails. A consultation whose video cannot connect, or whose connection
 * drops and does not come back, goes on by phone: the patient is shown the clinic's number and
 * told that the practitioner can call them, and the practitioner is offered **Ring pasienten**
 * with the patient's verified mobile number.
 *
 * - `no_connection`: both are in the call and the media has not flowed for
 *   {@link PHONE_FALLBACK_CONNECT_MS} since they were;
 * - `dropped`: the media flowed, and has not for more than {@link PHONE_FALLBACK_DROP_MS}.
 */
export const PHONE_FALLBACK_REASONS = ['no_connection', 'dropped'] as const;
export type PhoneFallbackReason = (typeof PHONE_FALLBACK_REASONS)[number];

/** How long video may take to connect once both are in the call. */
export const PHONE_FALLBACK_CONNECT_MS = 20_000;
/** How long a connection that was up may stay down. */
export const PHONE_FALLBACK_DROP_MS = 30_000;

/**
 * What one side sees of the media in the call at a moment:
 * - `not_wanted`: no call to have yet (the other side is not in it), or it is over;
 * - `flowing`: connected, media goes both ways;
 * - `not_flowing`: both are in the call (or were, and one has dropped) and no media flows.
 */
export type MediaFlow = 'not_wanted' | 'flowing' | 'not_flowing';

/** Times in epoch milliseconds, as one side's clock reads them. */
export interface MediaFlowClock {
  /** Since when the media has been wanted and not flowing; null while it flows or is not wanted. */
  readonly notFlowingSince: number | null;
  /** Whether the media has flowed in this call (a later stop is a drop). */
  readonly hasFlowed: boolean;
}

export const NEW_MEDIA_FLOW_CLOCK: MediaFlowClock = { notFlowingSince: null, hasFlowed: false };

/**
 * The clock after seeing `flow` at `now`. A stop that goes on keeps its start; `not_wanted`
 * before any flow resets it, and after a flow too (the call is over, or not ours to have).
 */
export function nextMediaFlowClock(
  clock: MediaFlowClock,
  flow: MediaFlow,
  now: number,
): MediaFlowClock {
  switch (flow) {
    case 'flowing':
      return { notFlowingSince: null, hasFlowed: true };
    case 'not_wanted':
      return clock.notFlowingSince === null ? clock : { ...clock, notFlowingSince: null };
    case 'not_flowing':
      return clock.notFlowingSince === null ? { ...clock, notFlowingSince: now } : clock;
  }
}

/**
 * When the phone is offered, and why; null while the media flows or is not wanted. The moment
 * is fixed by the clock, so a side can set one timer for it.
 */
export function phoneFallbackAt(
  clock: MediaFlowClock,
): { reason: PhoneFallbackReason; at: number } | null {
  if (clock.notFlowingSince === null) return null;
  return clock.hasFlowed
    ? { reason: 'dropped', at: clock.notFlowingSince + PHONE_FALLBACK_DROP_MS }
    : { reason: 'no_connection', at: clock.notFlowingSince + PHONE_FALLBACK_CONNECT_MS };
}

/**
 * Whether the phone is offered at `now`: the reason once the media has not flowed for longer
 * than its limit (20 s to connect, 30 s for a drop), else null.
 */
export function phoneFallbackDue(clock: MediaFlowClock, now: number): PhoneFallbackReason | null {
  const due = phoneFallbackAt(clock);
  return due !== null && now >= due.at ? due.reason : null;
}

/**
 * Whether the practitioner may note now that the consultation goes on by phone
 * (**Ring pasienten**): only in a call that is still on, with their page in it (or coming back
 * to it); not after it has ended (a finished record is not rewritten) nor before they entered
 * (the phone is for a call that failed, not a way around one). Who they are, and that the room
 * exists, is the room's own rule (`canStayInRoom`: a call under way outlives the window).
 */
export function canNoteSwitchToPhone(room: {
  readonly ended: boolean;
  readonly practitionerPresence: Presence;
}): Decision<'not_in_call'> {
  if (room.ended) return refuse('not_in_call');
  return room.practitionerPresence === 'in_call' || room.practitionerPresence === 'reconnecting'
    ? ok()
    : refuse('not_in_call');
}
