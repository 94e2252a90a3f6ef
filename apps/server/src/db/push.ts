import type { Instant, UserId } from '@visitt/domain';
import { withTransaction, type Db, type Queryable, type Tx } from './pool';

/** One browser (or installed app) that receives a user's push messages. */
export interface PushSubscriptionRow {
  id: string;
  userId: UserId;
  endpoint: string;
  p256dh: string;
  auth: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

/** The user's push choice, the consent record: what they chose and when. */
export interface PushPreferenceRow {
  enabled: boolean;
  changedAt: Date;
}

/**
 * Devices one user may have at once. Subscribing another drops the longest-unused ones, so a
 * client cannot make the server post to an unbounded list of URLs.
 */
export const MAX_PUSH_SUBSCRIPTIONS_PER_USER = 20;

interface SubscriptionDbRow {
  id: string;
  user_id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  created_at: Date;
  last_used_at: Date | null;
}

const COLUMNS = 'id, user_id, endpoint, p256dh, auth, created_at, last_used_at';

const toSubscription = (r: SubscriptionDbRow): PushSubscriptionRow => ({
  id: r.id,
  userId: r.user_id as UserId,
  endpoint: r.endpoint,
  p256dh: r.p256dh,
  auth: r.auth,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
});

/** The user's push subscriptions, newest first. */
export async function findPushSubscriptions(
  db: Queryable,
  userId: UserId,
): Promise<PushSubscriptionRow[]> {
  const { rows } = await db.query<SubscriptionDbRow>(
    `SELECT ${COLUMNS} FROM push_subscriptions WHERE user_id = $1 ORDER BY created_at DESC, id`,
    [userId],
  );
  return rows.map(toSubscription);
}

/** The user's push preference, or null when they never chose. */
export async function findPushPreference(
  db: Queryable,
  userId: UserId,
): Promise<PushPreferenceRow | null> {
  const { rows } = await db.query<{ enabled: boolean; changed_at: Date }>(
    `SELECT enabled, changed_at FROM channel_preferences WHERE user_id = $1 AND channel = 'push'`,
    [userId],
  );
  return rows[0] ? { enabled: rows[0].enabled, changedAt: rows[0].changed_at } : null;
}

/**
 * Records the push choice. `changed_at` is when the choice got its current value: saying "on"
 * again from a second device keeps the time of the first "on".
 */
async function setPushPreference(
  tx: Queryable,
  userId: UserId,
  enabled: boolean,
  now: Instant,
): Promise<void> {
  await tx.query(
    `INSERT INTO channel_preferences (user_id, channel, enabled, changed_at)
     VALUES ($1, 'push', $2, to_timestamp($3 / 1000.0))
     ON CONFLICT (user_id, channel) DO UPDATE
       SET enabled = EXCLUDED.enabled, changed_at = EXCLUDED.changed_at
       WHERE channel_preferences.enabled IS DISTINCT FROM EXCLUDED.enabled`,
    [userId, enabled, now],
  );
}

// Subscribing and unsubscribing of one user run one after the other, so "no device left, so
// push is off" is never decided while another device is being added. NO KEY UPDATE does not
// block inserts that reference the user (sessions, appointments).
const lockUser = (tx: Tx, userId: UserId) =>
  tx.query('SELECT 1 FROM users WHERE id = $1 FOR NO KEY UPDATE', [userId]);

/**
 * Saves a browser's subscription for the user and records that push is on, in one transaction.
 * An endpoint already known (the same browser again, or a browser now used by another person)
 * is taken over with its new keys; a takeover starts its history afresh.
 */
export async function savePushSubscription(
  db: Db,
  userId: UserId,
  subscription: { endpoint: string; p256dh: string; auth: string },
  now: Instant,
): Promise<void> {
  await withTransaction(db, async (tx) => {
    await lockUser(tx, userId);
    await tx.query(
      `INSERT INTO push_subscriptions (user_id, endpoint, p256dh, auth, created_at)
       VALUES ($1, $2, $3, $4, to_timestamp($5 / 1000.0))
       ON CONFLICT (endpoint) DO UPDATE
         SET user_id = EXCLUDED.user_id,
             p256dh = EXCLUDED.p256dh,
             auth = EXCLUDED.auth,
             created_at = CASE WHEN push_subscriptions.user_id = EXCLUDED.user_id
                               THEN push_subscriptions.created_at ELSE EXCLUDED.created_at END,
             last_used_at = CASE WHEN push_subscriptions.user_id = EXCLUDED.user_id
                                 THEN push_subscriptions.last_used_at END`,
      [userId, subscription.endpoint, subscription.p256dh, subscription.auth, now],
    );
    await tx.query(
      `DELETE FROM push_subscriptions
        WHERE user_id = $1
          AND endpoint <> $2
          AND id NOT IN (SELECT id FROM push_subscriptions WHERE user_id = $1
                          ORDER BY coalesce(last_used_at, created_at) DESC, created_at DESC
                          LIMIT $3)`,
      [userId, subscription.endpoint, MAX_PUSH_SUBSCRIPTIONS_PER_USER],
    );
    await setPushPreference(tx, userId, true, now);
  });
}

/**
 * Forgets the user's subscription with this endpoint (someone else's is left alone). When the
 * user has no device left, records that push is off. Returns whether a subscription was removed.
 */
export async function removePushSubscription(
  db: Db,
  userId: UserId,
  endpoint: string,
  now: Instant,
): Promise<boolean> {
  return withTransaction(db, async (tx) => {
    await lockUser(tx, userId);
    const removed = await tx.query(
      'DELETE FROM push_subscriptions WHERE user_id = $1 AND endpoint = $2',
      [userId, endpoint],
    );
    const left = await tx.query('SELECT 1 FROM push_subscriptions WHERE user_id = $1 LIMIT 1', [
      userId,
    ]);
    if (left.rowCount === 0) await setPushPreference(tx, userId, false, now);
    return (removed.rowCount ?? 0) > 0;
  });
}

/** Drops a subscription the push service called gone (404/410). */
export async function deletePushSubscription(db: Queryable, id: string): Promise<void> {
  await db.query('DELETE FROM push_subscriptions WHERE id = $1', [id]);
}

/** Notes that the push service accepted a message for this subscription. */
export async function markPushSubscriptionUsed(
  db: Queryable,
  id: string,
  now: Instant,
): Promise<void> {
  await db.query(
    'UPDATE push_subscriptions SET last_used_at = to_timestamp($2 / 1000.0) WHERE id = $1',
    [id, now],
  );
}
