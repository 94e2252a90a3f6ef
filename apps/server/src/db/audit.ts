import type { ActorRole, Instant } from '@visitt/domain';
import type { Queryable } from './pool';

export type { ActorRole };

export interface AuditEntry {
  actorUserId: string | null;
  actorRole: ActorRole;
  /** `appointment.read`, `appointment.create`, `appointment.cancel`, `session.create`… */
  action: string;
  entityType: string;
  entityIds: readonly string[];
  clinicIds?: readonly (string | null)[];
  ip: string | null;
  details?: Record<string, unknown>;
  at: Instant;
}

/** A read of a list in one clinic: one row naming every record the list showed. */
export interface ListAuditEntry extends Omit<AuditEntry, 'entityIds' | 'clinicIds'> {
  clinicId: string;
  /** In the order the list showed them; may be empty (the read is recorded all the same). */
  entityIds: readonly string[];
}

// A NUL, or half of a surrogate pair, cannot be stored in a JSON column.
// eslint-disable-next-line no-control-regex -- the NUL is what is looked for
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The details as JSON PostgreSQL stores: characters it cannot hold (see UNSTORABLE) become
 * U+FFFD, as the text columns beside them get them from the UTF-8 encoding. The change recorded
 * went through; its trail must not fail on what the input held.
 */
export function storableDetails(details: Record<string, unknown>): string {
  return JSON.stringify(details, (_key, value: unknown) =>
    typeof value === 'string' ? value.replace(UNSTORABLE, '\uFFFD') : value,
  );
}

/**
 * Writes one audit row per entity. Called inside the transaction of the change it records, so
 * a change is never without its trail; reads are recorded before the data is returned.
 */
export async function writeAudit(db: Queryable, entry: AuditEntry): Promise<void> {
  if (entry.entityIds.length === 0) return;
  await db.query(
    `INSERT INTO audit_log (at, actor_user_id, actor_role, action, entity_type, entity_id, clinic_id, ip, details)
     SELECT to_timestamp($1 / 1000.0), $2, $3, $4, $5, e.id, e.clinic_id, $8::inet, $9
       FROM unnest($6::uuid[], $7::uuid[]) AS e(id, clinic_id)`,
    [
      entry.at,
      entry.actorUserId,
      entry.actorRole,
      entry.action,
      entry.entityType,
      entry.entityIds,
      entry.clinicIds ?? entry.entityIds.map(() => null),
      entry.ip,
      storableDetails(entry.details ?? {}),
    ],
  );
}

/**
 * Writes ONE audit row for a read of a list: `entity_id` null, `entity_ids` naming every record
 * shown, so opening a calendar of many appointments does not flood the log. Recorded before
 * the data is returned.
 */
export async function writeListAudit(db: Queryable, entry: ListAuditEntry): Promise<void> {
  await db.query(
    `INSERT INTO audit_log (at, actor_user_id, actor_role, action, entity_type, entity_ids, clinic_id, ip, details)
     VALUES (to_timestamp($1 / 1000.0), $2, $3, $4, $5, $6::uuid[], $7, $8::inet, $9)`,
    [
      entry.at,
      entry.actorUserId,
      entry.actorRole,
      entry.action,
      entry.entityType,
      entry.entityIds,
      entry.clinicId,
      entry.ip,
      storableDetails(entry.details ?? {}),
    ],
  );
}

/**
 * Records a read of a list of appointments: one row per clinic the list drew from (each clinic
 * sees only its own part of a patient's or practitioner's list), naming that clinic's
 * appointments in the order shown. An empty list belongs to no clinic and writes nothing.
 */
export async function writeAppointmentListRead(
  db: Queryable,
  entry: Omit<ListAuditEntry, 'clinicId' | 'entityIds' | 'action' | 'entityType'>,
  appointments: readonly { id: string; clinic: { id: string } }[],
): Promise<void> {
  const byClinic = new Map<string, string[]>();
  for (const a of appointments) {
    const ids = byClinic.get(a.clinic.id);
    if (ids) ids.push(a.id);
    else byClinic.set(a.clinic.id, [a.id]);
  }
  for (const [clinicId, entityIds] of byClinic)
    await writeListAudit(db, {
      ...entry,
      action: 'appointment.read',
      entityType: 'appointment',
      clinicId,
      entityIds,
    });
}

/**
 * One row for a read of one appointment by a signed-in actor (`appointment.read`), with how it
 * was read in `details` (`{ via: 'record', format: 'pdf' }`). Recorded before the data is
 * returned: a read that fails to be audited does not happen.
 */
export async function writeAppointmentRead(
  db: Queryable,
  read: {
    at: Instant;
    actorUserId: string;
    actorRole: ActorRole;
    ip: string | null;
    appointment: { id: string; clinicId: string };
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await writeAudit(db, {
    at: read.at,
    actorUserId: read.actorUserId,
    actorRole: read.actorRole,
    action: 'appointment.read',
    entityType: 'appointment',
    entityIds: [read.appointment.id],
    clinicIds: [read.appointment.clinicId],
    ip: read.ip,
    ...(read.details ? { details: read.details } : {}),
  });
}
