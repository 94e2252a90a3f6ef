import { fmt, percentile, seedBenchClinic, serverTiming, startBench, type BenchEnv } from './lib';

const PRACTITIONERS = 50;
const WEEKS = 8;

async function seedClinic(env: BenchEnv) {
  const { clinicId, typeId, ids } = await seedBenchClinic(env.db, {
    name: 'Bench legesenter',
    practitioners: PRACTITIONERS,
    hours: 'weekdays',
  });
  const { rows: u } = await env.db.query<{ id: string }>(
    "INSERT INTO users (email) VALUES ('bench-patient@example.com') RETURNING id",
  );
  // 60 % of every practitioner's slots over the next eight weeks are booked.
  await env.db.query(
    `INSERT INTO appointments (clinic_id, practitioner_id, patient_id, appointment_type_id, modality, starts_at, ends_at,
                               cancellation_deadline_minutes)
     SELECT $1, p, $2, $3, 'video', s, s + interval '15 minutes', 0
       FROM unnest($4::uuid[]) p,
            generate_series(current_date + 1, current_date + $5 * 7, interval '1 day') d,
            generate_series(0, 31) k,
            LATERAL (SELECT ((d::date + time '08:00' + k * interval '15 minutes') AT TIME ZONE 'Europe/Oslo') AS s) x
      WHERE extract(isodow FROM d) <= 5 AND random() < 0.6`,
    [clinicId, u[0]!.id, typeId, ids, WEEKS],
  );
  await env.db.query('ANALYZE');
  const { rows: n } = await env.db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM appointments',
  );
  return { clinicId, typeId, ids, appointments: n[0]!.n };
}

async function timeRequests(urls: string[], warmup: number): Promise<number[]> {
  const times: number[] = [];
  for (const [i, url] of urls.entries()) {
    const response = await fetch(url);
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    await response.arrayBuffer();
    if (i >= warmup) times.push(serverTiming(response.headers));
  }
  return times;
}

async function timeSql(
  env: BenchEnv,
  runs: number,
  queries: () => [string, unknown[]][],
): Promise<number[]> {
  const client = await env.db.connect();
  const times: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      for (const [sql, params] of queries()) await client.query(sql, params);
      times.push(performance.now() - started);
    }
  } finally {
    client.release();
  }
  return times.slice(Math.floor(runs / 10));
}

/** The reads loadSchedules does, as plain SQL: the floor under any slot computation. */
function scheduleSql(
  clinicId: string,
  ids: string[],
  start: number,
  end: number,
): [string, unknown[]][] {
  const fromDate = new Date(start - 86_400_000).toISOString().slice(0, 10);
  const toDate = new Date(end + 86_400_000).toISOString().slice(0, 10);
  return [
    [
      `SELECT practitioner_id, weekday, start_time::text, end_time::text, valid_from, valid_until FROM weekly_hours
        WHERE practitioner_id = ANY($1::uuid[]) AND (valid_from IS NULL OR valid_from <= $3::date)
          AND (valid_until IS NULL OR valid_until >= $2::date)`,
      [ids, fromDate, toDate],
    ],
    [
      `SELECT practitioner_id, date, kind, start_time::text, end_time::text FROM hours_exceptions
        WHERE practitioner_id = ANY($1::uuid[]) AND date BETWEEN $2::date AND $3::date`,
      [ids, fromDate, toDate],
    ],
    [
      'SELECT from_date, to_date FROM clinic_closures WHERE clinic_id = $1 AND from_date <= $3::date AND to_date >= $2::date',
      [clinicId, fromDate, toDate],
    ],
    [
      `SELECT practitioner_id, (extract(epoch FROM starts_at) * 1000)::float8 AS start, (extract(epoch FROM ends_at) * 1000)::float8 AS end
         FROM appointments WHERE practitioner_id = ANY($1::uuid[]) AND status <> 'cancelled'
          AND tstzrange(starts_at, ends_at, '[)') && tstzrange(to_timestamp($2 / 1000.0), to_timestamp($3 / 1000.0), '[)')`,
      [ids, start, end],
    ],
  ];
}

const line = (label: string, server: number[], sql: number[]) => {
  const s50 = percentile(server, 50);
  const q50 = percentile(sql, 50);
  console.log(
    `  ${label}\n    server p50 ${fmt(s50)}, p95 ${fmt(percentile(server, 95))}; plain SQL p50 ${fmt(q50)}; ratio ${(s50 / q50).toFixed(1)}×`,
  );
  return s50;
};

/**
 * A clinic of 50 practitioners with 8 weeks of weekday hours, 60 % booked. Times one
 * practitioner's 4 weeks of free slots and the whole clinic's next free times, as the server
 * reports them (Server-Timing), beside plain SQL reading the same rows.
 */
export async function benchSlots(): Promise<boolean> {
  const env = await startBench('slots');
  try {
    const { clinicId, typeId, ids, appointments } = await seedClinic(env);
    console.log(
      `\nSlots: ${PRACTITIONERS} practitioners, ${WEEKS} weeks, ${appointments} appointments (60 % booked)`,
    );
    const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');
    const now = Date.now();
    const fourWeeks = 28 * 86_400_000;
    const slotUrls = Array.from(
      { length: 330 },
      (_, i) =>
        `${env.baseUrl}/api/v1/clinics/${clinicId}/slots?${new URLSearchParams({
          practitionerId: ids[i % ids.length]!,
          appointmentTypeId: typeId,
          from: iso(now),
          to: iso(now + fourWeeks),
        }).toString()}`,
    );
    const slotTimes = await timeRequests(slotUrls, 30);
    const slotSql = await timeSql(env, 330, () =>
      scheduleSql(clinicId, [ids[0]!], now, now + fourWeeks),
    );
    const one = line("one practitioner's 4 weeks of slots (target p50 ≤ 5 ms)", slotTimes, slotSql);

    const clinicUrls = Array.from(
      { length: 220 },
      () => `${env.baseUrl}/api/v1/clinics/${clinicId}/practitioners?modality=video`,
    );
    const clinicTimes = await timeRequests(clinicUrls, 20);
    const clinicSql = await timeSql(env, 220, () =>
      scheduleSql(clinicId, ids, now, now + 3 * 86_400_000 + 15 * 60_000),
    );
    const all = line(
      "the whole clinic's next free slots (target p50 ≤ 25 ms)",
      clinicTimes,
      clinicSql,
    );
    const passed = one <= 5 && all <= 25;
    console.log(`  ${passed ? 'PASS' : 'FAIL'}`);
    return passed;
  } finally {
    await env.close();
  }
}
