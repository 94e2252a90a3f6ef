import type {
  ClinicClosure,
  HoursException,
  PutClosuresBody,
  PutHoursBody,
  WeeklyHoursBlock,
} from '@visitt/contracts';
import type { LocalDate, LocalTime, TimeZoneId } from '@visitt/domain';
import { findAdminClinic } from '../../db/clinic-profile';
import {
  readClosures,
  readOpenHolidays,
  replaceClosures,
  replaceOpenHolidays,
  type ClosureRow,
} from '../../db/closures';
import { readHours, replaceHours, type ExceptionRow, type WeeklyRow } from '../../db/hours';
import { findClinicPractitioner, type ClinicPractitionerRow } from '../../db/practitioners';
import { writeAudit } from '../../db/audit';
import { withTransaction, type Queryable } from '../../db/pool';
import type { SignedInContext } from '../../core/context';
import { fail } from '../../core/errors';
import {
  auditOutsideRead,
  confirmed,
  needsConfirming,
  outsideAfterChange,
  type CheckedChange,
  type Hours,
  type OutsideRow,
} from './outside-hours';

/** Hours as the contract gives them, as stored rows (branded wall-clock values). */
export function hoursFromBody(body: {
  weekly: readonly WeeklyHoursBlock[];
  exceptions: readonly HoursException[];
}): { weekly: WeeklyRow[]; exceptions: ExceptionRow[] } {
  return {
    weekly: body.weekly.map((w) => ({
      weekday: w.weekday,
      start: w.start as LocalTime,
      end: w.end as LocalTime,
      validFrom: (w.validFrom ?? null) as LocalDate | null,
      validUntil: (w.validUntil ?? null) as LocalDate | null,
    })),
    exceptions: body.exceptions.map((e) => ({
      date: e.date as LocalDate,
      kind: e.kind,
      start: (e.start ?? null) as LocalTime | null,
      end: (e.end ?? null) as LocalTime | null,
      note: e.note ? e.note : null,
    })),
  };
}

export const closuresFromBody = (closures: readonly ClinicClosure[]): ClosureRow[] =>
  closures.map((c) => ({
    from: c.from as LocalDate,
    to: c.to as LocalDate,
    reason: c.reason ? c.reason : null,
  }));

/** The clinic's closures and the public holidays it opened. */
export interface ClinicDaysView {
  timeZone: TimeZoneId;
  closures: ClosureRow[];
  openHolidays: LocalDate[];
}

export interface PractitionerHoursView extends Hours {
  practitioner: ClinicPractitionerRow;
  timeZone: TimeZoneId;
}

async function clinicAndPractitioner(
  db: Queryable,
  clinicId: string,
  practitionerId: string,
  options: { lock?: boolean } = {},
) {
  const clinic = await findAdminClinic(db, clinicId, options);
  const practitioner = clinic
    ? await findClinicPractitioner(db, clinicId, practitionerId, options)
    : null;
  if (!clinic || !practitioner) throw fail('not_found');
  return { clinic, practitioner };
}

/** A practitioner's whole weekly template and exceptions (404 for another clinic's). */
export async function readPractitionerHours(
  db: Queryable,
  clinicId: string,
  practitionerId: string,
): Promise<PractitionerHoursView> {
  const { clinic, practitioner } = await clinicAndPractitioner(db, clinicId, practitionerId);
  return { practitioner, timeZone: clinic.timeZone, ...(await readHours(db, practitionerId)) };
}

/**
 * Replaces a practitioner's weekly template and exceptions, and whether they work public
 * holidays (kept as saved when the body leaves it out). When that would put booked future
 * appointments outside the hours, nothing is saved unless `confirm` is set; either way the
 * appointments outside are returned (they stay booked: the administrator moves or cancels them).
 */
