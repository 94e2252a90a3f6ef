import { VIDEO_CLOSES_AFTER, type Instant } from '@visitt/domain';
import type { Db } from '../db/pool';
import type { SignalBus } from '../signaling/bus';
import { announceAppointmentsChanged } from '../signaling/messages';

/** Appointments marked per statement; the job loops until none are left. */
const BATCH = 500;

/**
 * Marks `no_show` every video appointment still `booked` whose window closed (start + 2 hours)
 * before `now` and that nobody joined: the patient never started the consultation, so it has no
 * video room. Each is audited as done by the system, and announced on `bus` to its
 * practitioner's open workspaces, as a mark by staff is. Returns how many were marked.
 *
 * An appointment whose patient started the consultation but whose practitioner never came is
 * left `booked`: the patient did show up, and a no-show can cost the patient a fee. Its
 * practitioner marks it.
 *
 * Safe to run from several instances at once: rows another instance is marking are skipped
 * (SKIP LOCKED), and an appointment is marked, audited and announced once.
 *
 * `db` is the pool, not a transaction: each batch commits as its statement ends, so what is
 * announced after it is already there for the workspaces that fetch it again.
 */
export async function markNoShows(db: Db, bus: SignalBus, now: Instant): Promise<number> {
  let total = 0;
  for (;;) {
    const { rows } = await db.query<{ id: string; practitioner_id: string }>({
      name: 'mark-no-shows',
      text: `WITH due AS (
               SELECT a.id FROM appointments a
                WHERE a.status = 'booked' AND a.modality = 'video'
                  AND a.starts_at < to_timestamp(($1::float8 - $2::float8) / 1000.0)
                  AND NOT EXISTS (SELECT 1 FROM video_rooms r WHERE r.appointment_id = a.id)
                ORDER BY a.starts_at
                LIMIT $3
                FOR UPDATE SKIP LOCKED
             ), marked AS (
               UPDATE appointments a
                  SET status = 'no_show', status_changed_by = NULL, status_changed_at = to_timestamp($1 / 1000.0),
                      updated_at = to_timestamp($1 / 1000.0)
                 FROM due WHERE a.id = due.id AND a.status = 'booked'
               RETURNING a.id, a.clinic_id, a.practitioner_id
             ), audited AS (
               INSERT INTO audit_log (at, actor_user_id, actor_role, action, entity_type, entity_id, clinic_id, details)
               SELECT to_timestamp($1 / 1000.0), NULL, 'system', 'appointment.status', 'appointment', id, clinic_id,
                      '{"from": "booked", "to": "no_show", "via": "no-show job"}'::jsonb
                 FROM marked
             )
             SELECT id, practitioner_id FROM marked`,
      values: [now, VIDEO_CLOSES_AFTER, BATCH],
    });
    // One at a time: a large backlog must not take every connection of the pool to publish.
    for (const r of rows) await announceAppointmentsChanged(bus, r.practitioner_id, r.id);
    total += rows.length;
    if (rows.length < BATCH) return total;
  }
}
