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

type WeeklyTuple = [
  practitionerId: string,
  weekday: number,
  start: string,
  end: string,
  from: string | null,
  until: string | null,
];
type ExceptionTuple = [
  practitionerId: string,
  date: string,
  kind: 'absence' | 'extra',
  start: string | null,
  end: string | null,
];
type ClosureTuple = [from: string, to: string];
type BusyTuple = [practitionerId: string, start: number, end: number];

/** Where the schedule reads find their parameters in a statement. */
interface SchedulePlaceholders {
  practitionerIds: string;
  fromDate: string;
  toDate: string;
  clinicId: string;
  start: string;
  end: string;
}

/**
 * The reads of a schedule as columns of one statement, each a JSON array: weekly hours and dated
 * exceptions of the practitioners, the clinic's closures and opened public holidays on the dates
 * around the range, the practitioners who work holidays, and the appointments that keep the
 * practitioners busy in the range.
 */
export function scheduleColumns(p: SchedulePlaceholders): string {
  return `
    (SELECT coalesce(json_agg(json_build_array(practitioner_id, weekday, start_time::text, end_time::text,
                                               valid_from, valid_until)), '[]')
       FROM weekly_hours
      WHERE practitioner_id = ANY(${p.practitionerIds})
        AND (valid_from IS NULL OR valid_from <= ${p.toDate}) AND (valid_until IS NULL OR valid_until >= ${p.fromDate})
    ) AS weekly,
    (SELECT coalesce(json_agg(json_build_array(practitioner_id, date, kind, start_time::text, end_time::text)), '[]')
       FROM hours_exceptions
      WHERE practitioner_id = ANY(${p.practitionerIds}) AND date BETWEEN ${p.fromDate} AND ${p.toDate}
    ) AS exceptions,
    (SELECT coalesce(json_agg(json_build_array(from_date, to_date)), '[]')
       FROM clinic_closures
      WHERE clinic_id = ${p.clinicId} AND from_date <= ${p.toDate} AND to_date >= ${p.fromDate}
    ) AS closures,
    (SELECT coalesce(json_agg(oh.date), '[]')
       FROM clinic_open_holidays oh
      WHERE oh.clinic_id = ${p.clinicId} AND oh.date BETWEEN ${p.fromDate} AND ${p.toDate}
    ) AS open_holidays,
    (SELECT coalesce(json_agg(hw.id), '[]')
       FROM practitioners hw
      WHERE hw.id = ANY(${p.practitionerIds}) AND hw.works_holidays
    ) AS holiday_workers,
    (SELECT coalesce(json_agg(json_build_array(practitioner_id, extract(epoch FROM starts_at) * 1000,
                                               extract(epoch FROM ends_at) * 1000)), '[]')
       FROM appointments
      WHERE practitioner_id = ANY(${p.practitionerIds}) AND status <> 'cancelled'
        AND tstzrange(starts_at, ends_at, '[)')
            && tstzrange(to_timestamp(${p.start} / 1000.0), to_timestamp(${p.end} / 1000.0), '[)')
    ) AS busy`;
}

/** The JSON columns of {@link scheduleColumns}. */
export interface ScheduleColumns {
  weekly: WeeklyTuple[];
  exceptions: ExceptionTuple[];
  closures: ClosureTuple[];
  open_holidays: string[];
  holiday_workers: string[];
  busy: BusyTuple[];
}

/** Wall-clock dates around a range: a day of margin on each side covers any UTC offset. */
export function scheduleDates(range: Interval): { fromDate: string; toDate: string } {
  return {
    fromDate: new Date(range.start - 86_400_000).toISOString().slice(0, 10),
    toDate: new Date(range.end + 86_400_000).toISOString().slice(0, 10),
  };
}

const SCHEDULE_SQL = `SELECT ${scheduleColumns({
  practitionerIds: '$1::uuid[]',
  fromDate: '$2::date',
  toDate: '$3::date',
  clinicId: '$4',
  start: '$5',
  end: '$6',
})}`;

/**
 * Loads what the slot rules need for several practitioners of one clinic at once: weekly hours,
 * dated exceptions, closures and opened holidays near `range`, whether each works holidays, and
 * the appointments that keep them busy in it.
 * One query whatever the number of practitioners.
 */
export async function loadSchedules(
  db: Queryable,
  clinic: { id: string; timeZone: TimeZoneId },
  practitionerIds: readonly PractitionerId[],
  range: Interval,
): Promise<Map<PractitionerId, PractitionerSchedule>> {
  const { fromDate, toDate } = scheduleDates(range);
  const { rows } = await db.query<ScheduleColumns>({
    name: 'load-schedules',
    text: SCHEDULE_SQL,
    values: [practitionerIds, fromDate, toDate, clinic.id, range.start, range.end],
  });
  return parseSchedules(rows[0]!, clinic.timeZone, practitionerIds);
}

/** Turns the JSON columns of {@link scheduleColumns} into each practitioner's schedule. */
export function parseSchedules(
  columns: ScheduleColumns,
  timeZone: TimeZoneId,
  practitionerIds: readonly PractitionerId[],
): Map<PractitionerId, PractitionerSchedule> {
  const { weekly, exceptions, closures, busy } = columns;
  const openHolidays = columns.open_holidays as LocalDate[];
  const holidayWorkers = new Set(columns.holiday_workers);
  const clinicClosures: ClinicClosure[] = closures.map(([from, to]) => ({
    from: from as LocalDate,
    to: to as LocalDate,
  }));
  const parts = new Map<
    string,
    { weekly: WeeklyHoursBlock[]; exceptions: HoursException[]; busy: Interval[] }
  >();
  for (const id of practitionerIds) parts.set(id, { weekly: [], exceptions: [], busy: [] });
  for (const [id, weekday, start, end, validFrom, validUntil] of weekly) {
    parts.get(id)?.weekly.push({
      weekday: weekday as Weekday,
      start: hhmm(start),
      end: hhmm(end),
      validFrom: validFrom as LocalDate | null,
      validUntil: validUntil as LocalDate | null,
    });
  }
  for (const [id, date, kind, start, end] of exceptions) {
    parts.get(id)?.exceptions.push({
      date: date as LocalDate,
      kind,
      start: start ? hhmm(start) : null,
      end: end ? hhmm(end) : null,
    });
  }
  for (const [id, start, end] of busy) {
    parts
      .get(id)
      ?.busy.push({ start: Math.round(start) as Instant, end: Math.round(end) as Instant });
  }
  const schedules = new Map<PractitionerId, PractitionerSchedule>();
  for (const id of practitionerIds) {
    const part = parts.get(id)!;
    const availability: Availability = {
      timeZone,
      weekly: part.weekly,
      exceptions: part.exceptions,
      closures: clinicClosures,
      worksHolidays: holidayWorkers.has(id),
      openHolidays,
    };
    schedules.set(id, { availability, busy: part.busy });
  }
  return schedules;
}
