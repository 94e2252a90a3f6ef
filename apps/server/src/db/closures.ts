import type { LocalDate } from '@visitt/domain';
import type { Queryable } from './pool';

export interface ClosureRow {
  from: LocalDate;
  to: LocalDate;
  reason: string | null;
}

/** The clinic's closures, in date order. */
export async function readClosures(db: Queryable, clinicId: string): Promise<ClosureRow[]> {
  const { rows } = await db.query<{ from_date: string; to_date: string; reason: string | null }>(
    'SELECT from_date, to_date, reason FROM clinic_closures WHERE clinic_id = $1 ORDER BY from_date, to_date',
    [clinicId],
  );
  return rows.map((r) => ({
    from: r.from_date as LocalDate,
    to: r.to_date as LocalDate,
    reason: r.reason,
  }));
}

/** Replaces the clinic's closures as a whole. */
export async function replaceClosures(
  db: Queryable,
  clinicId: string,
  closures: readonly ClosureRow[],
): Promise<void> {
  await db.query('DELETE FROM clinic_closures WHERE clinic_id = $1', [clinicId]);
  await db.query(
    `INSERT INTO clinic_closures (clinic_id, from_date, to_date, reason)
     SELECT $1, c.from_date, c.to_date, c.reason
       FROM unnest($2::date[], $3::date[], $4::text[]) AS c(from_date, to_date, reason)`,
    [
      clinicId,
      closures.map((c) => c.from),
      closures.map((c) => c.to),
      closures.map((c) => c.reason),
    ],
  );
}

/** The public holidays on which the clinic is open as on ordinary days, in date order. */
export async function readOpenHolidays(db: Queryable, clinicId: string): Promise<LocalDate[]> {
  const { rows } = await db.query<{ date: string }>(
    'SELECT date FROM clinic_open_holidays WHERE clinic_id = $1 ORDER BY date',
    [clinicId],
  );
  return rows.map((r) => r.date as LocalDate);
}

/** Replaces the clinic's opened public holidays as a whole. */
export async function replaceOpenHolidays(
  db: Queryable,
  clinicId: string,
  dates: readonly LocalDate[],
): Promise<void> {
  await db.query('DELETE FROM clinic_open_holidays WHERE clinic_id = $1', [clinicId]);
  await db.query(
    `INSERT INTO clinic_open_holidays (clinic_id, date)
     SELECT DISTINCT $1::uuid, d FROM unnest($2::date[]) AS d`,
    [clinicId, dates],
  );
}
