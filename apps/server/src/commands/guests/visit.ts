import type { GuestConnection, GuestVisit } from '@visitt/contracts';
import {
  canOpenGuestLink,
  canTakeGuestLink,
  canUseGuestLink,
  videoWindow,
  type GuestLinkRefusal,
  type Instant,
} from '@visitt/domain';
import {
  findGuestByBrowser,
  findGuestByToken,
  holdGuestLink,
  type GuestLinkRow,
} from '../../db/guests';
import { writeAudit } from '../../db/audit';
import { withTransaction, type Queryable } from '../../db/pool';
import { announceParticipants } from '../../signaling/participants';
import type { RequestContext } from '../../core/context';
import type { ErrorCode } from '@visitt/contracts';
import { fail } from '../../core/errors';
import { newToken, sha256 } from '../../lib/crypto';
import { iceServersFor } from '../../lib/turn';
import { formatZoned } from '../../lib/zoned-format';
import { SIGNALING_PATH } from '../../signaling/server';

/** The API's error for each reason a guest link does not let its holder in. */
export const guestLinkError = {
  revoked: 'guest_link_revoked',
  removed: 'guest_removed',
  too_early: 'too_early',
  too_late: 'too_late',
  cancelled: 'not_allowed',
  not_video: 'not_allowed',
} as const satisfies Record<GuestLinkRefusal, ErrorCode>;

const appointmentFacts = (guest: GuestLinkRow) => guest.appointment;

/**
 * The guest of a link that may be opened now (`see`: from the invitation until the room closes)
 * or used to enter (`enter`: the room's window); throws the link's refusal otherwise.
 */
function usable(guest: GuestLinkRow, now: Instant, purpose: 'see' | 'enter'): GuestLinkRow {
  const decision = (purpose === 'see' ? canOpenGuestLink : canUseGuestLink)(
    appointmentFacts(guest),
    guest,
    now,
  );
  if (!decision.ok) throw fail(guestLinkError[decision.reason]);
  return guest;
}

export function presentVisit(guest: GuestLinkRow): GuestVisit {
  const { appointment } = guest;
  const at = (t: Instant) => formatZoned(t, appointment.timeZone);
  const window = videoWindow(appointment.start);
  return {
    guestId: guest.id,
    appointmentId: guest.appointmentId,
    name: guest.name,
    role: guest.role,
    clinicName: appointment.clinicName,
    start: at(appointment.start),
    end: at(appointment.end),
    opensAt: at(window.opensAt),
    closesAt: at(window.closesAt),
    timeZone: appointment.timeZone,
    admitted: guest.admittedAt !== null,
  };
}

/**
 * A browser opens a guest link: the link must not be revoked, removed, for a cancelled
 * appointment or past the room's closing (before the room opens it shows what it is for, and
 * entering waits for the window), and no other browser may hold it
 * (`canTakeGuestLink`; 409 `link_in_use`). A browser new to the link gets a guest cookie of its
 * own (`cookie`), of which only a hash is stored; it is admitted anew by the practitioner. A
 * token that matches no link is 404, as a tampered one.
 */
export async function openGuestLink(
  ctx: RequestContext,
  token: string,
  browserCookie: string | null,
): Promise<{ visit: GuestVisit; cookie: string | null }> {
  const now = ctx.clock.now();
  const opened = await withTransaction(ctx.db, async (tx) => {
    const guest = await findGuestByToken(tx, sha256(token), { lock: true });
    if (!guest) throw fail('not_found');
    usable(guest, now, 'see');
    const browser = browserCookie ? sha256(browserCookie).toString('hex') : null;
    const taken = canTakeGuestLink(
      { holder: guest.browser, seenAt: guest.browserSeenAt },
      browser,
      now,
    );
    if (!taken.ok) throw fail('link_in_use');
    const cookie = taken.value === 'new' ? newToken() : null;
    await holdGuestLink(tx, guest.id, sha256(cookie ?? browserCookie!), now, cookie !== null);
    const replaced = taken.value === 'new' && guest.browser !== null;
    // Who opened which guest link, from where, and whether it left another browser: never the
    // token or the cookie.
    await writeAudit(tx, {
      at: now,
      actorUserId: null,
      actorRole: 'guest',
      action: 'guest.open',
      entityType: 'appointment',
      entityIds: [guest.appointmentId],
      clinicIds: [guest.appointment.clinicId],
      ip: ctx.ip,
      details: { guestId: guest.id, browser: taken.value, ...(replaced ? { replaced } : {}) },
    });
    const held = await findGuestByToken(tx, sha256(token));
    return { visit: presentVisit(held!), cookie, replaced };
  });
  // The browser that held it before is out of the call at once: everyone's list says so, and
  // nobody's media goes to it any more.
  if (opened.replaced) await announceParticipants(ctx.db, ctx.bus, opened.visit.appointmentId);
  return { visit: opened.visit, cookie: opened.cookie };
}

/**
 * The guest whose link the browser with `cookie` holds, if the link may be opened now: the
 * guest's identity for the `guest` routes. Null for no cookie, or one that holds no link any
 * more (revoked, taken by another browser); a link that exists but may not be opened now throws
 * its refusal.
 */
export async function guestOfBrowser(
  db: Queryable,
  cookie: string | null,
  now: Instant,
): Promise<GuestLinkRow | null> {
  if (!cookie) return null;
  const guest = await findGuestByBrowser(db, sha256(cookie));
  return guest && usable(guest, now, 'see');
}

/**
 * What the guest's page connects with: ICE servers (TURN credentials of their own); only in the
 * room's window (403 `too_early` before it).
 */
export function connectGuest(ctx: RequestContext, guest: GuestLinkRow): GuestConnection {
  const now = ctx.clock.now();
  usable(guest, now, 'enter');
  const { iceServers, expiresAt } = iceServersFor(ctx.config.ice, `guest-${guest.id}`, now);
  return {
    guestId: guest.id,
    appointmentId: guest.appointmentId,
    iceServers,
    iceTransportPolicy: ctx.config.ice.transportPolicy,
    credentialsExpireAt: expiresAt ? formatZoned(expiresAt, guest.appointment.timeZone) : null,
    signalingPath: SIGNALING_PATH,
  };
}
