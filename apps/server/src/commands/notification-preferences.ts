import type {
  ContactCodeBody,
  ContactVerifyBody,
  MyNotifications,
  NotificationSettings,
} from '@visitt/contracts';
import { normalizeEmail, normalizePhone, type UserId } from '@visitt/domain';
import { issueCode, redeemCode, type CodeOwner } from '../auth/one-time-code';
import { writeAudit } from '../db/audit';
import {
  countPushDevices,
  listChannelPreferences,
  saveChannelPreference,
  saveClinicNotificationSettings,
  setVerifiedContact,
} from '../db/notification-preferences';
import { findClinicSettings } from '../db/notifications';
import { UNIQUE_VIOLATION, sqlState, withTransaction, type Queryable } from '../db/pool';
import { findUser } from '../db/users';
import type { SignedInContext } from '../core/context';
import { fail } from '../core/errors';

/** Changing where messages go needs a sign-in this recent (someone at an unlocked screen can't). */
export const FRESH_SIGN_IN_MS = 15 * 60_000;

type Channel = 'email' | 'sms' | 'push';

/** The user's contact details, channel choices (with their times) and push devices. */
export async function presentMyNotifications(
  db: Queryable,
  userId: UserId,
): Promise<MyNotifications> {
  const user = await findUser(db, userId);
  if (!user) throw fail('unauthorized');
  const preferences = await listChannelPreferences(db, userId);
  const deviceCount = await countPushDevices(db, userId);
  const pref = (channel: Channel) => preferences.find((p) => p.channel === channel);
  const at = (d: Date | number | undefined) => (d !== undefined ? new Date(d).toISOString() : null);
  return {
    email: {
      address: user.email,
      verified: user.emailVerifiedAt !== null,
      enabled: user.emailVerifiedAt !== null && (pref('email')?.enabled ?? true),
      changedAt: at(pref('email')?.changedAt ?? user.emailVerifiedAt ?? undefined),
    },
    sms: {
      address: user.phone,
      verified: user.phoneVerifiedAt !== null,
      enabled: user.phoneVerifiedAt !== null && (pref('sms')?.enabled ?? true),
      changedAt: at(pref('sms')?.changedAt ?? user.phoneVerifiedAt ?? undefined),
    },
    push: {
      enabled: deviceCount > 0 && (pref('push')?.enabled ?? true),
      devices: deviceCount,
      changedAt: at(pref('push')?.changedAt),
    },
  };
}

/** Records the user's choice for a channel with its time (turning one on is the consent). */
export async function setChannelPreference(
  ctx: SignedInContext,
  channel: Channel,
  enabled: boolean,
): Promise<MyNotifications> {
  const user = await findUser(ctx.db, ctx.actor.userId);
  if (!user) throw fail('unauthorized');
  if (enabled && channel === 'email' && !user.emailVerifiedAt) throw fail('contact_not_verified');
  if (enabled && channel === 'sms' && !user.phoneVerifiedAt) throw fail('contact_not_verified');
  await saveChannelPreference(ctx.db, ctx.actor.userId, channel, enabled, ctx.clock.now());
  return presentMyNotifications(ctx.db, ctx.actor.userId);
}

/** The code's owner: this user, for the address the body names (a bad number is a 400). */
function contactOf(body: ContactCodeBody, userId: UserId): CodeOwner & { purpose: 'contact' } {
  if ('email' in body)
    return { purpose: 'contact', channel: 'email', address: normalizeEmail(body.email), userId };
  const phone = normalizePhone(body.phone);
  if (!phone) throw fail('validation_failed', 'phone: not a mobile number we can send to');
  return { purpose: 'contact', channel: 'sms', address: phone, userId };
}

function requireFreshSignIn(ctx: SignedInContext): void {
  if (ctx.clock.now() - ctx.actor.signedInAt > FRESH_SIGN_IN_MS) throw fail('reauth_required');
}

/**
 * Sends a code to a new e-mail address or mobile number of the signed-in user. The address is
 * theirs only once they type the code back (verifyContact). Needs a fresh sign-in. Limited per
 * user, and refused like a sign-in code once the address has had its day's wrong tries or when
 * the number is outside the countries SMS may go to (422 `sms_country_not_allowed`).
 */
export async function requestContactCode(
  ctx: SignedInContext,
  body: ContactCodeBody,
): Promise<{ channel: 'email' | 'sms'; expiresIn: number }> {
  requireFreshSignIn(ctx);
  const owner = contactOf(body, ctx.actor.userId);
  return issueCode(ctx, owner, {
    limits: [[{ bucket: 'contact:user', limit: 5, windowMs: 15 * 60_000 }, ctx.actor.userId]],
    locale: async () => (await findUser(ctx.db, ctx.actor.userId))?.locale ?? 'nb',
  });
}

/**
 * Makes the address the user's, verified now, once the code matches (single use, 10 minutes,
 * 5 tries, and the address's daily cap of wrong tries as for sign-in codes). The channel is
 * switched on with that time as the consent. An address that belongs to another account is
 * refused (409 `address_in_use`).
 */
export async function verifyContact(
  ctx: SignedInContext,
  body: ContactVerifyBody,
): Promise<MyNotifications> {
  requireFreshSignIn(ctx);
  const owner = contactOf(body, ctx.actor.userId);
  const { channel, address, userId } = owner;
  await redeemCode(ctx, owner, body.code, async (tx, now) => {
    try {
      await setVerifiedContact(tx, userId, channel, address, now);
    } catch (error) {
      if (sqlState(error) === UNIQUE_VIOLATION) throw fail('address_in_use');
      throw error;
    }
    await saveChannelPreference(tx, userId, channel, true, now);
    await writeAudit(tx, {
      at: now,
      actorUserId: userId,
      actorRole: 'patient',
      action: 'contact.verify',
      entityType: 'user',
      entityIds: [userId],
      ip: ctx.ip,
      details: { channel },
    });
  });
  return presentMyNotifications(ctx.db, userId);
}

/** The clinic's notification settings, for its administrators. */
export async function readNotificationSettings(
  db: Queryable,
  clinicId: string,
): Promise<NotificationSettings> {
  const s = await findClinicSettings(db, clinicId);
  return {
    video: { ...s.video, remindersMinutesBefore: [...s.video.remindersMinutesBefore] },
    inPerson: { ...s.inPerson, remindersMinutesBefore: [...s.inPerson.remindersMinutesBefore] },
    confirmations: s.confirmations,
  };
}

/** Stores a clinic's notification settings (administrators only), audited. */
export async function saveNotificationSettings(
  ctx: SignedInContext,
  clinicId: string,
  settings: NotificationSettings,
): Promise<NotificationSettings> {
  const now = ctx.clock.now();
  await withTransaction(ctx.db, async (tx) => {
    await saveClinicNotificationSettings(tx, clinicId, settings, {
      at: now,
      by: ctx.actor.userId,
    });
    await writeAudit(tx, {
      at: now,
      actorUserId: ctx.actor.userId,
      actorRole: 'admin',
      action: 'settings.notifications.change',
      entityType: 'clinic',
      entityIds: [clinicId],
      clinicIds: [clinicId],
      ip: ctx.ip,
      details: { settings },
    });
  });
  return readNotificationSettings(ctx.db, clinicId);
}
