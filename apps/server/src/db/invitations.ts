import type { StaffRole } from '@visitt/contracts';
import type { ClinicId, Instant, TimeZoneId, UserId } from '@visitt/domain';
import type { Queryable } from './pool';

export interface InvitationRow {
  id: string;
  clinicId: ClinicId;
  clinicName: string;
  clinicTimeZone: TimeZoneId;
  email: string;
  roles: StaffRole[];
  practitionerName: string | null;
  practitionerTitle: string | null;
  /** The practitioner row (without an account) the invitation is for, if any. */
  practitionerId: string | null;
  invitedBy: { userId: UserId; name: string | null } | null;
  createdAt: Instant;
  expiresAt: Instant;
  acceptedAt: Instant | null;
  revokedAt: Instant | null;
}

type InvitationDbRow = {
  id: string;
  clinic_id: string;
  clinic_name: string;
  time_zone: string;
  email: string;
  roles: StaffRole[];
  practitioner_name: string | null;
  practitioner_title: string | null;
  practitioner_id: string | null;
  invited_by: string | null;
  inviter_name: string | null;
  created_at: Date;
  expires_at: Date;
  accepted_at: Date | null;
  revoked_at: Date | null;
};

const INVITATION_SELECT = `
  SELECT i.id, i.clinic_id, c.name AS clinic_name, c.time_zone, i.email, i.roles, i.practitioner_name, i.practitioner_title,
         i.practitioner_id, i.invited_by, u.name AS inviter_name, i.created_at, i.expires_at, i.accepted_at, i.revoked_at
    FROM staff_invitations i
    JOIN clinics c ON c.id = i.clinic_id
    LEFT JOIN users u ON u.id = i.invited_by`;

const toInvitation = (r: InvitationDbRow): InvitationRow => ({
  id: r.id,
  clinicId: r.clinic_id as ClinicId,
  clinicName: r.clinic_name,
  clinicTimeZone: r.time_zone as TimeZoneId,
  email: r.email,
  roles: r.roles,
  practitionerName: r.practitioner_name,
  practitionerTitle: r.practitioner_title,
  practitionerId: r.practitioner_id,
  invitedBy: r.invited_by ? { userId: r.invited_by as UserId, name: r.inviter_name } : null,
  createdAt: r.created_at.getTime() as Instant,
  expiresAt: r.expires_at.getTime() as Instant,
  acceptedAt: r.accepted_at ? (r.accepted_at.getTime() as Instant) : null,
  revokedAt: r.revoked_at ? (r.revoked_at.getTime() as Instant) : null,
});

/** Invitations of the clinic neither accepted nor revoked (expired ones included), newest first. */
export async function listOpenInvitations(
  db: Queryable,
  clinicId: string,
): Promise<InvitationRow[]> {
  const { rows } = await db.query<InvitationDbRow>(
    `${INVITATION_SELECT}
      WHERE i.clinic_id = $1 AND i.accepted_at IS NULL AND i.revoked_at IS NULL
      ORDER BY i.created_at DESC, i.id`,
    [clinicId],
  );
  return rows.map(toInvitation);
}

/** The invitation whose token hashes to `tokenHash`; with `lock`, held until the transaction ends. */
export async function findInvitationByTokenHash(
  db: Queryable,
  tokenHash: Buffer,
  options: { lock?: boolean } = {},
): Promise<InvitationRow | null> {
  const { rows } = await db.query<InvitationDbRow>(
    `${INVITATION_SELECT} WHERE i.token_hash = $1${options.lock ? ' FOR UPDATE OF i' : ''}`,
    [tokenHash],
  );
  return rows[0] ? toInvitation(rows[0]) : null;
}

/** The invitation `id` if it belongs to the clinic, held until the transaction ends; or null. */
export async function findClinicInvitation(
  db: Queryable,
  clinicId: string,
  id: string,
): Promise<InvitationRow | null> {
  const { rows } = await db.query<InvitationDbRow>(
    `${INVITATION_SELECT} WHERE i.id = $1 AND i.clinic_id = $2 FOR UPDATE OF i`,
    [id, clinicId],
  );
  return rows[0] ? toInvitation(rows[0]) : null;
}

/** Stores a new invitation (only its token's hash) and returns its id. */
export async function insertInvitation(
  db: Queryable,
  input: {
    clinicId: string;
    email: string;
    roles: readonly StaffRole[];
    practitionerName: string | null;
    practitionerTitle: string | null;
    practitionerId?: string | null;
    tokenHash: Buffer;
    invitedBy: string;
    now: Instant;
    expiresAt: Instant;
  },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO staff_invitations (clinic_id, email, roles, practitioner_name, practitioner_title, token_hash,
                                    invited_by, created_at, expires_at, practitioner_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, to_timestamp($8 / 1000.0), to_timestamp($9 / 1000.0), $10)
     RETURNING id`,
    [
      input.clinicId,
      input.email,
      input.roles,
      input.practitionerName,
      input.practitionerTitle,
      input.tokenHash,
      input.invitedBy,
      input.now,
      input.expiresAt,
      input.practitionerId ?? null,
    ],
  );
  return rows[0]!.id;
}

/** Revokes the clinic's invitations to `email` still open; returns their ids. */
export async function revokeOpenInvitations(
  db: Queryable,
  clinicId: string,
  email: string,
  now: Instant,
): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `UPDATE staff_invitations SET revoked_at = to_timestamp($3 / 1000.0)
      WHERE clinic_id = $1 AND email = $2 AND accepted_at IS NULL AND revoked_at IS NULL
      RETURNING id`,
    [clinicId, email, now],
  );
  return rows.map((r) => r.id);
}

/** Marks the invitation revoked, or accepted by the given user. */
export async function markInvitation(
  db: Queryable,
  id: string,
  change: { revokedAt: Instant } | { acceptedAt: Instant; acceptedBy: string },
): Promise<void> {
  if ('revokedAt' in change) {
    await db.query(
      'UPDATE staff_invitations SET revoked_at = to_timestamp($2 / 1000.0) WHERE id = $1',
      [id, change.revokedAt],
    );
  } else {
    await db.query(
      'UPDATE staff_invitations SET accepted_at = to_timestamp($2 / 1000.0), accepted_by = $3 WHERE id = $1',
      [id, change.acceptedAt, change.acceptedBy],
    );
  }
}
