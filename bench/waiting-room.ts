import { readFileSync } from 'node:fs';
import WebSocket from 'ws';
import { embeddedDatabaseUrl } from '../apps/server/src/db/embedded';
import { createPool } from '../apps/server/src/db/pool';
import { createSession } from '../apps/server/src/db/sessions';
import type { Instant, UserId } from '@visitt/domain';
import { fmt, percentile, startServerProcess } from './lib';

const PATIENTS = 5000;
const PRACTITIONERS = 250;
const PER_PRACTITIONER = PATIENTS / PRACTITIONERS;
const MEASURED_STARTS = 1000;

const rssMb = (pid: number) => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'))!;
  return Number(line.replace(/\D+/g, '')) / 1024;
};

/**
 * 5,000 patients wait in video rooms connected to one server process (a child process, so its
 * memory is its own). Prints the server's resident memory, and the time from a patient pressing
 * start (the HTTP call) until their practitioner's open workspace receives the alert, measured
 * for 1,000 starts while all 5,000 are connected.
 */
export async function benchWaitingRoom(): Promise<boolean> {
  const server = await startServerProcess('bench-waiting');
  const { baseUrl, dataDir } = server;
  const sockets: WebSocket[] = [];
  try {
    const db = createPool(await embeddedDatabaseUrl(dataDir), 10);
    const now = Date.now();

    // A clinic of 250 practitioners, each with 20 five-minute video appointments inside the window.
    const { rows: c } = await db.query<{ id: string }>(
      "INSERT INTO clinics (name, search_text) VALUES ('Venterom', 'venterom') RETURNING id",
    );
    const clinicId = c[0]!.id;
    const { rows: doctors } = await db.query<{ id: string }>(
      `INSERT INTO users (email, email_verified_at) SELECT 'bench-doctor-' || g || '@example.com', now()
         FROM generate_series(1, $1) g RETURNING id`,
      [PRACTITIONERS],
    );
    await db.query(
      `INSERT INTO clinic_memberships (clinic_id, user_id, roles) SELECT $1, u, '{practitioner}' FROM unnest($2::uuid[]) u`,
      [clinicId, doctors.map((d) => d.id)],
    );
    const { rows: practitioners } = await db.query<{ id: string; user_id: string }>(
      `INSERT INTO practitioners (clinic_id, user_id, name) SELECT $1, u, 'Dr. Venter' FROM unnest($2::uuid[]) u RETURNING id, user_id`,
      [clinicId, doctors.map((d) => d.id)],
    );
    const { rows: t } = await db.query<{ id: string }>(
      `INSERT INTO appointment_types (clinic_id, name, duration_minutes, modality) VALUES ($1, 'Video 5 min', 5, 'video') RETURNING id`,
      [clinicId],
    );
    const { rows: patients } = await db.query<{ id: string }>(
      `INSERT INTO users (email, email_verified_at) SELECT 'bench-waiting-' || g || '@example.com', now()
         FROM generate_series(1, $1) g RETURNING id`,
      [PATIENTS],
    );
    const first = Math.floor((now - 95 * 60_000) / 60_000) * 60_000;
    const { rows: appointments } = await db.query<{
      id: string;
      practitioner_id: string;
      patient_id: string;
    }>(
      `INSERT INTO appointments (clinic_id, practitioner_id, patient_id, appointment_type_id, modality, starts_at, ends_at,
                                 cancellation_deadline_minutes)
       SELECT $1, p.id, pt.id, $2, 'video', to_timestamp(($3::float8 + k * 300000) / 1000.0), to_timestamp(($3::float8 + k * 300000 + 300000) / 1000.0), 0
         FROM unnest($4::uuid[]) WITH ORDINALITY AS p(id, i)
         CROSS JOIN generate_series(0, $5 - 1) k
         JOIN unnest($6::uuid[]) WITH ORDINALITY AS pt(id, j) ON pt.j = (p.i - 1) * $5 + k + 1
       RETURNING id, practitioner_id, patient_id`,
      [
        clinicId,
        t[0]!.id,
        first,
        practitioners.map((p) => p.id),
        PER_PRACTITIONER,
        patients.map((p) => p.id),
      ],
    );
    // Practitioners signed in as staff (password and TOTP), patients with a code.
    const cookie = async (userId: string, staff = false) =>
      `visitt_session=${await createSession(db, { userId: userId as UserId, authMethod: staff ? 'password' : 'code_email', staff, now: Date.now() as Instant, absoluteMs: 12 * 3_600_000 })}`;

    // Every practitioner's workspace is open and watching.
    const alerts = new Map<string, () => void>();
    const open = (cookieHeader: string) =>
      new Promise<WebSocket>((resolve, reject) => {
        const ws = new WebSocket(`${baseUrl.replace('http', 'ws')}/api/v1/signaling`, {
          headers: { origin: baseUrl, cookie: cookieHeader },
        });
        ws.once('open', () => resolve(ws));
        ws.once('error', reject);
      });
    for (const p of practitioners) {
      const ws = await open(await cookie(p.user_id, true));
      ws.on('message', (data) => {
        const message = JSON.parse((data as Buffer).toString('utf8')) as {
          type: string;
          appointmentId?: string;
          patient?: string;
        };
        if (message.type === 'room' && message.patient === 'waiting')
          alerts.get(message.appointmentId!)?.();
      });
      ws.send(JSON.stringify({ type: 'watch' }));
      sockets.push(ws);
    }
    await new Promise((r) => setTimeout(r, 300));
    const rssIdle = rssMb(server.process.pid!);

    const patientCookies = new Map<string, string>();
    for (const a of appointments) patientCookies.set(a.id, await cookie(a.patient_id));

    /** Presses start and resolves with the time until the workspace had the alert. */
    const start = async (appointmentId: string): Promise<number> => {
      const seen = new Promise<number>((resolve) =>
        alerts.set(appointmentId, () => resolve(performance.now())),
      );
      const t0 = performance.now();
      const response = await fetch(`${baseUrl}/api/v1/appointments/${appointmentId}/video/start`, {
        method: 'POST',
        headers: { origin: baseUrl, cookie: patientCookies.get(appointmentId)! },
      });
      if (response.status !== 200) throw new Error(`start answered ${response.status}`);
      await response.arrayBuffer();
      const t1 = await seen;
      alerts.delete(appointmentId);
      return t1 - t0;
    };

    // All 5,000 start and enter their waiting rooms, 50 at a time.
    for (let i = 0; i < appointments.length; i += 50) {
      await Promise.all(
        appointments.slice(i, i + 50).map(async (a) => {
          await start(a.id);
          const ws = await open(patientCookies.get(a.id)!);
          await new Promise<void>((resolve) => {
            ws.on('message', (data) => {
              if (
                (JSON.parse((data as Buffer).toString('utf8')) as { type: string }).type ===
                'joined'
              )
                resolve();
            });
            ws.send(
              JSON.stringify({
                type: 'join',
                appointmentId: a.id,
                sessionId: `bench-${a.id.slice(0, 8)}`,
                mic: true,
                camera: true,
              }),
            );
          });
          sockets.push(ws);
        }),
      );
    }
    await new Promise((r) => setTimeout(r, 1000));
    const rssFull = rssMb(server.process.pid!);

    // With everyone connected: 1,000 more starts (patients pressing start again), one at a time.
    const latencies: number[] = [];
    for (let i = 0; i < MEASURED_STARTS; i++)
      latencies.push(await start(appointments[(i * 7) % appointments.length]!.id));
    const p50 = percentile(latencies, 50);
    const p99 = percentile(latencies, 99);
    console.log(
      `\nWaiting room: ${PATIENTS} patients waiting, ${PRACTITIONERS} workspaces open, one server process`,
    );
    console.log(
      `  server resident memory: ${rssIdle.toFixed(0)} MB before, ${rssFull.toFixed(0)} MB with everyone connected (${(((rssFull - rssIdle) * 1024) / PATIENTS).toFixed(1)} kB per waiting patient)`,
    );
    console.log(
      `  start → workspace alert over ${MEASURED_STARTS} starts: p50 ${fmt(p50)}, p99 ${fmt(p99)}, max ${fmt(Math.max(...latencies))} (target p99 ≤ 100 ms)`,
    );
    const passed = p50 <= 100 && p99 <= 100;
    console.log(`  ${passed ? 'PASS' : 'FAIL'}`);
    await db.end();
    return passed;
  } finally {
    for (const ws of sockets) ws.terminate();
    await server.stop();
  }
}
