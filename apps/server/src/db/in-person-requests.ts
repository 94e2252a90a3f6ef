import type { AppointmentId, Instant, UserId } from '@visitt/domain';
import type { Queryable } from './pool';

/** A patient's request for an in-person appointment instead, and the clinic's answer. */
export interface InPersonRequestRow {
  requestedAt: Instant;
  reason: string | null;
  answeredAt: Instant | null;
  answer: string | null;
}

/** The request's columns as the staff lists select them (`ipr`, left-joined). */
export const IN_PERSON_COLUMNS = `ipr.requested_at AS ipr_requested_at, ipr.reason AS ipr_reason,
         ipr.answered_at AS ipr_answered_at, ipr.answer AS ipr_answer`;

export interface InPersonDbColumns {
  ipr_requested_at: Date | null;
  ipr_reason: string | null;
  ipr_answered_at: Date | null;
  ipr_answer: string | null;
}

export const toInPersonRequest = (r: InPersonDbColumns): InPersonRequestRow | null =>
  r.ipr_requested_at
    ? {
        requestedAt: r.ipr_requested_at.getTime() as Instant,
        reason: r.ipr_reason,
        answeredAt: r.ipr_answered_at ? (r.ipr_answered_at.getTime() as Instant) : null,
        answer: r.ipr_answer,
      }
    : null;

/** The appointment's request, locked for the answer when `forUpdate`; null when none. */
export async function findInPersonRequest(
  db: Queryable,
  appointmentId: AppointmentId,
  { forUpdate = false } = {},
): Promise<InPersonRequestRow | null> {
  const { rows } = await db.query<InPersonDbColumns>(
    `SELECT ${IN_PERSON_COLUMNS} FROM in_person_requests ipr WHERE ipr.appointment_id = $1
      ${forUpdate ? 'FOR UPDATE' : ''}`,
    [appointmentId],
  );
  return rows[0] ? toInPersonRequest(rows[0]) : null;
}

/** Records the request; asking again opens it anew (any earlier answer is cleared). */
export async function saveInPersonRequest(
  db: Queryable,
  appointmentId: AppointmentId,
  reason: string | null,
  now: Instant,
): Promise<InPersonRequestRow> {
  await db.query(
    `INSERT INTO in_person_requests (appointment_id, requested_at, reason)
          VALUES ($1, to_timestamp($2 / 1000.0), $3)
     ON CONFLICT (appointment_id) DO UPDATE
        SET requested_at = excluded.requested_at, reason = excluded.reason,
            answered_at = NULL, answered_by = NULL, answer = NULL`,
    [appointmentId, now, reason],
  );
  return { requestedAt: now, reason, answeredAt: null, answer: null };
}

/** Records the clinic's answer. */
export async function saveInPersonAnswer(
  db: Queryable,
  appointmentId: AppointmentId,
  answer: string,
  answeredBy: UserId,
  now: Instant,
): Promise<void> {
  await db.query(
    `UPDATE in_person_requests
        SET answered_at = to_timestamp($2 / 1000.0), answered_by = $3, answer = $4
      WHERE appointment_id = $1`,
    [appointmentId, now, answeredBy, answer],
  );
}
