import type {
  AppointmentId,
  AppointmentStatus,
  GuestRole,
  Instant,
  Modality,
  PractitionerId,
  Presence,
  TimeZoneId,
  UserId,
} from '@visitt/domain';
import type { Queryable } from './pool';

export type GuestDelivery = 'email' | 'sms' | 'link';

/** A guest of a consultation, with their link's state and their presence in the room. */
export interface GuestRow {
  readonly id: string;
  readonly appointmentId: AppointmentId;
  readonly name: string;
  readonly role: GuestRole;
  readonly delivery: GuestDelivery;
  readonly sentTo: string | null;
  readonly invitedBy: UserId;
  readonly createdAt: Instant;
  readonly revokedAt: Instant | null;
  readonly removedAt: Instant | null;
  /** Hex of the hash of the guest cookie of the browser that holds the link. */
  readonly browser: string | null;
  readonly browserSeenAt: Instant | null;
  readonly presence: Presence;
  readonly session: string | null;
  readonly admittedAt: Instant | null;
  readonly mic: boolean;
  readonly camera: boolean;
  readonly joinedAt: Instant | null;
  readonly leftAt: Instant | null;
}

/** What a guest link opens: its guest, and the appointment's facts the rules decide on. */
export interface GuestLinkRow extends GuestRow {
  readonly appointment: {
    readonly status: AppointmentStatus;
    readonly modality: Modality;
    readonly start: Instant;
    readonly end: Instant;
    readonly clinicId: string;
    readonly clinicName: string;
    readonly timeZone: TimeZoneId;
    readonly practitionerId: PractitionerId;
  };
}

const GUEST_COLUMNS = `
  g.id, g.appointment_id, g.name, g.role, g.delivery, g.sent_to, g.invited_by, g.created_at,
  g.revoked_at, g.removed_at, encode(g.browser_hash, 'hex') AS browser, g.browser_seen_at,
  g.presence, g.session, g.admitted_at, g.mic, g.camera, g.joined_at, g.left_at`;

interface GuestDbRow {
  id: string;
  appointment_id: string;
  name: string;
  role: GuestRole;
  delivery: GuestDelivery;
  sent_to: string | null;
  invited_by: string;
  created_at: Date;
  revoked_at: Date | null;
  removed_at: Date | null;
  browser: string | null;
  browser_seen_at: Date | null;
  presence: Presence;
  session: string | null;
  admitted_at: Date | null;
  mic: boolean;
  camera: boolean;
  joined_at: Date | null;
  left_at: Date | null;
}

const instant = (d: Date | null): Instant | null => (d ? (d.getTime() as Instant) : null);

const toGuest = (r: GuestDbRow): GuestRow => ({
  id: r.id,
  appointmentId: r.appointment_id as AppointmentId,
  name: r.name,
  role: r.role,
  delivery: r.delivery,
  sentTo: r.sent_to,
  invitedBy: r.invited_by as UserId,
  createdAt: r.created_at.getTime() as Instant,
  revokedAt: instant(r.revoked_at),
  removedAt: instant(r.removed_at),
  browser: r.browser,
  browserSeenAt: instant(r.browser_seen_at),
  presence: r.presence,
  session: r.session,
  admittedAt: instant(r.admitted_at),
  mic: r.mic,
  camera: r.camera,
  joinedAt: instant(r.joined_at),
  leftAt: instant(r.left_at),
});

/** The guests of an appointment, revoked ones included, in the order they were invited. */
export async function listGuests(db: Queryable, appointmentId: string): Promise<GuestRow[]> {
  const { rows } = await db.query<GuestDbRow>(
    `SELECT ${GUEST_COLUMNS} FROM appointment_guests g
      WHERE g.appointment_id = $1 ORDER BY g.created_at, g.id`,
    [appointmentId],
  );
  return rows.map(toGuest);
}

/** One guest of the appointment; with `lock`, held until the transaction ends. */
export async function findGuest(
  db: Queryable,
  appointmentId: string,
  guestId: string,
  options: { lock?: boolean } = {},
): Promise<GuestRow | null> {
  const { rows } = await db.query<GuestDbRow>(
    `SELECT ${GUEST_COLUMNS} FROM appointment_guests g
      WHERE g.appointment_id = $1 AND g.id = $2${options.lock ? ' FOR UPDATE' : ''}`,
    [appointmentId, guestId],
  );
  return rows[0] ? toGuest(rows[0]) : null;
}

