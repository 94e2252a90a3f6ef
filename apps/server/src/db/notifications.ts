import type {
  Instant,
  NotificationChannel,
  NotificationKind,
  NotificationSettings,
  PatientChannels,
  PlannedNotification,
  UserId,
} from '@visitt/domain';
import { DEFAULT_NOTIFICATION_SETTINGS, reachableChannels } from '@visitt/domain';
import type { Queryable } from './pool';

/** SQL columns that read a clinic's settings (`ns` joined on the clinic; defaults when no row). */
export const SETTINGS_COLUMNS = `
  coalesce(ns.video_sms, true) AS ns_video_sms, coalesce(ns.video_email, true) AS ns_video_email,
  coalesce(ns.in_person_sms, true) AS ns_in_person_sms, coalesce(ns.in_person_email, true) AS ns_in_person_email,
  coalesce(ns.video_reminders, '{1440,60}') AS ns_video_reminders,
  coalesce(ns.in_person_reminders, '{1440,60}') AS ns_in_person_reminders,
  coalesce(ns.confirmations, true) AS ns_confirmations`;

export interface SettingsColumns {
  ns_video_sms: boolean;
  ns_video_email: boolean;
  ns_in_person_sms: boolean;
  ns_in_person_email: boolean;
  ns_video_reminders: number[];
  ns_in_person_reminders: number[];
  ns_confirmations: boolean;
}

export const toSettings = (r: SettingsColumns): NotificationSettings => ({
  video: {
    sms: r.ns_video_sms,
    email: r.ns_video_email,
    remindersMinutesBefore: r.ns_video_reminders,
  },
  inPerson: {
    sms: r.ns_in_person_sms,
    email: r.ns_in_person_email,
    remindersMinutesBefore: r.ns_in_person_reminders,
  },
  confirmations: r.ns_confirmations,
});

/**
 * SQL for what decides where a user can be reached (`u` is the users row): per contact whether
 * there is one, whether it is verified and the user's switch (on unless turned off), and the push
 * switch with the number of devices. What they add up to is the domain's rule, in {@link toChannels}.
 */
export const CHANNEL_COLUMNS = `
  u.email IS NOT NULL AS ch_email_given, u.email_verified_at IS NOT NULL AS ch_email_verified,
  coalesce((SELECT enabled FROM channel_preferences cp
     WHERE cp.user_id = u.id AND cp.channel = 'email'), true) AS ch_email_enabled,
  u.phone IS NOT NULL AS ch_sms_given, u.phone_verified_at IS NOT NULL AS ch_sms_verified,
  coalesce((SELECT enabled FROM channel_preferences cp
     WHERE cp.user_id = u.id AND cp.channel = 'sms'), true) AS ch_sms_enabled,
  coalesce((SELECT enabled FROM channel_preferences cp
     WHERE cp.user_id = u.id AND cp.channel = 'push'), true) AS ch_push_enabled,
  (SELECT count(*)::int FROM push_subscriptions ps WHERE ps.user_id = u.id) AS ch_push_devices`;

export interface ChannelColumns {
  ch_email_given: boolean;
  ch_email_verified: boolean;
  ch_email_enabled: boolean;
  ch_sms_given: boolean;
  ch_sms_verified: boolean;
  ch_sms_enabled: boolean;
  ch_push_enabled: boolean;
  ch_push_devices: number;
}

export const toChannels = (r: ChannelColumns): PatientChannels =>
  reachableChannels({
    email: { given: r.ch_email_given, verified: r.ch_email_verified, enabled: r.ch_email_enabled },
    sms: { given: r.ch_sms_given, verified: r.ch_sms_verified, enabled: r.ch_sms_enabled },
    push: { enabled: r.ch_push_enabled, devices: r.ch_push_devices },
  });

export async function findClinicSettings(
  db: Queryable,
  clinicId: string,
): Promise<NotificationSettings> {
  const { rows } = await db.query<SettingsColumns>(
    `SELECT ${SETTINGS_COLUMNS} FROM clinics c LEFT JOIN notification_settings ns ON ns.clinic_id = c.id WHERE c.id = $1`,
    [clinicId],
  );
  return rows[0] ? toSettings(rows[0]) : DEFAULT_NOTIFICATION_SETTINGS;
}

export async function findUserChannels(db: Queryable, userId: string): Promise<PatientChannels> {
  const { rows } = await db.query<ChannelColumns>(
    `SELECT ${CHANNEL_COLUMNS} FROM users u WHERE u.id = $1`,
    [userId],
  );
  return rows[0] ? toChannels(rows[0]) : { email: false, sms: false, push: false };
}

/** The parameters that {@link PLANNED_ROWS_SQL} unnests: one array per column. */
export function plannedArrays(planned: readonly PlannedNotification[]): unknown[] {
  return [
    planned.map((p) => p.key),
    planned.map((p) => p.kind),
    planned.map((p) => p.channel),
    planned.map((p) => p.dueAt),
    planned.map((p) => p.sendBefore),
  ];
}

/**
 * A SELECT producing notification rows from five array parameters starting at `$first`
 * (keys, kinds, channels, due, send-before in epoch ms), for an INSERT … SELECT inside a larger
 * statement (so planning commits with the booking, in the same round trip).
 */
export const plannedRowsSql = (first: number) => `
  SELECT p.key, p.kind, p.channel, to_timestamp(p.due / 1000.0), to_timestamp(p.before / 1000.0)
    FROM unnest($${first}::text[], $${first + 1}::text[], $${first + 2}::text[], $${first + 3}::float8[], $${first + 4}::float8[])
      AS p(key, kind, channel, due, before)`;

