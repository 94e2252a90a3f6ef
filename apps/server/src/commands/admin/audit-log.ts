import {
  AUDIT_ACTORS_MAX,
  type AuditActors,
  type AuditActorsQuery,
  type AuditPage,
  type AuditQuery,
} from '@visitt/contracts';
import {
  parseLocalDate,
  wallClockToInstant,
  type Instant,
  type LocalTime,
  type TimeZoneId,
} from '@visitt/domain';
import { Temporal } from 'temporal-polyfill';
import { listAuditEntries, searchAuditActors } from '../../db/audit-log';
import { findAdminClinic } from '../../db/clinic-profile';
import type { SignedInContext } from '../../core/context';
import { writeAudit, writeListAudit } from '../../db/audit';
import { authorize } from '../../policies/authorize';
import { fail } from '../../core/errors';
import { parseInstant } from '../../lib/zoned-format';
import { presentAuditEntry } from '../../presenters/admin';

const MIDNIGHT = '00:00' as LocalTime;

/**
 * A bound of the filter as an instant: a date-time as given; a date is read on the clinic's
 * calendar, `from` at its first instant and `to` at the first instant of the next date (so the
 * date itself is included).
 */
function boundOf(
  value: string | undefined,
  timeZone: TimeZoneId,
  end: boolean,
): Instant | undefined {
  if (value === undefined) return undefined;
  const date = parseLocalDate(value);
  if (!date) return parseInstant(value);
  const day = end ? Temporal.PlainDate.from(date).add({ days: 1 }).toString() : date;
  return wallClockToInstant(day as typeof date, MIDNIGHT, timeZone);
}

/**
 * The clinic's audit log, newest first, filtered; pages by id (`before`). Administrators only
 * (the policy `clinic.read_audit`). Entries without a clinic (sign-ins) are not the clinic's and not shown.
 * Reading the trail is itself recorded (`audit.read`, with the filter), before it is returned.
 */
export async function readAuditLog(
  ctx: SignedInContext,
  clinicId: string,
  query: AuditQuery,
): Promise<AuditPage> {
  const db = ctx.db;
  const actorRole = await authorize(ctx, 'clinic.read_audit', { clinicId });
  const clinic = await findAdminClinic(db, clinicId);
  if (!clinic) throw fail('not_found');
  await writeAudit(db, {
    at: ctx.clock.now(),
    actorUserId: ctx.actor.userId,
    actorRole,
    action: 'audit.read',
    entityType: 'clinic',
    entityIds: [clinicId],
    clinicIds: [clinicId],
    ip: ctx.ip,
    details: { filter: query },
  });
  const action = query.action
    ? query.action.endsWith('*')
      ? { value: query.action.slice(0, -1), prefix: true }
      : { value: query.action, prefix: false }
    : undefined;
  const rows = await listAuditEntries(db, clinicId, {
    from: boundOf(query.from, clinic.timeZone, false),
    to: boundOf(query.to, clinic.timeZone, true),
    action,
    actorUserId: query.actorUserId,
    entityId: query.entityId,
    before: query.before,
    // One more than asked tells whether there is a next page.
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  return {
    entries: page.map((e) => presentAuditEntry(e, clinic.timeZone)),
    nextBefore: rows.length > query.limit ? page[page.length - 1]!.id : null,
  };
}

/**
 * People who appear as actors in the clinic's log (patients too), found by a part of their name
 * or e-mail address, for the log's "who" filter. Administrators only (`clinic.read_audit`). The
 * answer names people: the search is recorded as one entry naming everyone it returned.
 */
export async function searchAuditLogActors(
  ctx: SignedInContext,
  clinicId: string,
  query: AuditActorsQuery,
): Promise<AuditActors> {
  const db = ctx.db;
  const actorRole = await authorize(ctx, 'clinic.read_audit', { clinicId });
  const clinic = await findAdminClinic(db, clinicId);
  if (!clinic) throw fail('not_found');
  const q = query.q.trim();
  const actors = await searchAuditActors(db, clinicId, q, AUDIT_ACTORS_MAX);
  await writeListAudit(db, {
    at: ctx.clock.now(),
    actorUserId: ctx.actor.userId,
    actorRole,
    action: 'audit.actors.read',
    entityType: 'user',
    clinicId,
    entityIds: actors.map((a) => a.userId),
    ip: ctx.ip,
    details: { q },
  });
  return { actors };
}
