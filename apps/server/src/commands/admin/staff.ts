import type { StaffOverview, StaffRole, UpdateStaffBody } from '@visitt/contracts';
import type { TimeZoneId } from '@visitt/domain';
import { listOpenInvitations } from '../../db/invitations';
import {
  ensurePractitioner,
  listClinicPractitioners,
  setPractitionerActive,
} from '../../db/practitioners';
import {
  endUserSessions,
  findMember,
  listMembers,
  otherActiveAdmins,
  removeAuthenticator,
  updateMembership,
  type MemberRow,
} from '../../db/staff-members';
import { writeAudit } from '../../db/audit';
import { withTransaction } from '../../db/pool';
import type { SignedInContext } from '../../core/context';
import { fail } from '../../core/errors';
import {
  presentAdminPractitioner,
  presentInvitation,
  presentStaffMember,
} from '../../presenters/admin';

/** Members with their roles, open invitations, and every practitioner row of the clinic. */
export async function readStaffOverview(
  ctx: SignedInContext,
  clinic: { id: string; timeZone: TimeZoneId },
): Promise<StaffOverview> {
  const db = ctx.db;
  const now = ctx.clock.now();
  // The list names people and their contact addresses: who looked is recorded first.
  await writeAudit(db, {
    at: now,
    actorUserId: ctx.actor.userId,
    actorRole: 'admin',
    action: 'staff.read',
    entityType: 'clinic',
    entityIds: [clinic.id],
    clinicIds: [clinic.id],
    ip: ctx.ip,
  });
  const [members, invitations, practitioners] = await Promise.all([
    listMembers(db, clinic.id),
    listOpenInvitations(db, clinic.id),
    listClinicPractitioners(db, clinic.id),
  ]);
  return {
    members: members.map((m) => presentStaffMember(m, clinic.timeZone)),
    invitations: invitations.map((i) => presentInvitation(i, clinic.timeZone, now)),
    practitioners: practitioners.map(presentAdminPractitioner),
  };
}

const sameRoles = (a: readonly StaffRole[], b: readonly StaffRole[]) =>
  a.length === b.length && a.every((r) => b.includes(r));

/**
 * Changes a member's roles or active state. Deactivating ends every session of the person at
 * once (on all devices; they may sign in again for other clinics) and makes their practitioner
 * row inactive, so patients can no longer book them; their booked appointments stay as they are.
 * The clinic always keeps an active administrator (422 `last_admin`).
 */
export async function updateStaffMember(
  ctx: SignedInContext,
  clinicId: string,
  userId: string,
  body: UpdateStaffBody,
): Promise<MemberRow> {
  const now = ctx.clock.now();
  await withTransaction(ctx.db, async (tx) => {
    // Locks the clinic's memberships first: concurrent demotions see each other.
    const otherAdmins = await otherActiveAdmins(tx, clinicId, userId);
    const member = await findMember(tx, clinicId, userId);
    if (!member) throw fail('not_found');
    const roles = body.roles ?? member.roles;
    const active = body.active ?? member.active;
    if (!(active && roles.includes('admin')) && otherAdmins === 0) throw fail('last_admin');

    await updateMembership(tx, clinicId, userId, { roles, active }, now);
    const practises = active && roles.includes('practitioner');
    if (practises) {
      const name = body.practitionerName ?? member.practitioner?.name ?? member.name;
      if (!name) throw fail('validation_failed', 'practitionerName: a practitioner needs a name');
      await ensurePractitioner(tx, clinicId, userId, name, body.practitionerTitle ?? null, {
        keepName: body.practitionerName === undefined,
      });
    } else if (member.practitioner?.active) {
      await setPractitionerActive(tx, clinicId, userId, false);
    }
    const endedSessions = !active && member.active ? await endUserSessions(tx, userId) : 0;
    await writeAudit(tx, {
      at: now,
      actorUserId: ctx.actor.userId,
      actorRole: 'admin',
      action:
        active === member.active ? 'staff.change' : active ? 'staff.activate' : 'staff.deactivate',
      entityType: 'user',
      entityIds: [userId],
      clinicIds: [clinicId],
      ip: ctx.ip,
      details: {
        ...(sameRoles(roles, member.roles) ? {} : { roles: { from: member.roles, to: roles } }),
        ...(active === member.active ? {} : { active: { from: member.active, to: active } }),
        ...(endedSessions ? { sessionsEnded: endedSessions } : {}),
      },
    });
  });
  return (await findMember(ctx.db, clinicId, userId))!;
}

/**
 * A member lost their phone (and their recovery codes): removes their authenticator app and
 * recovery codes and ends all their sessions, so the next staff sign-in (password) sets up a new
 * app. The account is the person's own across clinics: an administrator of any clinic they work
 * at may do it, and it is audited there.
 */
export async function resetStaffAuthenticator(
  ctx: SignedInContext,
  clinicId: string,
  userId: string,
): Promise<MemberRow> {
  const now = ctx.clock.now();
  await withTransaction(ctx.db, async (tx) => {
    const member = await findMember(tx, clinicId, userId);
    if (!member) throw fail('not_found');
    const hadOne = await removeAuthenticator(tx, userId);
    const sessionsEnded = await endUserSessions(tx, userId);
    await writeAudit(tx, {
      at: now,
      actorUserId: ctx.actor.userId,
      actorRole: 'admin',
      action: 'staff.authenticator_reset',
      entityType: 'user',
      entityIds: [userId],
      clinicIds: [clinicId],
      ip: ctx.ip,
      details: { hadAuthenticator: hadOne, sessionsEnded },
    });
  });
  return (await findMember(ctx.db, clinicId, userId))!;
}
