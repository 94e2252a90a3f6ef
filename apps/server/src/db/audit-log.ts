import type { Instant, UserId } from '@visitt/domain';
import type { ActorRole } from './audit';
import type { Queryable } from './pool';

export interface AuditFilter {
  from?: Instant | undefined;
  to?: Instant | undefined;
  /** Exact action, or (`prefix`) every action starting with it. */
  action?: { value: string; prefix: boolean } | undefined;
  actorUserId?: string | undefined;
  entityId?: string | undefined;
  limit: number;
  before?: number | undefined;
}

export interface AuditRow {
  id: number;
  at: Instant;
  actor: { userId: UserId; name: string | null; email: string | null } | null;
  role: ActorRole;
  action: string;
  entityType: string;
  entityId: string | null;
  appointment: { start: Instant; practitioner: string } | null;
  person: { name: string | null; email: string | null } | null;
  ip: string | null;
  details: Record<string, unknown>;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The clinic's audit entries matching `filter`, newest first, `limit` of them. */
export async function listAuditEntries(
  db: Queryable,
  clinicId: string,
  filter: AuditFilter,
): Promise<AuditRow[]> {
  const action = filter.action
    ? filter.action.prefix
      ? `${escapeLike(filter.action.value)}%`
      : escapeLike(filter.action.value)
    : null;
  const { rows } = await db.query<{
    id: number;
    at: Date;
    actor_user_id: string | null;
    actor_name: string | null;
    actor_email: string | null;
    actor_role: ActorRole;
    action: string;
    entity_type: string;
    entity_id: string | null;
    a_start: Date | null;
    a_practitioner: string | null;
    p_found: boolean;
    p_name: string | null;
    p_email: string | null;
    ip: string | null;
    details: Record<string, unknown>;
  }>(
    `SELECT l.id, l.at, l.actor_user_id, u.name AS actor_name, u.email AS actor_email, l.actor_role, l.action,
            l.entity_type, l.entity_id, host(l.ip) AS ip, l.details,
            a.starts_at AS a_start, ap.name AS a_practitioner,
            eu.id IS NOT NULL AS p_found, eu.name AS p_name, eu.email AS p_email
       FROM audit_log l
       LEFT JOIN users u ON u.id = l.actor_user_id
       LEFT JOIN appointments a
              ON l.entity_type = 'appointment' AND a.id = l.entity_id AND a.clinic_id = l.clinic_id
       LEFT JOIN practitioners ap ON ap.id = a.practitioner_id
       LEFT JOIN users eu ON l.entity_type = 'user' AND eu.id = l.entity_id
      WHERE l.clinic_id = $1
        AND ($2::float8 IS NULL OR l.at >= to_timestamp($2 / 1000.0))
        AND ($3::float8 IS NULL OR l.at < to_timestamp($3 / 1000.0))
        AND ($4::text IS NULL OR l.action LIKE $4)
        AND ($5::uuid IS NULL OR l.actor_user_id = $5)
        AND ($6::uuid IS NULL OR l.entity_id = $6)
        AND ($7::bigint IS NULL OR l.id < $7)
      ORDER BY l.id DESC
      LIMIT $8`,
    [
      clinicId,
      filter.from ?? null,
      filter.to ?? null,
      action,
      filter.actorUserId ?? null,
      filter.entityId ?? null,
      filter.before ?? null,
      filter.limit,
    ],
  );
  return rows.map((r) => ({
    id: r.id,
    at: r.at.getTime() as Instant,
    actor: r.actor_user_id
      ? { userId: r.actor_user_id as UserId, name: r.actor_name, email: r.actor_email }
      : null,
    role: r.actor_role,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    appointment:
      r.a_start && r.a_practitioner
        ? { start: r.a_start.getTime() as Instant, practitioner: r.a_practitioner }
        : null,
    person: r.p_found ? { name: r.p_name, email: r.p_email } : null,
    ip: r.ip,
    details: r.details,
  }));
}
