import {
  INVITATION_VALID_DAYS,
  type AcceptInvitationBody,
  type AcceptedInvitation,
  type InviteStaffBody,
  type PublicInvitation,
} from '@visitt/contracts';
import { DAY, normalizeEmail, type Instant, type UserId } from '@visitt/domain';
import { findAdminClinic } from '../../db/clinic-profile';
import {
  findClinicInvitation,
  findInvitationByTokenHash,
  insertInvitation,
  markInvitation,
  revokeOpenInvitations,
  type InvitationRow,
} from '../../db/invitations';
import {
  ensurePractitioner,
  findClinicPractitioner,
  linkPractitioner,
} from '../../db/practitioners';
import { isActiveMemberByEmail, upsertMembership } from '../../db/staff-members';
import { writeAudit } from '../../db/audit';
import { withTransaction, type Queryable } from '../../db/pool';
import { enforceRateLimit, type RateLimitRule } from '../../db/rate-limits';
import { findUser, setPasswordIfNone } from '../../db/users';
import type { SignedInContext } from '../../core/context';
import { fail } from '../../core/errors';
import { hashPassword } from '../sign-in-password';
import { newToken, sha256 } from '../../lib/crypto';
import { formatZoned } from '../../lib/zoned-format';
import { localeFromAcceptLanguage } from '../../notifications/texts';
import { invitationState } from '../../presenters/admin';
import { formatExpiry, invitationText } from './invitation-texts';

/** The path of the web client's page that opens an invitation link. */
export const INVITATION_PATH = '/invitasjon';

/**
 * Invites someone to the clinic by e-mail: a single-use link valid for 7 days, of which only a
 * SHA-256 of the token is stored. An earlier invitation to the same address still open is
 * revoked (the new one replaces it). The e-mail goes out before the transaction commits, so a
 * failure to send leaves nothing behind (503 `channel_unavailable`); someone already active
 * staff of the clinic is refused (409 `already_member`). With `practitionerId`, the invitation is
 * for that practitioner of the clinic still without an account (422 `unknown_practitioner` for
 * another clinic's, 409 `already_member` when it has one): accepting links the account to it.
 */
export async function inviteStaff(
  ctx: SignedInContext,
  clinicId: string,
  body: InviteStaffBody,
): Promise<InvitationRow> {
  const transport = ctx.transports.email;
  if (!transport) throw fail('channel_unavailable', 'E-mail is not configured on this server.');
  const email = normalizeEmail(body.email);
  const now = ctx.clock.now();
  const token = newToken();
  const expiresAt = (now + INVITATION_VALID_DAYS * DAY) as Instant;
  const inviter = await findUser(ctx.db, ctx.actor.userId);
  const locale = inviter?.locale ?? localeFromAcceptLanguage(ctx.acceptLanguage);

  const id = await withTransaction(ctx.db, async (tx) => {
    const clinic = await findAdminClinic(tx, clinicId, { lock: true });
    if (!clinic) throw fail('not_found');
    if (await isActiveMemberByEmail(tx, clinicId, email)) throw fail('already_member');
    if (body.practitionerId !== undefined) {
      const practitioner = await findClinicPractitioner(tx, clinicId, body.practitionerId, {
        lock: true,
      });
      if (!practitioner) throw fail('unknown_practitioner');
      if (practitioner.userId !== null)
        throw fail('already_member', 'This practitioner already has an account.');
    }
    const replaced = await revokeOpenInvitations(tx, clinicId, email, now);
    const practises = body.roles.includes('practitioner');
    const id = await insertInvitation(tx, {
      clinicId,
      email,
      roles: body.roles,
      practitionerName: practises ? (body.practitionerName ?? null) : null,
      practitionerTitle: practises && body.practitionerTitle ? body.practitionerTitle : null,
      practitionerId: practises ? (body.practitionerId ?? null) : null,
      tokenHash: sha256(token),
      invitedBy: ctx.actor.userId,
      now,
      expiresAt,
    });
    await writeAudit(tx, {
      at: now,
      actorUserId: ctx.actor.userId,
      actorRole: 'admin',
      action: 'staff.invite',
      entityType: 'invitation',
      entityIds: [id],
      clinicIds: [clinicId],
      ip: ctx.ip,
      details: {
        email,
        roles: body.roles,
        ...(body.practitionerId ? { practitionerId: body.practitionerId } : {}),
        ...(replaced.length ? { replaces: replaced } : {}),
      },
    });
    const message = {
      clinicName: clinic.name,
      inviterName: inviter?.name ?? null,
      roles: body.roles,
      link: `${ctx.config.publicUrl}${INVITATION_PATH}/${token}`,
      expires: formatExpiry(expiresAt, locale, clinic.timeZone),
      email,
    };
    try {
      await transport.send({
        channel: 'email',
        to: email,
        subject: invitationText[locale].subject(message),
        text: invitationText[locale].text(message),
        reference: id,
      });
    } catch {
      throw fail('channel_unavailable', 'The invitation could not be sent. Try again in a moment.');
    }
    return id;
  });
  const invitation = await findClinicInvitation(ctx.db, clinicId, id);
  return invitation!;
}

/** Withdraws an open invitation; its link stops working. Revoking twice is no error. */
export async function revokeInvitation(
  ctx: SignedInContext,
  clinicId: string,
  invitationId: string,
): Promise<void> {
  const now = ctx.clock.now();
  await withTransaction(ctx.db, async (tx) => {
    const invitation = await findClinicInvitation(tx, clinicId, invitationId);
    if (!invitation) throw fail('not_found');
    if (invitation.acceptedAt !== null) throw fail('invitation_used');
    if (invitation.revokedAt !== null) return;
    await markInvitation(tx, invitation.id, { revokedAt: now });
    await writeAudit(tx, {
      at: now,
      actorUserId: ctx.actor.userId,
      actorRole: 'admin',
      action: 'staff.invitation.revoke',
      entityType: 'invitation',
      entityIds: [invitation.id],
      clinicIds: [clinicId],
      ip: ctx.ip,
    });
  });
}

