import type {
  ContactCodeBody,
  ContactVerifyBody,
  MyNotifications,
  NotificationSettings,
} from '@visitt/contracts';
import { normalizeEmail, normalizePhone, type UserId } from '@visitt/domain';
import { writeAudit } from '../db/audit';
import { findClinicSettings } from '../db/notifications';
import { UNIQUE_VIOLATION, sqlState, withTransaction, type Queryable } from '../db/pool';
import { hitRateLimit } from '../db/rate-limits';
import { findUser } from '../db/users';
import type { SignedInContext } from '../core/context';
import { fail } from '../core/errors';
import { equalBuffers, hmac, newOneTimeCode } from '../lib/crypto';
import { CODE_MAX_ATTEMPTS, CODE_VALID_MINUTES, sendCode } from './sign-in-code';

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
  const { rows } = await db.query<{ channel: Channel; enabled: boolean; changed_at: Date }>(
    'SELECT channel, enabled, changed_at FROM channel_preferences WHERE user_id = $1',
    [userId],
  );
  const { rows: devices } = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM push_subscriptions WHERE user_id = $1',
    [userId],
  );
  const pref = (channel: Channel) => rows.find((r) => r.channel === channel);
  const at = (d: Date | undefined) => (d ? d.toISOString() : null);
  const deviceCount = devices[0]?.n ?? 0;
  return {
    email: {
      address: user.email,
      verified: user.emailVerifiedAt !== null,
      enabled: user.emailVerifiedAt !== null && (pref('email')?.enabled ?? true),
      changedAt: at(pref('email')?.changed_at ?? user.emailVerifiedAt ?? undefined),
    },
    sms: {
      address: user.phone,
      verified: user.phoneVerifiedAt !== null,
      enabled: user.phoneVerifiedAt !== null && (pref('sms')?.enabled ?? true),
      changedAt: at(pref('sms')?.changed_at ?? user.phoneVerifiedAt ?? undefined),
    },
    push: {
      enabled: deviceCount > 0 && (pref('push')?.enabled ?? true),
      devices: deviceCount,
      changedAt: at(pref('push')?.changed_at),
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
  await ctx.db.query(
    `INSERT INTO channel_preferences (user_id, channel, enabled, changed_at) VALUES ($1, $2, $3, to_timestamp($4 / 1000.0))
     ON CONFLICT (user_id, channel) DO UPDATE SET enabled = EXCLUDED.enabled, changed_at = EXCLUDED.changed_at`,
    [ctx.actor.userId, channel, enabled, ctx.clock.now()],
  );
  return presentMyNotifications(ctx.db, ctx.actor.userId);
}

function contactOf(body: ContactCodeBody): { channel: 'email' | 'sms'; address: string } {
  if ('email' in body) return { channel: 'email', address: normalizeEmail(body.email) };
  const phone = normalizePhone(body.phone);
  if (!phone) throw fail('validation_failed', 'phone: not a mobile number we can send to');
  return { channel: 'sms', address: phone };
}

function requireFreshSignIn(ctx: SignedInContext): void {
  if (ctx.clock.now() - ctx.actor.signedInAt > FRESH_SIGN_IN_MS) throw fail('reauth_required');
}

const contactCodeHash = (
  secret: string,
  userId: string,
  channel: string,
  address: string,
  code: string,
) => hmac(secret, 'contact-code', userId, channel, address, code);

/**
 * Sends a code to a new e-mail address or mobile number of the signed-in user. The address is
 * theirs only once they type the code back (verifyContact). Needs a fresh sign-in.
 */
export async function requestContactCode(
  ctx: SignedInContext,
  body: ContactCodeBody,
): Promise<{ channel: 'email' | 'sms'; expiresIn: number }> {
  requireFreshSignIn(ctx);
  const { channel, address } = contactOf(body);
  const transport = ctx.transports[channel];
  if (!transport) throw fail('channel_unavailable');
  const now = ctx.clock.now();
  const hit = await hitRateLimit(
    ctx.db,
    ctx.secret,
    { bucket: 'contact:user', limit: 5, windowMs: 15 * 60_000 },
    ctx.actor.userId,
    now,
  );
  if (!hit.allowed)
    throw fail('rate_limited', undefined, { 'retry-after': String(hit.retryAfterSeconds) });
  const code = newOneTimeCode();
  const id = await withTransaction(ctx.db, async (tx) => {
    await tx.query(
      `UPDATE sign_in_codes SET consumed_at = to_timestamp($2 / 1000.0)
        WHERE user_id = $1 AND purpose = 'contact' AND consumed_at IS NULL`,
      [ctx.actor.userId, now],
    );
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO sign_in_codes (channel, address, code_hash, created_at, expires_at, purpose, user_id)
       VALUES ($1, $2, $3, to_timestamp($4 / 1000.0), to_timestamp($5 / 1000.0), 'contact', $6) RETURNING id`,
      [
        channel,
        address,
        contactCodeHash(ctx.secret, ctx.actor.userId, channel, address, code),
        now,
        now + CODE_VALID_MINUTES * 60_000,
        ctx.actor.userId,
      ],
    );
    return rows[0]!.id;
  });
  const user = await findUser(ctx.db, ctx.actor.userId);
  return sendCode(transport, {
    channel,
    address,
    code,
    reference: id,
    locale: user?.locale ?? 'nb',
  });
}

/**
 * Makes the address the user's, verified now, once the code matches (single use, 10 minutes,
 * 5 tries). The channel is switched on with that time as the consent. An address that belongs
 * to another account is refused.
 */
export async function verifyContact(
  ctx: SignedInContext,
  body: ContactVerifyBody,
): Promise<MyNotifications> {
  requireFreshSignIn(ctx);
  const { channel, address } = contactOf(body);
  const userId = ctx.actor.userId;
  const now = ctx.clock.now();
  const matched = await withTransaction(ctx.db, async (tx) => {
    const { rows } = await tx.query<{
      id: string;
      code_hash: Buffer;
      expires_at: Date;
      attempts: number;
    }>(
      `SELECT id, code_hash, expires_at, attempts FROM sign_in_codes
        WHERE user_id = $1 AND purpose = 'contact' AND channel = $2 AND address = $3 AND consumed_at IS NULL
        ORDER BY created_at DESC LIMIT 1 FOR UPDATE`,
      [userId, channel, address],
    );
    const row = rows[0];
    if (!row || row.expires_at.getTime() <= now || row.attempts >= CODE_MAX_ATTEMPTS) return false;
    if (
      !equalBuffers(row.code_hash, contactCodeHash(ctx.secret, userId, channel, address, body.code))
    ) {
      await tx.query(
        `UPDATE sign_in_codes SET attempts = attempts + 1,
                consumed_at = CASE WHEN attempts + 1 >= $2 THEN to_timestamp($3 / 1000.0) END WHERE id = $1`,
        [row.id, CODE_MAX_ATTEMPTS, now],
      );
      return false;
    }
    await tx.query(
      'UPDATE sign_in_codes SET consumed_at = to_timestamp($2 / 1000.0) WHERE id = $1',
      [row.id, now],
    );
    const [column, verified] =
      channel === 'email' ? ['email', 'email_verified_at'] : ['phone', 'phone_verified_at'];
    try {
      await tx.query(
        `UPDATE users SET ${column} = $2, ${verified} = to_timestamp($3 / 1000.0), updated_at = to_timestamp($3 / 1000.0) WHERE id = $1`,
        [userId, address, now],
      );
    } catch (error) {
      if (sqlState(error) === UNIQUE_VIOLATION) throw fail('address_in_use');
      throw error;
    }
    await tx.query(
      `INSERT INTO channel_preferences (user_id, channel, enabled, changed_at) VALUES ($1, $2, true, to_timestamp($3 / 1000.0))
       ON CONFLICT (user_id, channel) DO UPDATE SET enabled = true, changed_at = EXCLUDED.changed_at`,
      [userId, channel, now],
    );
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
    return true;
  });
  if (!matched) throw fail('invalid_code');
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
    await tx.query(
      `INSERT INTO notification_settings (clinic_id, video_sms, video_email, in_person_sms, in_person_email,
                                          video_reminders, in_person_reminders, confirmations, updated_at, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, to_timestamp($9 / 1000.0), $10)
       ON CONFLICT (clinic_id) DO UPDATE SET
         video_sms = EXCLUDED.video_sms, video_email = EXCLUDED.video_email,
         in_person_sms = EXCLUDED.in_person_sms, in_person_email = EXCLUDED.in_person_email,
         video_reminders = EXCLUDED.video_reminders, in_person_reminders = EXCLUDED.in_person_reminders,
         confirmations = EXCLUDED.confirmations, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
      [
        clinicId,
        settings.video.sms,
        settings.video.email,
        settings.inPerson.sms,
        settings.inPerson.email,
        settings.video.remindersMinutesBefore,
        settings.inPerson.remindersMinutesBefore,
        settings.confirmations,
        now,
        ctx.actor.userId,
      ],
    );
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
