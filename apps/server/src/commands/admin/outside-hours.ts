import {
  findOutsideHours,
  type Availability,
  type Instant,
  type LocalDate,
  type TimeZoneId,
  type Weekday,
} from '@visitt/domain';
import { listBookedAhead, type BookedAheadRow } from '../../db/booked-ahead';
import { readClosures, readOpenHolidays, type ClosureRow } from '../../db/closures';
import { readHours, type ExceptionRow, type WeeklyRow } from '../../db/hours';
import { writeAppointmentListRead } from '../../db/audit';
import type { Queryable } from '../../db/pool';
import type { SignedInContext } from '../../core/context';

export interface Hours {
  weekly: readonly WeeklyRow[];
  exceptions: readonly ExceptionRow[];
  /** The weekly hours apply on public holidays too. */
  worksHolidays: boolean;
}

/** The clinic's own dates: closures, and public holidays it is open on. */
export interface ClinicDays {
  closures: readonly ClosureRow[];
  openHolidays: readonly LocalDate[];
}

/** Stored or proposed hours and clinic dates as the domain's availability of one practitioner. */
export function availabilityOf(timeZone: TimeZoneId, hours: Hours, days: ClinicDays): Availability {
  return {
    timeZone,
    weekly: hours.weekly.map((w) => ({
      weekday: w.weekday as Weekday,
      start: w.start,
      end: w.end,
      validFrom: w.validFrom,
      validUntil: w.validUntil,
    })),
    exceptions: hours.exceptions.map((e) => ({
      date: e.date,
      kind: e.kind,
      start: e.start,
      end: e.end,
    })),
    closures: days.closures.map((c) => ({ from: c.from, to: c.to })),
    worksHolidays: hours.worksHolidays,
    openHolidays: days.openHolidays,
  };
}

/** What a change to the clinic's hours replaces; anything left out stays as stored. */
export interface HoursChange {
  /** The practitioner whose hours are replaced by `hours`. */
  practitionerId?: string;
  hours?: Hours;
  closures?: readonly ClosureRow[];
  openHolidays?: readonly LocalDate[];
  timeZone?: TimeZoneId;
}

export type OutsideRow = BookedAheadRow & { newlyOutside: boolean };

/**
 * The clinic's booked future appointments that lie outside the open hours once `change` is made
 * (all of them with an empty change), each marked whether the change is what puts it outside.
 * Only the practitioner's appointments are looked at when only their hours change.
 */
export async function outsideAfterChange(
  db: Queryable,
  clinic: { id: string; timeZone: TimeZoneId },
  change: HoursChange,
  now: Instant,
): Promise<OutsideRow[]> {
  const onlyOne =
    change.practitionerId !== undefined &&
    !change.closures &&
    !change.openHolidays &&
    !change.timeZone
      ? change.practitionerId
      : null;
  const booked = await listBookedAhead(db, clinic.id, onlyOne, now);
  if (booked.length === 0) return [];
  const byPractitioner = new Map<string, BookedAheadRow[]>();
  for (const a of booked) {
    const list = byPractitioner.get(a.practitioner.id) ?? [];
    list.push(a);
    byPractitioner.set(a.practitioner.id, list);
  }
  const stored: ClinicDays = {
    closures: await readClosures(db, clinic.id),
    openHolidays: await readOpenHolidays(db, clinic.id),
  };
  const changed: ClinicDays = {
    closures: change.closures ?? stored.closures,
    openHolidays: change.openHolidays ?? stored.openHolidays,
  };
  const newlyOutside = new Set<string>();
  const outside = new Set<string>();
  for (const [practitionerId, appointments] of byPractitioner) {
    const hours = await readHours(db, practitionerId);
    const before = findOutsideHours(appointments, availabilityOf(clinic.timeZone, hours, stored));
    const after = findOutsideHours(
      appointments,
      availabilityOf(
        change.timeZone ?? clinic.timeZone,
        practitionerId === change.practitionerId && change.hours ? change.hours : hours,
        changed,
      ),
    );
    const wasOutside = new Set(before.map((a) => a.id));
    for (const a of after) {
      outside.add(a.id);
      if (!wasOutside.has(a.id)) newlyOutside.add(a.id);
    }
  }
  return booked
    .filter((a) => outside.has(a.id))
    .map((a) => ({ ...a, newlyOutside: newlyOutside.has(a.id) }));
}

/**
 * Records that an administrator was shown these appointments (patient names with times and
 * practitioners): one row naming them all (none when the list is empty).
 */
export async function auditOutsideRead(
  ctx: SignedInContext,
  db: Queryable,
  clinicId: string,
  appointments: readonly { id: string }[],
  via: string,
): Promise<void> {
  await writeAppointmentListRead(
    db,
    {
      at: ctx.clock.now(),
      actorUserId: ctx.actor.userId,
      actorRole: 'admin',
      ip: ctx.ip,
      details: { via },
    },
    appointments.map((a) => ({ id: a.id, clinic: { id: clinicId } })),
  );
}

/**
 * The outcome of a change that may put booked appointments outside the hours: saved (with the
 * appointments now outside, to move or cancel), or refused with the conflicting list.
 */
export type CheckedChange<T> =
  { saved: true; value: T; outside: OutsideRow[] } | { saved: false; conflict: OutsideRow[] };

/** A change needs confirming when it puts at least one booked appointment outside the hours. */
export const needsConfirming = (outside: readonly OutsideRow[], confirm: boolean | undefined) =>
  confirm !== true && outside.some((a) => a.newlyOutside);

/** For the audit trail of a confirmed change: the appointments it put outside the hours. */
export const confirmed = (outside: readonly OutsideRow[]) =>
  outside.some((a) => a.newlyOutside)
    ? { confirmedOutside: outside.filter((a) => a.newlyOutside).map((a) => a.id) }
    : {};
