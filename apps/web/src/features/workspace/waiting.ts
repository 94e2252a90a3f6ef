import type { StaffAppointment } from '@visitt/contracts';
import { instant, timeWaited } from '@visitt/domain';
import { canJoin, roomState } from './room-state';

/** A patient waiting longer than this without the practitioner having come is highlighted. */
export const LONG_WAIT_MS = 5 * 60_000;
/** How often the chime rings again for such a patient while they wait. */
export const CHIME_AGAIN_MS = 60_000;

type WaitingAppointment = Pick<StaffAppointment, 'id' | 'status' | 'modality' | 'start' | 'video'>;

/**
 * Whether the appointment's patient is in the waiting room at `now`: the domain's `waiting`
 * presence (in the room, the practitioner not), in a room the practitioner may still enter (the
 * domain's `canEnterAsPractitioner`, see {@link canJoin}); after the window has closed nobody
 * is kept waiting there.
 */
export function isWaiting(appointment: WaitingAppointment, now: number): boolean {
  return roomState(appointment, now) === 'waiting' && canJoin(appointment, now);
}

/** How many patients of `list` are in the waiting room at `now`. */
export function countWaiting(list: readonly WaitingAppointment[], now: number): number {
  return list.filter((appointment) => isWaiting(appointment, now)).length;
}

/**
 * Milliseconds the patient has waited at `now` (the domain's `timeWaited`: from when they started
 * the consultation, but not before the appointment's start), or null when they are not waiting.
 */
function waitedMs(appointment: WaitingAppointment, now: number): number | null {
  const startedAt = appointment.video?.room.startedAt;
  if (startedAt == null || !isWaiting(appointment, now)) return null;
  return timeWaited(
    instant(Date.parse(appointment.start)),
    instant(Date.parse(startedAt)),
    instant(now),
  );
}

/**
 * Whole minutes the patient has waited at `now`, counted from when they started the consultation
 * or from the appointment's start when they came early; null when they are not waiting.
 */
export function minutesWaited(appointment: WaitingAppointment, now: number): number | null {
  const ms = waitedMs(appointment, now);
  return ms === null ? null : Math.floor(ms / 60_000);
}

/**
 * A long wait: the patient has waited more than {@link LONG_WAIT_MS} and the practitioner has not
 * entered the room at all (their presence is still `absent`, or `ready`). Once the practitioner has been in,
 * a patient waiting again is a dropped call, not someone forgotten.
 */
export function isLongWait(appointment: WaitingAppointment, now: number): boolean {
  const ms = waitedMs(appointment, now);
  const practitioner = appointment.video?.room.practitioner;
  // `ready` is a connection the workspace readied: they have not entered either.
  return (
    ms !== null && ms > LONG_WAIT_MS && (practitioner === 'absent' || practitioner === 'ready')
  );
}

/**
 * Which reminder chime is due for the appointment at `now`: 1 as soon as the wait becomes long,
 * 2 a minute later, and so on; 0 while it is not a long wait.
 */
export function chimeNumber(appointment: WaitingAppointment, now: number): number {
  if (!isLongWait(appointment, now)) return 0;
  const ms = waitedMs(appointment, now)!;
  return Math.floor((ms - LONG_WAIT_MS) / CHIME_AGAIN_MS) + 1;
}

/**
 * The appointments of `list` whose reminder chime is due at `now`, given the number of the last
 * chime rung for each (`rung`, by id), and the record to keep afterwards (appointments no longer
 * on a long wait are dropped from it, so a later long wait rings afresh). Checked every few
 * seconds, this rings once a minute for each long-waiting patient, and at once after a reload.
 */
export function dueChimes(
  list: readonly WaitingAppointment[],
  rung: ReadonlyMap<string, number>,
  now: number,
): { due: string[]; rung: Map<string, number> } {
  const due: string[] = [];
  const next = new Map<string, number>();
  for (const appointment of list) {
    const number = chimeNumber(appointment, now);
    if (number === 0) continue;
    if (number > (rung.get(appointment.id) ?? 0)) due.push(appointment.id);
    next.set(appointment.id, number);
  }
  return { due, rung: next };
}

/** The tab's title: "(2) Arbeidsflate" while two patients wait, the page's title when none do. */
export function waitingTitle(title: string, waiting: number): string {
  return waiting > 0 ? `(${waiting}) ${title}` : title;
}
