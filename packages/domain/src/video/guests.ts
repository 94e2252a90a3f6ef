import { ok, refuse } from '../result';
import type { Presence } from './room';
import type { Decision } from '../result';
import { MINUTE, type Duration, type Instant } from '../time';
import {
  hasVideoRoom,
  isInVideoWindow,
  videoWindow,
  type NoRoomRefusal,
  type VideoStartAppointment,
  type WindowRefusal,
} from './window';

/** Everyone in one consultation at most: the patient, the practitioner and two guests. */
export const MAX_PARTICIPANTS = 4;
/** Guests one consultation may have invited at a time (revoked and removed ones not counted). */
export const MAX_GUESTS = MAX_PARTICIPANTS - 2;

/**
 * A guest link is usable from one browser at a time. A browser that took the link and has not
 * been heard from for this long (its page closed, its phone off) no longer holds it: another
 * browser may take it, and is admitted again like a newcomer.
 */
export const GUEST_BROWSER_IDLE: Duration = MINUTE;

/** What the domain needs to know of a guest's link. */
export interface GuestLinkState {
  /** The practitioner revoked the invitation. */
  readonly revokedAt: Instant | null;
  /** The practitioner removed the guest from the call: the link never works again. */
  readonly removedAt: Instant | null;
}

/**
 * Why a guest link does not let its holder in: `revoked` or `removed` by the practitioner; the
 * appointment cancelled or in person; before the room opens or after it closes (the same window
 * as the patient's, from 15 minutes before the start until 2 hours after).
 */
export type GuestLinkRefusal = 'revoked' | 'removed' | NoRoomRefusal | WindowRefusal;

/**
 * Whether the link may be opened to see what it is for (the clinic and the time) and be taken
 * by a browser: from the invitation until the room closes, unless revoked, removed or cancelled.
 * Entering the room takes {@link canUseGuestLink}.
 */
export function canOpenGuestLink(
  appointment: VideoStartAppointment,
  link: GuestLinkState,
  now: Instant,
): Decision<Exclude<GuestLinkRefusal, 'too_early'>> {
  if (link.removedAt !== null) return refuse('removed');
  if (link.revokedAt !== null) return refuse('revoked');
  const room = hasVideoRoom(appointment);
  if (!room.ok) return room;
  return now > videoWindow(appointment.start).closesAt ? refuse('too_late') : ok();
}

export function canUseGuestLink(
  appointment: VideoStartAppointment,
  link: GuestLinkState,
  now: Instant,
): Decision<GuestLinkRefusal> {
  if (link.removedAt !== null) return refuse('removed');
  if (link.revokedAt !== null) return refuse('revoked');
  const room = hasVideoRoom(appointment);
  if (!room.ok) return room;
  return isInVideoWindow(appointment.start, now);
}

/**
 * Why the practitioner may not invite another guest: the appointment has no video room, its
 * window has closed (`too_late`; inviting days ahead is fine), or it has {@link MAX_GUESTS}
 * already (`too_many_guests`).
 */
export type InviteGuestRefusal = NoRoomRefusal | 'too_late' | 'too_many_guests';

export function canInviteGuest(
  appointment: VideoStartAppointment,
  activeGuests: number,
  now: Instant,
): Decision<InviteGuestRefusal> {
  const room = hasVideoRoom(appointment);
  if (!room.ok) return room;
  if (now > videoWindow(appointment.start).closesAt) return refuse('too_late');
  return activeGuests >= MAX_GUESTS ? refuse('too_many_guests') : ok();
}

/** Which browser holds a guest link, and when it was last heard from. */
export interface GuestBrowser {
  /** An opaque name of the browser (the hash of its guest cookie); null: none has taken it. */
  readonly holder: string | null;
  readonly seenAt: Instant | null;
}

/**
 * Whether `browser` may take the guest link: `same` when it holds it already, `new` when no
 * browser does or the one that did has been idle for {@link GUEST_BROWSER_IDLE}; `in_use` while
 * another browser holds it.
 */
export function canTakeGuestLink(
  held: GuestBrowser,
  browser: string | null,
  now: Instant,
): Decision<'in_use', 'same' | 'new'> {
  if (held.holder === null) return ok('new');
  if (browser !== null && browser === held.holder) return ok('same');
  if (held.seenAt !== null && now - held.seenAt < GUEST_BROWSER_IDLE) return refuse('in_use');
  return ok('new');
}

/**
 * Why the practitioner may not let a guest in: they are not in the call themselves
 * (`not_in_call`: nobody joins a consultation the practitioner is not in), or the guest is not
 * waiting in the room to be let in (`guest_not_waiting`: not there, or in already).
 */
export type AdmitGuestRefusal = 'not_in_call' | 'guest_not_waiting';

export function canAdmitGuest(
  practitioner: Presence,
  guest: { readonly presence: Presence; readonly admitted: boolean },
): Decision<AdmitGuestRefusal> {
  if (practitioner !== 'in_call' && practitioner !== 'reconnecting') return refuse('not_in_call');
  return guest.presence === 'waiting' && !guest.admitted ? ok() : refuse('guest_not_waiting');
}

/**
 * Who offers and who yields when two participants' offers cross (perfect negotiation): the
 * practitioner never yields, the patient yields only to the practitioner, and guests yield to
 * both; between two guests, the one with the greater id yields. Both ends of a pair agree, as
 * `isPolite(a, b) !== isPolite(b, a)` for any two different seats.
 */
export function isPolite(me: string, them: string): boolean {
  const rank = (seat: string) => (seat === 'practitioner' ? 0 : seat === 'patient' ? 1 : 2);
  if (rank(me) !== rank(them)) return rank(me) > rank(them);
  return me > them;
}

/**
 * What happens to a guest in the room:
 * - `joined`: their page came in (again);
 * - `disconnected`: their socket dropped;
 * - `admitted`: the practitioner let them in;
 * - `left`: they left, or the consultation ended, or they were removed.
 */
export type GuestEvent = 'joined' | 'disconnected' | 'admitted' | 'left';

/**
 * A guest's presence after `event`. A guest the practitioner has let in (from this browser) is
 * in the call whenever their page is in the room; one not let in waits. A dropped socket of a
 * guest in the call is `reconnecting` (they come back without being let in again); of a waiting
 * guest, `absent`.
 */
export function nextGuestPresence(
  presence: Presence,
  admitted: boolean,
  event: GuestEvent,
): Presence {
  switch (event) {
    case 'joined':
      return admitted ? 'in_call' : 'waiting';
    case 'admitted':
      return 'in_call';
    case 'disconnected':
      if (presence === 'in_call') return 'reconnecting';
      return presence === 'waiting' ? 'absent' : presence;
    case 'left':
      return presence === 'absent' ? 'absent' : 'left';
  }
}

/**
 * What each of a participant's video senders may use in a call of `participants` people (bits
 * per second): in a full mesh everyone sends one stream to each of the others, so from three on
 * the streams share a phone's uplink, about 2 Mbit/s at most for video. Two people: no cap
 * (null), the connection finds its own rate.
 */
export function videoBitrateCap(participants: number): number | null {
  if (participants <= 2) return null;
  return Math.floor(1_800_000 / (participants - 1) / 50_000) * 50_000;
}
