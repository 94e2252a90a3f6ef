import type {
  Availability,
  ClinicClosure,
  HoursException,
  Instant,
  Interval,
  LocalDate,
  LocalTime,
  PractitionerId,
  TimeZoneId,
  Weekday,
  WeeklyHoursBlock,
} from '@visitt/domain';
import type { Queryable } from './pool';

export interface PractitionerSchedule {
  availability: Availability;
  busy: Interval[];
}

// 'HH:MM:SS' → 'HH:MM' ('24:00:00' stays '24:00').
const hhmm = (t: string): LocalTime => t.slice(0, 5) as LocalTime;

/**
 * Loads what the slot rules need for several practitioners of one clinic at once: weekly hours,
 * dated exceptions and closures near `range`, and the appointments that keep them busy in it.
 * Four queries whatever the number of practitioners, one after the other so that `db` may be a
 * transaction's client.
 */
export async function loadSchedules(
  db: Queryable,
  clinic: { id: string; timeZone: TimeZoneId },
  practitionerIds: readonly PractitionerId[],
  range: Interval,
): Promise<Map<PractitionerId, PractitionerSchedule>> {
  // Wall-clock dates around the range: a day of margin on each side covers any UTC offset.
  const fromDate = new Date(range.start - 86_400_000).toISOString().slice(0, 10);
  const toDate = new Date(range.end + 86_400_000).toISOString().slice(0, 10);
  const weekly = await db.query<{
    practitioner_id: string;
    weekday: number;
    start_time: string;
    end_time: string;
    valid_from: string | null;
    valid_until: string | null;
  }>(
    `SELECT practitioner_id, weekday, start_time::text, end_time::text, valid_from, valid_until
         FROM weekly_hours
        WHERE practitioner_id = ANY($1::uuid[])
          AND (valid_from IS NULL OR valid_from <= $3::date) AND (valid_until IS NULL OR valid_until >= $2::date)`,
    [practitionerIds, fromDate, toDate],
  );
  const exceptions = await db.query<{
    practitioner_id: string;
    date: string;
    kind: 'absence' | 'extra';
    start_time: string | null;
    end_time: string | null;
  }>(
    `SELECT practitioner_id, date, kind, start_time::text, end_time::text FROM hours_exceptions
        WHERE practitioner_id = ANY($1::uuid[]) AND date BETWEEN $2::date AND $3::date`,
    [practitionerIds, fromDate, toDate],
  );
  const closures = await db.query<{ from_date: string; to_date: string }>(
    `SELECT from_date, to_date FROM clinic_closures
        WHERE clinic_id = $1 AND from_date <= $3::date AND to_date >= $2::date`,
    [clinic.id, fromDate, toDate],
  );
  const busy = await db.query<{ practitioner_id: string; start: string; end: string }>(
    `SELECT practitioner_id, (extract(epoch FROM starts_at) * 1000)::float8 AS start,
              (extract(epoch FROM ends_at) * 1000)::float8 AS end
         FROM appointments
        WHERE practitioner_id = ANY($1::uuid[]) AND status <> 'cancelled'
          AND tstzrange(starts_at, ends_at, '[)') && tstzrange(to_timestamp($2 / 1000.0), to_timestamp($3 / 1000.0), '[)')`,
    [practitionerIds, range.start, range.end],
  );
  const clinicClosures: ClinicClosure[] = closures.rows.map((c) => ({
    from: c.from_date as LocalDate,
    to: c.to_date as LocalDate,
  }));
  const result = new Map<
    PractitionerId,
    { weekly: WeeklyHoursBlock[]; exceptions: HoursException[]; busy: Interval[] }
  >();
  for (const id of practitionerIds) result.set(id, { weekly: [], exceptions: [], busy: [] });
  for (const w of weekly.rows) {
    result.get(w.practitioner_id as PractitionerId)?.weekly.push({
      weekday: w.weekday as Weekday,
      start: hhmm(w.start_time),
      end: hhmm(w.end_time),
      validFrom: w.valid_from as LocalDate | null,
      validUntil: w.valid_until as LocalDate | null,
    });
  }
  for (const e of exceptions.rows) {
    result.get(e.practitioner_id as PractitionerId)?.exceptions.push({
      date: e.date as LocalDate,
      kind: e.kind,
      start: e.start_time ? hhmm(e.start_time) : null,
      end: e.end_time ? hhmm(e.end_time) : null,
    });
  }
  for (const b of busy.rows) {
    result
      .get(b.practitioner_id as PractitionerId)
      ?.busy.push({ start: Number(b.start) as Instant, end: Number(b.end) as Instant });
  }
  return new Map(
    [...result].map(([id, r]) => [
      id,
      {
        availability: {
          timeZone: clinic.timeZone,
          weekly: r.weekly,
          exceptions: r.exceptions,
          closures: clinicClosures,
        },
        busy: r.busy,
      },
    ]),
  );
}
