import type { NotificationSettings } from '@visitt/contracts';
import type { Instant, UserId } from '@visitt/domain';
import type { Queryable } from './pool';

export type PreferenceChannel = 'email' | 'sms' | 'push';

export interface ChannelPreference {
  channel: PreferenceChannel;
  enabled: boolean;
  changedAt: Instant;
}

/** The user's recorded choices per channel (a channel never chosen has no row). */
export async function listChannelPreferences(
  db: Queryable,
  userId: UserId,
): Promise<ChannelPreference[]> {
  const { rows } = await db.query<{
    channel: PreferenceChannel;
    enabled: boolean;
    changed_at: Date;
  }>('SELECT channel, enabled, changed_at FROM channel_preferences WHERE user_id = $1', [userId]);
  return rows.map((r) => ({
    channel: r.channel,
    enabled: r.enabled,
    changedAt: r.changed_at.getTime() as Instant,
  }));
}

/** How many devices the user receives Web Push on. */
export async function countPushDevices(db: Queryable, userId: UserId): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM push_subscriptions WHERE user_id = $1',
    [userId],
  );
  return rows[0]?.n ?? 0;
}

/** Records the user's choice for a channel, with its time (turning one on is the consent). */
export async function saveChannelPreference(
  db: Queryable,
  userId: UserId,
  channel: PreferenceChannel,
  enabled: boolean,
  now: Instant,
): Promise<void> {
  await db.query(
    `INSERT INTO channel_preferences (user_id, channel, enabled, changed_at) VALUES ($1, $2, $3, to_timestamp($4 / 1000.0))
     ON CONFLICT (user_id, channel) DO UPDATE SET enabled = EXCLUDED.enabled, changed_at = EXCLUDED.changed_at`,
    [userId, channel, enabled, now],
  );
}

/**
 * Makes `address` the user's e-mail address or mobile number, verified `now`. Fails with a
 * unique violation (SQLSTATE 23505) when another account has it.
 */
export async function setVerifiedContact(
  db: Queryable,
  userId: UserId,
  channel: 'email' | 'sms',
  address: string,
  now: Instant,
): Promise<void> {
  await db.query(
    channel === 'email'
      ? `UPDATE users SET email = $2, email_verified_at = to_timestamp($3 / 1000.0),
                updated_at = to_timestamp($3 / 1000.0) WHERE id = $1`
      : `UPDATE users SET phone = $2, phone_verified_at = to_timestamp($3 / 1000.0),
                updated_at = to_timestamp($3 / 1000.0) WHERE id = $1`,
    [userId, address, now],
  );
}

/** Stores a clinic's notification settings, stamped with who changed them and when. */
export async function saveClinicNotificationSettings(
  db: Queryable,
  clinicId: string,
  settings: NotificationSettings,
  changed: { at: Instant; by: UserId },
): Promise<void> {
  await db.query(
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
      changed.at,
      changed.by,
    ],
  );
}
