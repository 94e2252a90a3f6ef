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

/** An appointment as the log shows it, to recognise it by. */
export interface AuditAppointment {
  start: Instant;
  practitioner: string;
}

export interface AuditRow {
  id: number;
  at: Instant;
  actor: { userId: UserId; name: string | null; email: string | null } | null;
  role: ActorRole;
  action: string;
  entityType: string;
  entityId: string | null;
  appointment: AuditAppointment | null;
  /** A read of a list: every record it named, in the order shown (null for other entries). */
  listed: { id: string; appointment: AuditAppointment | null }[] | null;
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
    entity_ids_present: boolean;
    listed: { id: string; start: number | null; practitioner: string | null }[] | null;
  }>(
    `SELECT l.id, l.at, l.actor_user_id, u.name AS actor_name, u.email AS actor_email, l.actor_role, l.action,
            l.entity_type, l.entity_id, host(l.ip) AS ip, l.details,
            a.starts_at AS a_start, ap.name AS a_practitioner,
            eu.id IS NOT NULL AS p_found, eu.name AS p_name, eu.email AS p_email,
            l.entity_ids IS NOT NULL AS entity_ids_present, li.listed
       FROM audit_log l
       LEFT JOIN users u ON u.id = l.actor_user_id
       LEFT JOIN appointments a
              ON l.entity_type = 'appointment' AND a.id = l.entity_id AND a.clinic_id = l.clinic_id
       LEFT JOIN practitioners ap ON ap.id = a.practitioner_id
       LEFT JOIN users eu ON l.entity_type = 'user' AND eu.id = l.entity_id
       LEFT JOIN LATERAL (
              SELECT json_agg(json_build_object(
                       'id', x.id,
                       'start', extract(epoch FROM la.starts_at) * 1000,
                       'practitioner', lp.name) ORDER BY x.n) AS listed
                FROM unnest(l.entity_ids) WITH ORDINALITY AS x(id, n)
                LEFT JOIN appointments la
                       ON l.entity_type = 'appointment' AND la.id = x.id AND la.clinic_id = l.clinic_id
                LEFT JOIN practitioners lp ON lp.id = la.practitioner_id
             ) li ON l.entity_ids IS NOT NULL
      WHERE l.clinic_id = $1
        AND ($2::float8 IS NULL OR l.at >= to_timestamp($2 / 1000.0))
        AND ($3::float8 IS NULL OR l.at < to_timestamp($3 / 1000.0))
        AND ($4::text IS NULL OR l.action LIKE $4)
        AND ($5::uuid IS NULL OR l.actor_user_id = $5)
        AND ($6::uuid IS NULL OR l.entity_id = $6 OR l.entity_ids @> ARRAY[$6::uuid])
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
    listed:
      r.entity_ids_present === false
        ? null
        : (r.listed ?? []).map((x) => ({
            id: x.id,
            appointment:
              x.start !== null && x.practitioner !== null
                ? { start: Math.round(x.start) as Instant, practitioner: x.practitioner }
                : null,
          })),
    person: r.p_found ? { name: r.p_name, email: r.p_email } : null,
    ip: r.ip,
    details: r.details,
  }));
}

export interface AuditActorRow {
  userId: UserId;
  name: string | null;
  email: string | null;
  /** The roles they acted in at this clinic, as the log recorded them. */
  roles: ActorRole[];
}

/**
 * People who appear as actors in the clinic's audit log (patients too) whose name or e-mail
 * address contains `q` (case-insensitive; an empty `q` matches everyone), by name, at most `limit`.
 */
export async function searchAuditActors(
  db: Queryable,
  clinicId: string,
  q: string,
  limit: number,
): Promise<AuditActorRow[]> {
  const { rows } = await db.query<{
    id: string;
    name: string | null;
    email: string | null;
    roles: ActorRole[];
  }>(
    // Starts from the clinic's own actors (read from audit_log_clinic_actor), not from every
    // user of the service: this runs on each keystroke of the "who" field. The roles are
    // gathered afterwards, only for the few people shown.
    `SELECT u.id, u.name, u.email, r.roles
       FROM (SELECT u.id, u.name, u.email
               FROM (SELECT DISTINCT actor_user_id
                       FROM audit_log
                      WHERE clinic_id = $1 AND actor_user_id IS NOT NULL) a
               JOIN users u ON u.id = a.actor_user_id
              WHERE $2 = '' OR u.name ILIKE $3 OR u.email ILIKE $3
              ORDER BY lower(coalesce(u.name, u.email, '')), u.id
              LIMIT $4) u
       CROSS JOIN LATERAL (
              SELECT array_agg(DISTINCT l.actor_role ORDER BY l.actor_role) AS roles
                FROM audit_log l
               WHERE l.clinic_id = $1 AND l.actor_user_id = u.id
             ) r
      ORDER BY lower(coalesce(u.name, u.email, '')), u.id`,
    [clinicId, q, `%${escapeLike(q)}%`, limit],
  );
  return rows.map((r) => ({
    userId: r.id as UserId,
    name: r.name,
    email: r.email,
    roles: r.roles,
  }));
}
