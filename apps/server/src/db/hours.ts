import type { LocalDate, LocalTime } from '@visitt/domain';
import type { Queryable } from './pool';

export interface WeeklyRow {
  weekday: number;
  start: LocalTime;
  end: LocalTime;
  validFrom: LocalDate | null;
  validUntil: LocalDate | null;
}

export interface ExceptionRow {
  date: LocalDate;
  kind: 'absence' | 'extra';
  start: LocalTime | null;
  end: LocalTime | null;
  note: string | null;
}

// 'HH:MM:SS' → 'HH:MM' ('24:00:00' stays '24:00').
const hhmm = (t: string): LocalTime => t.slice(0, 5) as LocalTime;

/**
 * The practitioner's whole weekly template and every exception, in order, and whether the
 * template also applies on public holidays.
 */
export async function readHours(
  db: Queryable,
  practitionerId: string,
): Promise<{ weekly: WeeklyRow[]; exceptions: ExceptionRow[]; worksHolidays: boolean }> {
  const [weekly, exceptions, practitioner] = await Promise.all([
    db.query<{
      weekday: number;
      start_time: string;
      end_time: string;
      valid_from: string | null;
      valid_until: string | null;
    }>(
      `SELECT weekday, start_time::text, end_time::text, valid_from, valid_until FROM weekly_hours
        WHERE practitioner_id = $1 ORDER BY weekday, start_time, valid_from NULLS FIRST`,
      [practitionerId],
    ),
    db.query<{
      date: string;
      kind: 'absence' | 'extra';
      start_time: string | null;
      end_time: string | null;
      note: string | null;
    }>(
      `SELECT date, kind, start_time::text, end_time::text, note FROM hours_exceptions
        WHERE practitioner_id = $1 ORDER BY date, start_time NULLS FIRST, kind`,
      [practitionerId],
    ),
    db.query<{ works_holidays: boolean }>(
      'SELECT works_holidays FROM practitioners WHERE id = $1',
      [practitionerId],
    ),
  ]);
  return {
    worksHolidays: practitioner.rows[0]?.works_holidays ?? false,
    weekly: weekly.rows.map((r) => ({
      weekday: r.weekday,
      start: hhmm(r.start_time),
      end: hhmm(r.end_time),
      validFrom: r.valid_from as LocalDate | null,
      validUntil: r.valid_until as LocalDate | null,
    })),
    exceptions: exceptions.rows.map((r) => ({
      date: r.date as LocalDate,
      kind: r.kind,
      start: r.start_time ? hhmm(r.start_time) : null,
      end: r.end_time ? hhmm(r.end_time) : null,
      note: r.note,
    })),
  };
}

/** Replaces the practitioner's weekly template and exceptions as a whole, and whether they work holidays. */
export async function replaceHours(
  db: Queryable,
  practitionerId: string,
  hours: {
    weekly: readonly WeeklyRow[];
    exceptions: readonly ExceptionRow[];
    worksHolidays: boolean;
  },
): Promise<void> {
  await db.query('UPDATE practitioners SET works_holidays = $2 WHERE id = $1', [
    practitionerId,
    hours.worksHolidays,
  ]);
  await db.query('DELETE FROM weekly_hours WHERE practitioner_id = $1', [practitionerId]);
  await db.query('DELETE FROM hours_exceptions WHERE practitioner_id = $1', [practitionerId]);
  await db.query(
    `INSERT INTO weekly_hours (practitioner_id, weekday, start_time, end_time, valid_from, valid_until)
     SELECT $1, w.weekday, w.start_time, w.end_time, w.valid_from, w.valid_until
       FROM unnest($2::smallint[], $3::time[], $4::time[], $5::date[], $6::date[])
         AS w(weekday, start_time, end_time, valid_from, valid_until)`,
    [
      practitionerId,
      hours.weekly.map((w) => w.weekday),
      hours.weekly.map((w) => w.start),
      hours.weekly.map((w) => w.end),
      hours.weekly.map((w) => w.validFrom),
      hours.weekly.map((w) => w.validUntil),
    ],
  );
  await db.query(
    `INSERT INTO hours_exceptions (practitioner_id, date, kind, start_time, end_time, note)
     SELECT $1, e.date, e.kind, e.start_time, e.end_time, e.note
       FROM unnest($2::date[], $3::text[], $4::time[], $5::time[], $6::text[])
         AS e(date, kind, start_time, end_time, note)`,
    [
      practitionerId,
      hours.exceptions.map((e) => e.date),
      hours.exceptions.map((e) => e.kind),
      hours.exceptions.map((e) => e.start),
      hours.exceptions.map((e) => e.end),
      hours.exceptions.map((e) => e.note),
    ],
  );
}
