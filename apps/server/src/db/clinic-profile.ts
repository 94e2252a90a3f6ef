import type { Locale } from '@visitt/contracts';
import type { ClinicId, Instant, TimeZoneId } from '@visitt/domain';
import type { Queryable } from './pool';

export interface AdminClinicRow {
  id: ClinicId;
  name: string;
  address: string | null;
  town: string | null;
  timeZone: TimeZoneId;
  listed: boolean;
  requireStrongAuthForVideo: boolean;
  /** The language of the clinic's own documents (the consultation record). */
  language: Locale;
  /** What the patient reads before a video consultation; null for Visitt's standard text. */
  videoInfo: string | null;
  /** The clinic's phone number (E.164), for patients whose video fails; null when not set. */
  phone: string | null;
}

/**
 * The clinic's profile. With `lock`, the row is held (FOR NO KEY UPDATE) until the transaction
 * ends: administration changes of one clinic run one after the other, while bookings (which
 * only take a key-share lock on it) go on.
 */
export async function findAdminClinic(
  db: Queryable,
  id: string,
  options: { lock?: boolean } = {},
): Promise<AdminClinicRow | null> {
  const { rows } = await db.query<{
    id: string;
    name: string;
    address: string | null;
    town: string | null;
    time_zone: string;
    listed: boolean;
    require_strong_auth_for_video: boolean;
    language: Locale;
    video_info: string | null;
    phone: string | null;
  }>(
    `SELECT id, name, address, town, time_zone, listed, require_strong_auth_for_video, language,
            video_info, phone
       FROM clinics WHERE id = $1${options.lock ? ' FOR NO KEY UPDATE' : ''}`,
    [id],
  );
  const r = rows[0];
  return r
    ? {
        id: r.id as ClinicId,
        name: r.name,
        address: r.address,
        town: r.town,
        timeZone: r.time_zone as TimeZoneId,
        listed: r.listed,
        requireStrongAuthForVideo: r.require_strong_auth_for_video,
        language: r.language,
        videoInfo: r.video_info,
        phone: r.phone,
      }
    : null;
}

/** Writes the clinic's profile (and its search text) as given, stamped `now`. */
export async function updateClinicProfile(
  db: Queryable,
  clinic: Omit<AdminClinicRow, 'id'> & { id: string; searchText: string },
  now: Instant,
): Promise<void> {
  await db.query(
    `UPDATE clinics SET name = $2, address = $3, town = $4, time_zone = $5, listed = $6,
            require_strong_auth_for_video = $7, search_text = $8, updated_at = to_timestamp($9 / 1000.0),
            language = $10, video_info = $11, phone = $12
      WHERE id = $1`,
    [
      clinic.id,
      clinic.name,
      clinic.address,
      clinic.town,
      clinic.timeZone,
      clinic.listed,
      clinic.requireStrongAuthForVideo,
      clinic.searchText,
      now,
      clinic.language,
      clinic.videoInfo,
      clinic.phone,
    ],
  );
}