/** Plans messages for a user (and appointment, of a version); a key already planned is left alone. */
export async function insertPlanned(
  db: Queryable,
  input: {
    userId: UserId | string;
    appointmentId: string | null;
    version: number | null;
    now: Instant;
  },
  planned: readonly PlannedNotification[],
): Promise<void> {
  if (planned.length === 0) return;
  await db.query(
    `INSERT INTO notifications (dedupe_key, kind, channel, due_at, send_before, appointment_id, appointment_version,
                                user_id, created_at, updated_at)
     SELECT key, kind, channel, due, before, $6, $7, $8, to_timestamp($9 / 1000.0), to_timestamp($9 / 1000.0)
       FROM (${plannedRowsSql(1)}) AS planned(key, kind, channel, due, before)
     ON CONFLICT (dedupe_key) DO NOTHING`,
    [...plannedArrays(planned), input.appointmentId, input.version, input.userId, input.now],
  );
}

/** Drops what is still planned for an appointment (cancelled, or moved to a new version). */
export async function dropPlanned(
  db: Queryable,
  appointmentId: string,
  kinds: readonly NotificationKind[],
  reason: string,
  now: Instant,
): Promise<void> {
  await db.query(
    `UPDATE notifications SET status = 'dropped', last_error = $3, updated_at = to_timestamp($4 / 1000.0)
      WHERE appointment_id = $1 AND status = 'planned' AND kind = ANY($2::text[])`,
    [appointmentId, kinds, reason, now],
  );
}

/** One leased message, with what rendering it needs. */
export interface LeasedNotification {
  id: string;
  kind: NotificationKind;
  channel: NotificationChannel;
  userId: UserId;
  appointmentId: string | null;
  appointmentVersion: number | null;
  sendBefore: Instant;
  attempts: number;
}

/**
 * Leases up to `limit` messages that are due, or whose lease ran out (a worker that died while
 * sending): each is marked `sending` until `now + leaseMs`. SKIP LOCKED lets several workers
 * share the table without waiting on each other or taking the same row.
 */
export async function leaseDue(
  db: Queryable,
  now: Instant,
  limit: number,
  leaseMs: number,
): Promise<LeasedNotification[]> {
  const { rows } = await db.query<{
    id: string;
    kind: NotificationKind;
    channel: NotificationChannel;
    user_id: string;
    appointment_id: string | null;
    appointment_version: number | null;
    send_before: Date;
    attempts: number;
  }>({
    name: 'lease-due-notifications',
    text: `WITH due AS (
             SELECT id FROM notifications
              WHERE (status = 'planned' AND due_at <= to_timestamp($1 / 1000.0))
                 OR (status = 'sending' AND leased_until < to_timestamp($1 / 1000.0))
              ORDER BY due_at
              LIMIT $2
              FOR UPDATE SKIP LOCKED)
           UPDATE notifications n
              SET status = 'sending', leased_until = to_timestamp(($1 + $3) / 1000.0), attempts = n.attempts + 1,
                  updated_at = to_timestamp($1 / 1000.0)
             FROM due WHERE n.id = due.id
           RETURNING n.id, n.kind, n.channel, n.user_id, n.appointment_id, n.appointment_version, n.send_before, n.attempts`,
    values: [now, limit, leaseMs],
  });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    channel: r.channel,
    userId: r.user_id as UserId,
    appointmentId: r.appointment_id,
    appointmentVersion: r.appointment_version,
    sendBefore: r.send_before.getTime() as Instant,
    attempts: r.attempts,
  }));
}

export type Outcome =
  | { status: 'sent'; reference: string | null }
  | { status: 'retry'; dueAt: Instant; error: string }
  | { status: 'failed' | 'dropped'; error: string };

/**
 * Records what happened to leased messages, many in one statement (only rows this worker still
 * holds, status `sending`, are changed).
 */
export async function recordOutcomes(
  db: Queryable,
  outcomes: readonly { id: string; outcome: Outcome }[],
  now: Instant,
): Promise<void> {
  if (outcomes.length === 0) return;
  const status = outcomes.map(({ outcome }) =>
    outcome.status === 'retry' ? 'planned' : outcome.status,
  );
  await db.query({
    name: 'record-notification-outcomes',
    text: `UPDATE notifications n
              SET status = v.status,
                  sent_at = CASE WHEN v.status = 'sent' THEN to_timestamp($6 / 1000.0) ELSE n.sent_at END,
                  provider_reference = CASE WHEN v.status = 'sent' THEN v.reference ELSE n.provider_reference END,
                  due_at = CASE WHEN v.status = 'planned' THEN to_timestamp(v.due / 1000.0) ELSE n.due_at END,
                  last_error = v.error, leased_until = NULL, updated_at = to_timestamp($6 / 1000.0)
             FROM unnest($1::uuid[], $2::text[], $3::text[], $4::float8[], $5::text[]) AS v(id, status, reference, due, error)
            WHERE n.id = v.id AND n.status = 'sending'`,
    values: [
      outcomes.map((o) => o.id),
      status,
      outcomes.map(({ outcome }) => (outcome.status === 'sent' ? outcome.reference : null)),
      outcomes.map(({ outcome }) => (outcome.status === 'retry' ? outcome.dueAt : null)),
      outcomes.map(({ outcome }) => (outcome.status === 'sent' ? null : outcome.error)),
      now,
    ],
  });
}
