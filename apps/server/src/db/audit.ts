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
      entry.details ?? {},
    ],
  );
}
