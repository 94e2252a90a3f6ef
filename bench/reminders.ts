import { spawn } from 'node:child_process';
import { systemClock } from '../apps/server/src/lib/clock';
import { createLinkMobilityTransport } from '../apps/server/src/notifications/link-mobility';
import { createNotificationWorker } from '../apps/server/src/notifications/worker';
import { fmt, percentile, startBench } from './lib';

const REMINDERS = Number(process.env.BENCH_REMINDERS ?? 100_000);
const PRACTITIONERS = 1000;

/** A stand-in SMS gateway in its own process: counts messages per reference, answers like LINK. */
const SINK = `
const http = require('node:http');
const seen = new Map();
let total = 0;
const server = http.createServer((req, res) => {
  if (req.method === 'GET') { res.end(JSON.stringify({ total, unique: seen.size, duplicates: total - seen.size })); return; }
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    const { refId } = JSON.parse(body);
    total++;
    seen.set(refId, (seen.get(refId) || 0) + 1);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ messageId: 'm' + total, resultCode: 1005 }));
  });
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => process.send(server.address().port));
`;

/**
 * 100,000 SMS reminders fall due within the same minute; the outbox worker sends them to a local
 * gateway. Prints how late each went out (p50, p99, max), whether all went within 60 s of their
 * due time, duplicates seen by the gateway, and messages per second.
 */
export async function benchReminders(): Promise<boolean> {
  const env = await startBench('reminders');
  const sink = spawn(process.execPath, ['-e', SINK], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    const port = await new Promise<number>((resolve) =>
      sink.once('message', (p) => resolve(p as number)),
    );
    const db = env.db;
    const { rows: c } = await db.query<{ id: string }>(
      "INSERT INTO clinics (name, search_text) VALUES ('Påminnelse', 'påminnelse') RETURNING id",
    );
    const clinicId = c[0]!.id;
    const { rows: t } = await db.query<{ id: string }>(
      "INSERT INTO appointment_types (clinic_id, name, duration_minutes, modality) VALUES ($1, 'Video 15', 15, 'video') RETURNING id",
      [clinicId],
    );
    await db.query(
      `INSERT INTO practitioners (clinic_id, name) SELECT $1, 'Dr. ' || g FROM generate_series(1, $2) g`,
      [clinicId, PRACTITIONERS],
    );
    await db.query(
      `INSERT INTO users (phone, phone_verified_at, locale)
       SELECT '+47' || (40000000 + g)::text, now(), 'nb' FROM generate_series(1, $1) g`,
      [REMINDERS],
    );
    // One appointment per patient, tomorrow, spread over the practitioners' 15-minute slots.
    await db.query(
      `INSERT INTO appointments (clinic_id, practitioner_id, patient_id, appointment_type_id, modality, starts_at, ends_at,
                                 cancellation_deadline_minutes)
       SELECT $1, p.id, u.id, $2, 'video', s, s + interval '15 minutes', 0
         FROM (SELECT id, row_number() OVER (ORDER BY id) - 1 AS i FROM users WHERE phone IS NOT NULL) u
         JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS j FROM practitioners WHERE clinic_id = $1) p
           ON p.j = u.i % $3
         CROSS JOIN LATERAL (SELECT date_trunc('hour', now()) + interval '1 day' + (u.i / $3) * interval '15 minutes' AS s) x`,
      [clinicId, t[0]!.id, PRACTITIONERS],
    );
    // All their reminders fall due within one minute, starting 15 s from now.
    const t0 = Date.now() + 15_000;
    await db.query(
      `INSERT INTO notifications (dedupe_key, appointment_id, appointment_version, user_id, kind, channel, due_at, send_before,
                                  created_at, updated_at)
       SELECT a.id || ':reminder', a.id, 1, a.patient_id, 'reminder', 'sms',
              to_timestamp(($1::float8 + (row_number() OVER (ORDER BY a.id) - 1) * 60000.0 / $2) / 1000.0), a.starts_at, now(), now()
         FROM appointments a WHERE a.clinic_id = $3`,
      [t0, REMINDERS, clinicId],
    );
    await db.query('ANALYZE');

    const transport = createLinkMobilityTransport({
      url: `http://127.0.0.1:${port}/sms/send`,
      username: 'visitt',
      password: 'secret',
      platformId: 'COMMON_API',
      platformPartnerId: '1234',
      sender: 'Visitt',
    });
    const worker = createNotificationWorker(
      {
        db,
        clock: systemClock,
        transports: { sms: transport },
        publicUrl: 'https://visitt.example.no',
      },
      { batchSize: 1000, concurrency: 128, idleMs: 100 },
    );
    worker.start();
    const deadline = t0 + 60_000 + 120_000;
    for (;;) {
      const { rows } = await db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM notifications WHERE status IN ('planned', 'sending')",
      );
      if (rows[0]!.n === 0 || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    await worker.stop();

    const { rows: late } = await db.query<{ ms: number; status: string }>(
      `SELECT status, extract(epoch FROM (coalesce(sent_at, now()) - due_at)) * 1000 AS ms FROM notifications`,
    );
    const sent = late.filter((r) => r.status === 'sent');
    const lateness = sent.map((r) => Number(r.ms));
    const { rows: span } = await db.query<{ first: Date; last: Date }>(
      'SELECT min(sent_at) AS first, max(sent_at) AS last FROM notifications',
    );
    const seconds = (span[0]!.last.getTime() - span[0]!.first.getTime()) / 1000;
    const gateway = (await (await fetch(`http://127.0.0.1:${port}/`)).json()) as {
      total: number;
      unique: number;
      duplicates: number;
    };
    const p99 = percentile(lateness, 99);
    const max = Math.max(...lateness);
    const allWithinMinute = sent.length === REMINDERS && max <= 60_000;
    console.log(
      `\nReminders: ${REMINDERS} SMS due within the same minute, one worker, a local gateway`,
    );
    console.log(
      `  sent ${sent.length} of ${REMINDERS}; gateway received ${gateway.total}, ${gateway.unique} distinct, ${gateway.duplicates} duplicates`,
    );
    console.log(
      `  lateness after due time: p50 ${fmt(percentile(lateness, 50))}, p99 ${fmt(p99)}, max ${fmt(max)}`,
    );
    console.log(
      `  throughput: ${(sent.length / seconds).toFixed(0)} messages/s (${seconds.toFixed(1)} s from first to last)`,
    );
    const passed = allWithinMinute && p99 <= 5000 && gateway.duplicates === 0;
    console.log(`  ${passed ? 'PASS' : 'FAIL'}: all within 60 s, p99 ≤ 5 s, no duplicates`);
    return passed;
  } finally {
    sink.kill();
    await env.close();
  }
}
