import type { Guest } from '@visitt/contracts';
import { MAX_GUESTS } from '@visitt/domain';
import type { TranslationKey } from '../../i18n/catalogue';
import { formatPhoneNumber } from '../notifications/contact-format';

/**
 * Where a guest stands, as the practitioner reads it:
 * - `invited`: has the link and has not come (or came, waited and went before being let in);
 * - `waiting`: in the room, waiting to be let in;
 * - `inCall` / `reconnecting`: in the call, or their connection dropped and may come back;
 * - `left`: was in the call and has left it;
 * - `revoked` / `removed`: the practitioner took the link back, before or after they were in.
 */
export type GuestStatus =
  'invited' | 'waiting' | 'inCall' | 'reconnecting' | 'left' | 'revoked' | 'removed';

type GuestState = Pick<Guest, 'revokedAt' | 'removedAt' | 'presence' | 'joinedAt'>;

/** The status of `guest`; removal and revocation outrank presence (the link no longer works). */
export function guestStatus(guest: GuestState): GuestStatus {
  if (guest.removedAt != null) return 'removed';
  if (guest.revokedAt != null) return 'revoked';
  switch (guest.presence) {
    case 'waiting':
      return 'waiting';
    case 'in_call':
      return 'inCall';
    case 'reconnecting':
      return 'reconnecting';
    case 'left':
      return 'left';
    case 'absent':
    case 'ready':
      // A waiting guest whose page closed is absent again: still only invited, unless they were
      // in the call once.
      return guest.joinedAt != null ? 'left' : 'invited';
  }
}

/** The catalogue key and placeholders of `guest`'s status, e.g. "Invitert · sendt på SMS til …". */
export function guestStatusText(guest: GuestState & Pick<Guest, 'delivery' | 'sentTo'>): {
  key: TranslationKey;
  vars?: Record<string, string>;
} {
  const status = guestStatus(guest);
  if (status !== 'invited') return { key: `guests.status.${status}` };
  switch (guest.delivery) {
    case 'sms':
      // A number in a sentence stays on one line.
      return {
        key: 'guests.status.invitedSms',
        vars: { to: formatPhoneNumber(guest.sentTo ?? '').replace(/ /g, '\u00a0') },
      };
    case 'email':
      return { key: 'guests.status.invitedEmail', vars: { to: guest.sentTo ?? '' } };
    case 'link':
      return { key: 'guests.status.invitedLink' };
  }
}

/**
 * How the practitioner may take a guest's link back: `revoke` an invitation nobody has used,
 * `revokeWaiting` for one waiting to be let in, `remove` one who is or was in the call (asked
 * first: the server ends their part in the call too); null once it is done.
 */
export type GuestRemoval = 'revoke' | 'revokeWaiting' | 'remove';

export function guestRemoval(status: GuestStatus): GuestRemoval | null {
  switch (status) {
    case 'invited':
      return 'revoke';
    case 'waiting':
      return 'revokeWaiting';
    case 'inCall':
    case 'reconnecting':
    case 'left':
      return 'remove';
    case 'revoked':
    case 'removed':
      return null;
  }
}

/**
 * Whether **Slipp inn** is offered: where the practitioner can admit (`canAdmit`, in the call),
 * for a guest waiting in the room and not let in yet. The server checks again.
 */
export function shouldOfferAdmit(
  guest: GuestState & Pick<Guest, 'admitted'>,
  canAdmit: boolean,
): boolean {
  return canAdmit && guestStatus(guest) === 'waiting' && !guest.admitted;
}

/** Guests whose link still works (revoked and removed ones are not counted, as on the server). */
export function countActiveGuests(guests: readonly GuestState[]): number {
  return guests.filter((guest) => guest.revokedAt == null && guest.removedAt == null).length;
}

/** Whether another guest may be invited: fewer than the domain's {@link MAX_GUESTS} active. */
export function hasRoomForGuest(guests: readonly GuestState[]): boolean {
  return countActiveGuests(guests) < MAX_GUESTS;
}