/** Guests whose link still works (neither revoked nor removed), for the limit per consultation. */
export async function countActiveGuests(db: Queryable, appointmentId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM appointment_guests
      WHERE appointment_id = $1 AND revoked_at IS NULL`,
    [appointmentId],
  );
  return rows[0]!.n;
}

export async function insertGuest(
  db: Queryable,
  guest: {
    appointmentId: string;
    name: string;
    role: GuestRole;
    delivery: GuestDelivery;
    sentTo: string | null;
    tokenHash: Buffer;
    invitedBy: UserId;
    now: Instant;
  },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO appointment_guests
       (appointment_id, name, role, delivery, sent_to, token_hash, invited_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, to_timestamp($8 / 1000.0), to_timestamp($8 / 1000.0))
     RETURNING id`,
    [
      guest.appointmentId,
      guest.name,
      guest.role,
      guest.delivery,
      guest.sentTo,
      guest.tokenHash,
      guest.invitedBy,
      guest.now,
    ],
  );
  return rows[0]!.id;
}

/**
 * Revokes the guest's link; with `removed`, the guest was taken out of the call as well. Their
 * browser no longer holds it and they are out of the room. Returns false when it was revoked
 * already (and, for a removal, removed already).
 */
export async function revokeGuest(
  db: Queryable,
  guestId: string,
  now: Instant,
  options: { removed?: boolean } = {},
): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE appointment_guests SET
        revoked_at = coalesce(revoked_at, to_timestamp($2 / 1000.0)),
        removed_at = CASE WHEN $3 THEN coalesce(removed_at, to_timestamp($2 / 1000.0)) ELSE removed_at END,
        browser_hash = NULL, browser_seen_at = NULL, session = NULL, admitted_at = NULL,
        left_at = CASE WHEN presence IN ('in_call', 'reconnecting') THEN to_timestamp($2 / 1000.0) ELSE left_at END,
        presence = CASE WHEN presence = 'absent' THEN 'absent' ELSE 'left' END,
        updated_at = to_timestamp($2 / 1000.0)
      WHERE id = $1 AND (revoked_at IS NULL OR ($3 AND removed_at IS NULL))`,
    [guestId, now, options.removed ?? false],
  );
  return (rowCount ?? 0) > 0;
}

const LINK_SELECT = `
  SELECT ${GUEST_COLUMNS}, a.status, a.modality, a.starts_at, a.ends_at, a.clinic_id,
         c.name AS clinic_name, c.time_zone, a.practitioner_id
    FROM appointment_guests g
    JOIN appointments a ON a.id = g.appointment_id
    JOIN clinics c ON c.id = a.clinic_id`;

type LinkDbRow = GuestDbRow & {
  status: AppointmentStatus;
  modality: Modality;
  starts_at: Date;
  ends_at: Date;
  clinic_id: string;
  clinic_name: string;
  time_zone: string;
  practitioner_id: string;
};

const toLink = (r: LinkDbRow): GuestLinkRow => ({
  ...toGuest(r),
  appointment: {
    status: r.status,
    modality: r.modality,
    start: r.starts_at.getTime() as Instant,
    end: r.ends_at.getTime() as Instant,
    clinicId: r.clinic_id,
    clinicName: r.clinic_name,
    timeZone: r.time_zone as TimeZoneId,
    practitionerId: r.practitioner_id as PractitionerId,
  },
});

/** The guest whose link token hashes to `tokenHash`; with `lock`, the guest row is held. */
export async function findGuestByToken(
  db: Queryable,
  tokenHash: Buffer,
  options: { lock?: boolean } = {},
): Promise<GuestLinkRow | null> {
  const { rows } = await db.query<LinkDbRow>(
    `${LINK_SELECT} WHERE g.token_hash = $1${options.lock ? ' FOR UPDATE OF g' : ''}`,
    [tokenHash],
  );
  return rows[0] ? toLink(rows[0]) : null;
}

/** The guest whose link the browser with this guest cookie hash holds. */
export async function findGuestByBrowser(
  db: Queryable,
  browserHash: Buffer,
): Promise<GuestLinkRow | null> {
  const { rows } = await db.query<LinkDbRow>(`${LINK_SELECT} WHERE g.browser_hash = $1`, [
    browserHash,
  ]);
  return rows[0] ? toLink(rows[0]) : null;
}

/**
 * The browser with this cookie hash takes the guest's link. A browser new to it starts over: not
 * admitted, out of the room, until the practitioner lets it in.
 */
export async function holdGuestLink(
  db: Queryable,
  guestId: string,
  browserHash: Buffer,
  now: Instant,
  isNew: boolean,
): Promise<void> {
  if (!isNew) return touchGuestBrowser(db, guestId, now);
  await db.query(
    `UPDATE appointment_guests SET browser_hash = $2, browser_seen_at = to_timestamp($3 / 1000.0),
        admitted_at = NULL, session = NULL,
        presence = CASE WHEN presence = 'absent' THEN 'absent' ELSE 'left' END,
        updated_at = to_timestamp($3 / 1000.0)
      WHERE id = $1`,
    [guestId, browserHash, now],
  );
}

/** The browser holding the guest's link was heard from. */
export async function touchGuestBrowser(db: Queryable, guestId: string, now: Instant) {
  await db.query(
    `UPDATE appointment_guests SET browser_seen_at = to_timestamp($2 / 1000.0) WHERE id = $1`,
    [guestId, now],
  );
}

/** The guest is let into the call: in it from now (their first time in it kept). */
export async function markGuestAdmitted(db: Queryable, guestId: string, now: Instant) {
  await db.query(
    `UPDATE appointment_guests SET admitted_at = to_timestamp($2 / 1000.0), presence = 'in_call',
            joined_at = coalesce(joined_at, to_timestamp($2 / 1000.0)), left_at = NULL,
            updated_at = to_timestamp($2 / 1000.0)
      WHERE id = $1`,
    [guestId, now],
  );
}

/**
 * A guest's presence in the room changes (their page joined, dropped, left; their microphone or
 * camera). With `onlyIfSession`, only while that page is the one in the room (a dropped socket
 * of a reloaded page must not mark the new one). Leaving the call sets its time; `clearAdmission`
 * means they must be let in again. Returns false when nothing changed (revoked, another page).
 */
export async function updateGuestInRoom(
  db: Queryable,
  guestId: string,
  change: {
    presence: Presence;
    session?: string | null;
    mic?: boolean;
    camera?: boolean;
    clearAdmission?: boolean;
    onlyIfSession?: string;
  },
  now: Instant,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE appointment_guests SET
        left_at = CASE WHEN $2 IN ('left', 'absent') AND presence IN ('in_call', 'reconnecting')
                       THEN to_timestamp($9 / 1000.0) ELSE left_at END,
        presence = $2,
        session = CASE WHEN $3 THEN $4 ELSE session END,
        mic = coalesce($5, mic), camera = coalesce($6, camera),
        admitted_at = CASE WHEN $7 THEN NULL ELSE admitted_at END,
        updated_at = to_timestamp($9 / 1000.0)
      WHERE id = $1 AND revoked_at IS NULL AND ($8::text IS NULL OR session = $8)`,
    [
      guestId,
      change.presence,
      change.session !== undefined,
      change.session ?? null,
      change.mic ?? null,
      change.camera ?? null,
      change.clearAdmission ?? false,
      change.onlyIfSession ?? null,
      now,
    ],
  );
  return (rowCount ?? 0) > 0;
}

/** The consultation ended: every guest in the room has left it, and is let in anew next time. */
export async function endGuestsOf(db: Queryable, appointmentId: string, now: Instant) {
  await db.query(
    `UPDATE appointment_guests SET
        left_at = CASE WHEN presence IN ('in_call', 'reconnecting') THEN to_timestamp($2 / 1000.0)
                       ELSE left_at END,
        presence = 'left', admitted_at = NULL, updated_at = to_timestamp($2 / 1000.0)
      WHERE appointment_id = $1 AND presence IN ('waiting', 'in_call', 'reconnecting')`,
    [appointmentId, now],
  );
}
