import type { Guest, InviteGuestBody, InvitedGuest, Locale } from '@visitt/contracts';
import { canAdmitGuest, canInviteGuest, videoWindow, type Instant } from '@visitt/domain';
import { writeAudit } from '../../db/audit';
import {
  countActiveGuests,
  findGuest,
  insertGuest,
  listGuests,
  markGuestAdmitted,
  revokeGuest,
  type GuestRow,
} from '../../db/guests';
import { withTransaction, type Queryable } from '../../db/pool';
import { findConsultation, type ConsultationRow } from '../../db/consultation-records';
import { lockRoom } from '../../db/video';
import { announceParticipants } from '../../signaling/participants';
import type { SignedInContext } from '../../core/context';
import { fail } from '../../core/errors';
import { newToken, sha256 } from '../../lib/crypto';
import { formatZoned } from '../../lib/zoned-format';
import { isSmsCountryAllowed } from '../../notifications/sms-countries';
import { authorize } from '../../policies/authorize';
import { formatGuestWhen, guestInvitationText } from './texts';

/** The path of the web client's guest page; the token follows in the fragment, never sent to a server. */
export const GUEST_PATH = '/gjest';

/** The guest link of `token`: the token in the fragment stays out of logs and Referer headers. */
export const guestLink = (publicUrl: string, token: string) => `${publicUrl}${GUEST_PATH}#${token}`;

/** The appointment whose guests the signed-in practitioner manages (`appointment.invite_guest`). */
async function appointmentOfGuests(ctx: SignedInContext, id: string): Promise<ConsultationRow> {
  const appointment = await findConsultation(ctx.db, id);
  if (!appointment) throw fail('not_found');
  await authorize(ctx, 'appointment.invite_guest', {
    clinicId: appointment.clinic.id,
    practitionerId: appointment.practitioner.id,
  });
  if (appointment.modality !== 'video') throw fail('not_video');
  return appointment;
}

export function presentGuest(guest: GuestRow, appointment: ConsultationRow): Guest {
  const at = (t: Instant) => formatZoned(t, appointment.clinic.timeZone);
  return {
    id: guest.id,
    name: guest.name,
    role: guest.role,
    delivery: guest.delivery,
    sentTo: guest.sentTo,
    createdAt: at(guest.createdAt),
    expiresAt: at(videoWindow(appointment.start).closesAt),
    revokedAt: guest.revokedAt && at(guest.revokedAt),
    removedAt: guest.removedAt && at(guest.removedAt),
    presence: guest.presence,
    admitted: guest.admittedAt !== null,
    joinedAt: guest.joinedAt && at(guest.joinedAt),
    leftAt: guest.leftAt && at(guest.leftAt),
  };
}

const audited = (
  db: Queryable,
  ctx: SignedInContext,
  appointment: ConsultationRow,
  action: 'guest.invite' | 'guest.revoke' | 'guest.admit' | 'appointment.read',
  details: Record<string, unknown>,
) =>
  writeAudit(db, {
    at: ctx.clock.now(),
    actorUserId: ctx.actor.userId,
    actorRole: 'practitioner',
    action,
    entityType: 'appointment',
    entityIds: [appointment.id],
    clinicIds: [appointment.clinic.id],
    ip: ctx.ip,
    details,
  });

/**
 * The practitioner invites a guest (an interpreter, a relative, a second clinician) to the
 * consultation: a link of their own, of which only a SHA-256 of the token is stored, valid while
 * the video room is open. Sent by e-mail or SMS in the clinic's language (before the
 * transaction commits, so a failed send leaves nothing behind), or given back to copy. At most
 * two guests at a time (409 `too_many_guests`). Audited without the link.
 */