/**
 * What the holder of an invitation link may see before accepting: the clinic's name, the
 * roles and whether the link still works. No address and no names of people.
 */
export async function readPublicInvitation(
  db: Queryable,
  token: string,
  now: Instant,
): Promise<PublicInvitation> {
  const invitation = await findInvitationByTokenHash(db, sha256(token));
  if (!invitation) throw fail('not_found');
  return {
    clinicName: invitation.clinicName,
    roles: invitation.roles,
    state: invitationState(invitation, now),
    expiresAt: formatZoned(invitation.expiresAt, invitation.clinicTimeZone),
  };
}

const refusal = {
  expired: 'invitation_expired',
  accepted: 'invitation_used',
  revoked: 'invitation_revoked',
} as const;

/** Attempts to accept invitations, per IP address and per invitation link. */
export const ACCEPT_LIMITS = {
  perIp: { bucket: 'invitation-accept:ip', limit: 30, windowMs: 60 * 60_000 },
  perToken: { bucket: 'invitation-accept:token', limit: 10, windowMs: 60 * 60_000 },
} as const satisfies Record<string, RateLimitRule>;

/**
 * The invitation behind `token` and the user, when this user may accept it now: 404 `not_found`
 * for an unknown token, 410 when expired, used or revoked, 403 `invitation_email_mismatch` when
 * the user's verified e-mail address is not the invited one. With `lock`, the invitation is held
 * until the transaction ends.
 */
async function findAcceptable(
  db: Queryable,
  token: string,
  userId: UserId,
  now: Instant,
  options: { lock?: boolean } = {},
): Promise<{ invitation: InvitationRow; user: { name: string | null; email: string } }> {
  const invitation = await findInvitationByTokenHash(db, sha256(token), options);
  if (!invitation) throw fail('not_found');
  const state = invitationState(invitation, now);
  if (state !== 'pending') throw fail(refusal[state]);
  const user = await findUser(db, userId);
  if (!user?.email || !user.emailVerifiedAt || user.email !== invitation.email)
    throw fail('invitation_email_mismatch');
  return { invitation, user: { name: user.name, email: user.email } };
}

/**
 * The signed-in user accepts an invitation, once: their verified e-mail address must be the
 * invited one (403 `invitation_email_mismatch`; the link alone is not enough, since e-mails get
 * forwarded). They become active staff with the invited roles (an active member keeps theirs and
 * gains these), and a practitioner gets their practitioner row, named as the invitation says: the
 * invitation's practitioner (one without an account, with their hours and appointments; left
 * inactive if it was) when it names one that is still free, else their own row, made when missing.
 * A `password` given becomes the account's password if it has none yet (someone invited who
 * signed in with a one-time code has none, and staff sign in with a password). Attempts are
 * limited per IP address and per link (429 `rate_limited` with Retry-After).
 */
export async function acceptInvitation(
  ctx: SignedInContext,
  token: string,
  body: AcceptInvitationBody = {},
): Promise<AcceptedInvitation> {
  const userId: UserId = ctx.actor.userId;
  const now = ctx.clock.now();
  await enforceRateLimit(ctx, ACCEPT_LIMITS.perIp, ctx.ip, now);
  await enforceRateLimit(ctx, ACCEPT_LIMITS.perToken, token, now);
  // Checked before hashing: argon2 is slow on purpose, so a bad link must not get us to run it.
  await findAcceptable(ctx.db, token, userId, now);
  // Hashed before the transaction: argon2 takes a while, and no row should wait for it.
  const passwordHash = body.password ? await hashPassword(body.password) : null;
  return withTransaction(ctx.db, async (tx) => {
    // Again under the lock: the invitation may have been used or revoked while we hashed.
    const { invitation, user } = await findAcceptable(tx, token, userId, now, { lock: true });

    const clinicId = invitation.clinicId;
    const roles = await upsertMembership(tx, clinicId, userId, invitation.roles, now);
    let practitionerId: string | null = null;
    // Taken by another account meanwhile, or this person has a row here already: their own row.
    const linked =
      invitation.practitionerId !== null &&
      roles.includes('practitioner') &&
      (await linkPractitioner(
        tx,
        clinicId,
        invitation.practitionerId,
        userId,
        invitation.practitionerName,
        invitation.practitionerTitle,
      ));
    if (linked) {
      practitionerId = invitation.practitionerId;
    } else if (roles.includes('practitioner')) {
      const invitedAsPractitioner = invitation.roles.includes('practitioner');
      practitionerId = await ensurePractitioner(
        tx,
        clinicId,
        userId,
        invitation.practitionerName ?? user.name ?? user.email,
        invitation.practitionerTitle,
        { keepName: !invitedAsPractitioner || invitation.practitionerName === null },
      );
    }
    const hasPassword = await setPasswordIfNone(tx, userId, passwordHash, now);
    await markInvitation(tx, invitation.id, { acceptedAt: now, acceptedBy: userId });
    await writeAudit(tx, {
      at: now,
      actorUserId: userId,
      actorRole: roles.includes('admin') ? 'admin' : 'practitioner',
      action: 'staff.invitation.accept',
      entityType: 'invitation',
      entityIds: [invitation.id],
      clinicIds: [clinicId],
      ip: ctx.ip,
      details: { roles, ...(linked ? { linkedPractitioner: practitionerId } : {}) },
    });
    return {
      clinicId,
      clinicName: invitation.clinicName,
      roles,
      practitionerId,
      hasPassword,
    };
  });
}
