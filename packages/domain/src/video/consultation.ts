import type { Instant } from '../time';

/**
 * Where a video consultation stands, from its room's times, for the consultation record:
 * - `waiting`: the patient has started and the practitioner has not entered;
 * - `in_progress`: the practitioner has entered and nobody has ended it;
 * - `finished`: ended after the practitioner entered;
 * - `not_held`: ended (the patient left) before the practitioner ever entered.
 */
export type ConsultationState = 'waiting' | 'in_progress' | 'finished' | 'not_held';

/** The times a consultation record is built from (epoch milliseconds). */
export interface ConsultationTimes {
  /** The patient started the consultation: from here they waited. */
  readonly startedAt: Instant;
  /** The practitioner first entered; null while they never have. */
  readonly practitionerEnteredAt: Instant | null;
  /** Someone ended it; null while it goes on (a restart after a hang-up clears it). */
  readonly endedAt: Instant | null;
}

export function consultationState(times: ConsultationTimes): ConsultationState {
  if (times.practitionerEnteredAt === null) return times.endedAt === null ? 'waiting' : 'not_held';
  return times.endedAt === null ? 'in_progress' : 'finished';
}

/**
 * How long the patient waited for the practitioner, in whole seconds: from starting until the
 * practitioner first entered. Null while (or if) the practitioner never entered.
 */
export function waitedSeconds(times: ConsultationTimes): number | null {
  if (times.practitionerEnteredAt === null) return null;
  return Math.max(0, Math.round((times.practitionerEnteredAt - times.startedAt) / 1000));
}

/**
 * How long the consultation lasted, in whole seconds: from the practitioner entering until it
 * ended. Null until it has ended, and for one that was never held. The patient's time waiting
 * is not part of it (the record gives it apart).
 */
export function consultationSeconds(times: ConsultationTimes): number | null {
  if (times.practitionerEnteredAt === null || times.endedAt === null) return null;
  return Math.max(0, Math.round((times.endedAt - times.practitionerEnteredAt) / 1000));
}

/**
 * The consultation's length in whole minutes for the record, as journals count it: a started
 * minute counts (a 30-second consultation is 1 minute, 10 min 1 s is 11). Null as for
 * {@link consultationSeconds}.
 */
export function consultationMinutes(times: ConsultationTimes): number | null {
  const seconds = consultationSeconds(times);
  return seconds === null ? null : Math.max(1, Math.ceil(seconds / 60));
}