export async function savePractitionerHours(
  ctx: SignedInContext,
  clinicId: string,
  practitionerId: string,
  body: PutHoursBody,
): Promise<CheckedChange<PractitionerHoursView>> {
  const now = ctx.clock.now();
  return withTransaction(ctx.db, async (tx) => {
    const { clinic, practitioner } = await clinicAndPractitioner(tx, clinicId, practitionerId, {
      lock: true,
    });
    const hours: Hours = {
      ...hoursFromBody(body),
      worksHolidays: body.worksHolidays ?? (await readHours(tx, practitionerId)).worksHolidays,
    };
    const outside = await outsideAfterChange(tx, clinic, { practitionerId, hours }, now);
    await auditOutsideRead(ctx, tx, clinicId, outside, 'hours-check');
    if (needsConfirming(outside, body.confirm)) return { saved: false, conflict: outside };
    await replaceHours(tx, practitionerId, hours);
    await writeAudit(tx, {
      at: now,
      actorUserId: ctx.actor.userId,
      actorRole: 'admin',
      action: 'settings.hours.change',
      entityType: 'practitioner',
      entityIds: [practitionerId],
      clinicIds: [clinicId],
      ip: ctx.ip,
      details: {
        weekly: hours.weekly,
        worksHolidays: hours.worksHolidays,
        exceptions: hours.exceptions.map(({ note: _note, ...e }) => e),
        ...confirmed(outside),
      },
    });
    return {
      saved: true,
      value: { practitioner, timeZone: clinic.timeZone, ...(await readHours(tx, practitionerId)) },
      outside,
    };
  });
}

const readClinicDays = async (
  db: Queryable,
  clinic: { id: string; timeZone: TimeZoneId },
): Promise<ClinicDaysView> => ({
  timeZone: clinic.timeZone,
  closures: await readClosures(db, clinic.id),
  openHolidays: await readOpenHolidays(db, clinic.id),
});

/**
 * The clinic's closures (dates on its calendar, both ends inclusive) and the public holidays it
 * opened.
 */
export async function readClinicClosures(db: Queryable, clinicId: string): Promise<ClinicDaysView> {
  const clinic = await findAdminClinic(db, clinicId);
  if (!clinic) throw fail('not_found');
  return readClinicDays(db, clinic);
}

/**
 * Replaces the clinic's closures, and its opened public holidays when the body gives them,
 * checked against booked appointments like hours are.
 */
export async function saveClinicClosures(
  ctx: SignedInContext,
  clinicId: string,
  body: PutClosuresBody,
): Promise<CheckedChange<ClinicDaysView>> {
  const closures = closuresFromBody(body.closures);
  const openHolidays = body.openHolidays
    ? ([...body.openHolidays].sort() as LocalDate[])
    : undefined;
  const now = ctx.clock.now();
  return withTransaction(ctx.db, async (tx) => {
    const clinic = await findAdminClinic(tx, clinicId, { lock: true });
    if (!clinic) throw fail('not_found');
    const outside = await outsideAfterChange(
      tx,
      clinic,
      { closures, ...(openHolidays ? { openHolidays } : {}) },
      now,
    );
    await auditOutsideRead(ctx, tx, clinicId, outside, 'hours-check');
    if (needsConfirming(outside, body.confirm)) return { saved: false, conflict: outside };
    await replaceClosures(tx, clinicId, closures);
    if (openHolidays) await replaceOpenHolidays(tx, clinicId, openHolidays);
    await writeAudit(tx, {
      at: now,
      actorUserId: ctx.actor.userId,
      actorRole: 'admin',
      action: 'settings.closures.change',
      entityType: 'clinic',
      entityIds: [clinicId],
      clinicIds: [clinicId],
      ip: ctx.ip,
      details: { closures, ...(openHolidays ? { openHolidays } : {}), ...confirmed(outside) },
    });
    return { saved: true, value: await readClinicDays(tx, clinic), outside };
  });
}

/** Every booked future appointment of the clinic now outside its practitioner's hours (audited). */
export async function listOutsideHours(
  ctx: SignedInContext,
  clinicId: string,
): Promise<{ timeZone: TimeZoneId; outside: OutsideRow[] }> {
  const clinic = await findAdminClinic(ctx.db, clinicId);
  if (!clinic) throw fail('not_found');
  const outside = await outsideAfterChange(ctx.db, clinic, {}, ctx.clock.now());
  await auditOutsideRead(ctx, ctx.db, clinicId, outside, 'outside-hours');
  return { timeZone: clinic.timeZone, outside };
}