export async function inviteGuest(
  ctx: SignedInContext,
  id: string,
  body: InviteGuestBody,
): Promise<InvitedGuest> {
  const delivery = body.email ? 'email' : body.phone ? 'sms' : 'link';
  const sentTo = body.email?.toLowerCase() ?? body.phone ?? null;
  const transport = delivery === 'link' ? null : ctx.transports[delivery];
  if (delivery !== 'link' && !transport) throw fail('channel_unavailable');
  if (delivery === 'sms' && !isSmsCountryAllowed(sentTo!, ctx.config.sms.allowedCountryCodes))
    throw fail('sms_country_not_allowed');
  const appointment = await appointmentOfGuests(ctx, id);
  const now = ctx.clock.now();
  const token = newToken();
  const link = guestLink(ctx.config.publicUrl, token);
  const guestId = await withTransaction(ctx.db, async (tx) => {
    // One invitation at a time per appointment: the count and the insert see the same guests.
    await tx.query('SELECT id FROM appointments WHERE id = $1 FOR NO KEY UPDATE', [id]);
    const decision = canInviteGuest(
      { status: appointment.cancelled ? 'cancelled' : 'booked', ...appointment },
      await countActiveGuests(tx, id),
      now,
    );
    if (!decision.ok)
      throw fail(decision.reason === 'cancelled' ? 'already_cancelled' : decision.reason);
    const guestId = await insertGuest(tx, {
      appointmentId: id,
      name: body.name,
      role: body.role,
      delivery,
      sentTo,
      tokenHash: sha256(token),
      invitedBy: ctx.actor.userId,
      now,
    });
    await audited(tx, ctx, appointment, 'guest.invite', {
      guestId,
      role: body.role,
      delivery,
    });
    if (transport) {
      const locale: Locale = appointment.clinic.language;
      const message = {
        clinicName: appointment.clinic.name,
        role: body.role,
        when: formatGuestWhen(appointment.start, locale, appointment.clinic.timeZone),
        link,
      };
      const texts = guestInvitationText[locale];
      try {
        await transport.send(
          delivery === 'email'
            ? {
                channel: 'email',
                to: sentTo!,
                subject: texts.subject(message),
                text: texts.text(message),
                reference: guestId,
              }
            : { channel: 'sms', to: sentTo!, text: texts.sms(message), reference: guestId },
        );
      } catch {
        throw fail(
          'channel_unavailable',
          'The invitation could not be sent. Try again in a moment.',
        );
      }
    }
    return guestId;
  });
  const guest = await findGuest(ctx.db, id, guestId);
  return { ...presentGuest(guest!, appointment), link };
}

/** The consultation's guests, revoked ones included; one audited read. */
export async function readGuests(ctx: SignedInContext, id: string): Promise<Guest[]> {
  const appointment = await appointmentOfGuests(ctx, id);
  await audited(ctx.db, ctx, appointment, 'appointment.read', { via: 'guests' });
  return (await listGuests(ctx.db, id)).map((guest) => presentGuest(guest, appointment));
}

/**
 * Revokes a guest's link: it stops working at once. A guest who has been in the room is removed
 * from the call (the signaling server on every instance lets their sockets go) and cannot come
 * back with the link. Revoking twice is no error. Audited.
 */
export async function revokeGuestLink(
  ctx: SignedInContext,
  id: string,
  guestId: string,
): Promise<Guest> {
  const appointment = await appointmentOfGuests(ctx, id);
  const now = ctx.clock.now();
  const { removed, seat } = await withTransaction(ctx.db, async (tx) => {
    await lockRoom(tx, id);
    const guest = await findGuest(tx, id, guestId, { lock: true });
    if (!guest) throw fail('not_found');
    // A guest who has been in the room is taken out of the call, not only uninvited.
    const removed = guest.presence !== 'absent' || guest.joinedAt !== null;
    if (await revokeGuest(tx, guestId, now, { removed }))
      await audited(tx, ctx, appointment, 'guest.revoke', {
        guestId,
        ...(removed ? { removed: true } : {}),
      });
    // The id as stored (the seat the signaling knows), not as the URL spelled it.
    return { removed, seat: guest.id };
  });
  await ctx.bus
    .publish({ room: id }, { type: 'guest_revoked', appointmentId: id, guestId: seat, removed })
    .catch(() => undefined);
  await announceParticipants(ctx.db, ctx.bus, id);
  const guest = await findGuest(ctx.db, id, guestId);
  return presentGuest(guest!, appointment);
}

/**
 * The practitioner lets a waiting guest into the call (`canAdmitGuest`: the practitioner is in
 * the call, the guest waits in the room): everyone's list shows them from now on, and they
 * connect to everyone in it. Audited.
 */
export async function admitGuest(
  ctx: SignedInContext,
  id: string,
  guestId: string,
): Promise<Guest> {
  const appointment = await appointmentOfGuests(ctx, id);
  const now = ctx.clock.now();
  await withTransaction(ctx.db, async (tx) => {
    // The room first, then the guest: the order every change of a room with guests takes.
    const room = await lockRoom(tx, id);
    const guest = await findGuest(tx, id, guestId, { lock: true });
    if (!guest || guest.revokedAt !== null) throw fail('not_found');
    const decision = canAdmitGuest(room?.state.practitioner ?? 'absent', {
      presence: guest.presence,
      admitted: guest.admittedAt !== null,
    });
    if (!decision.ok) throw fail(decision.reason);
    await markGuestAdmitted(tx, guestId, now);
    await audited(tx, ctx, appointment, 'guest.admit', { guestId, role: guest.role });
  });
  await announceParticipants(ctx.db, ctx.bus, id);
  const guest = await findGuest(ctx.db, id, guestId);
  return presentGuest(guest!, appointment);
}
