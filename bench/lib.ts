import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Instant, UserId } from '@visitt/domain';
import { loadConfig } from '../apps/server/src/config/config';
import { findFreePort, startEmbeddedPostgres } from '../apps/server/src/db/embedded';
import { migrate } from '../apps/server/src/db/migrate';
import { createPool, type Db } from '../apps/server/src/db/pool';
import { createSession } from '../apps/server/src/db/sessions';
import { buildApp } from '../apps/server/src/http/app';
import { systemClock } from '../apps/server/src/lib/clock';
import { createPgSignalBus } from '../apps/server/src/signaling/bus';
import { createDevOutboxTransport } from '../apps/server/src/notifications/dev-outbox';

export interface BenchEnv {
  baseUrl: string;
  origin: string;
  db: Db;
  databaseUrl: string;
  close(): Promise<void>;
}

/**
 * The real server in-process on a fresh PostgreSQL: `DATABASE_URL` when set (a fresh database
 * is created on it), else an embedded PostgreSQL with default durability in .tmp/bench-pg.
 */
export async function startBench(name: string): Promise<BenchEnv> {
  let url: string;
  let stop: () => Promise<void> = async () => undefined;
  if (process.env.DATABASE_URL) {
    const admin = createPool(process.env.DATABASE_URL, 1);
    const db = `bench_${name}_${process.pid}`;
    await admin.query(`DROP DATABASE IF EXISTS ${db}`);
    await admin.query(`CREATE DATABASE ${db}`);
    await admin.end();
    const u = new URL(process.env.DATABASE_URL);
    u.pathname = `/${db}`;
    url = u.toString();
  } else {
    const dataDir = path.resolve(import.meta.dirname, `../.tmp/bench-pg-${name}`);
    await rm(dataDir, { recursive: true, force: true });
    const embedded = await startEmbeddedPostgres({ dataDir, database: 'bench' });
    url = embedded.url;
    stop = async () => {
      await embedded.stop();
      await rm(dataDir, { recursive: true, force: true });
    };
  }
  const db = createPool(url, 40);
  await migrate(db);
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', DATABASE_POOL_SIZE: '40' });
  const bus = await createPgSignalBus(db, url);
  const app = await buildApp({
    config,
    bus,
    db,
    clock: systemClock,
    secret: 'bench-secret-bench-secret-bench-secret',
    transports: { email: createDevOutboxTransport(db), sms: createDevOutboxTransport(db) },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    origin: config.allowedOrigins[0]!,
    db,
    databaseUrl: url,
    close: async () => {
      await app.close();
      await bus.close();
      await db.end();
      await stop();
    },
  };
}

/**
 * `count` patients with live sessions, returned as cookie headers. Each has given name, family
 * name and date of birth, which booking needs.
 */
export async function createPatients(db: Db, count: number): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO users (email, email_verified_at, given_name, family_name, birth_date)
     SELECT 'bench-' || g || '-' || gen_random_uuid() || '@example.com', now(), 'Bench', 'Pasient ' || g, DATE '1980-05-17'
       FROM generate_series(1, $1) g RETURNING id`,
    [count],
  );
  const now = systemClock.now();
  const cookies: string[] = [];
  for (const { id } of rows) {
    const token = await createSession(db, {
      userId: id as never,
      authMethod: 'code_email',
      now,
      absoluteMs: 12 * 3_600_000,
    });
    cookies.push(`visitt_session=${token}`);
  }
  return cookies;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[
    Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  ]!;
}

export const fmt = (ms: number) => `${ms.toFixed(2)} ms`;

/** Server-side duration from the Server-Timing header. */
export function serverTiming(headers: Headers): number {
  const match = /app;dur=([\d.]+)/.exec(headers.get('server-timing') ?? '');
  if (!match) throw new Error('no Server-Timing header');
  return Number(match[1]);
}

export const nowInstant = (): Instant => systemClock.now();

/** Next Monday 00:00 UTC at least `days` ahead: a stable anchor for generated schedules. */
export function mondayAfter(days: number): Date {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setUTCHours(0, 0, 0, 0);
  while (d.getUTCDay() !== 1) d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

/**
 * A clinic with `practitioners` practitioners who all offer one 15-minute video type with no
 * notice, working weekdays 08:00–16:00 or around the clock.
 */
export async function seedBenchClinic(
  db: Db,
  options: { name: string; practitioners: number; hours: 'weekdays' | 'always' },
): Promise<{ clinicId: string; typeId: string; ids: string[] }> {
  const { rows: c } = await db.query<{ id: string }>(
    'INSERT INTO clinics (name, search_text) VALUES ($1, lower($1)) RETURNING id',
    [options.name],
  );
  const clinicId = c[0]!.id;
  const { rows: ps } = await db.query<{ id: string }>(
    `INSERT INTO practitioners (clinic_id, name) SELECT $1, 'Dr. ' || g FROM generate_series(1, $2) g RETURNING id`,
    [clinicId, options.practitioners],
  );
  const ids = ps.map((p) => p.id);
  const [days, start, end] =
    options.hours === 'weekdays' ? [5, '08:00', '16:00'] : [7, '00:00', '24:00'];
  await db.query(
    `INSERT INTO weekly_hours (practitioner_id, weekday, start_time, end_time)
     SELECT p, d, $2, $3 FROM unnest($1::uuid[]) p, generate_series(1, $4::int) d`,
    [ids, start, end, days],
  );
  const { rows: t } = await db.query<{ id: string }>(
    `INSERT INTO appointment_types (clinic_id, name, duration_minutes, modality, minimum_notice_minutes)
     VALUES ($1, 'Videokonsultasjon 15 min', 15, 'video', 0) RETURNING id`,
    [clinicId],
  );
  const typeId = t[0]!.id;
  await db.query(
    'INSERT INTO appointment_type_practitioners SELECT $1, p FROM unnest($2::uuid[]) p',
    [typeId, ids],
  );
  return { clinicId, typeId, ids };
}

export interface ServerProcess {
  baseUrl: string;
  /** The embedded PostgreSQL's folder (for `embeddedDatabaseUrl`). */
  dataDir: string;
  process: ChildProcess;
  /** Stops the server and removes its data. */
  stop(): Promise<void>;
}

/**
 * `npm start`'s server in a process of its own (its memory and CPU its own), on a fresh embedded
 * PostgreSQL in .tmp/<name>; returns once `/api/health` answers.
 */
export async function startServerProcess(name: string): Promise<ServerProcess> {
  const root = path.resolve(import.meta.dirname, '..');
  const dataDir = path.join(root, '.tmp', name);
  await rm(dataDir, { recursive: true, force: true });
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      VISITT_MODE: 'demo',
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: baseUrl,
      VISITT_DATA_DIR: dataDir,
      LOG_LEVEL: 'error',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    await rm(dataDir, { recursive: true, force: true });
  };
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // starting
    }
    if (i > 300) {
      await stop();
      throw new Error('server did not start');
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { baseUrl, dataDir, process: child, stop };
}

/** Chromium for the call benches: headless, fake camera and microphone, calls on loopback. */
export const CALL_BROWSER_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  '--allow-loopback-in-peer-connection',
  '--autoplay-policy=no-user-gesture-required',
];

/** Keeps every RTCPeerConnection a page makes in `window.__pcs`, to read its statistics. */
export const CAPTURE_PEER_CONNECTIONS = `(() => {
  const Native = window.RTCPeerConnection;
  window.__pcs = [];
  window.RTCPeerConnection = function (...args) { const pc = new Native(...args); window.__pcs.push(pc); return pc; };
  window.RTCPeerConnection.prototype = Native.prototype;
})();`;

/**
 * Runs the bench script at `scriptUrl` (its `import.meta.url`) again in a network namespace of
 * its own with only loopback, so that calls stay off the machine's network; its exit status
 * says whether the bench passed. Inside, `VISITT_BENCH_NETNS` is `1`.
 */
export function runInOwnNetwork(scriptUrl: string): boolean {
  const script = fileURLToPath(scriptUrl);
  const result = spawnSync(
    'unshare',
    [
      '--net',
      'sh',
      '-c',
      `ip link set lo up && exec "${process.execPath}" --import tsx "${script}"`,
    ],
    {
      cwd: path.resolve(import.meta.dirname, '..'),
      stdio: 'inherit',
      env: { ...process.env, VISITT_BENCH_NETNS: '1' },
    },
  );
  return result.status === 0;
}

/** A practitioner's video consultations with one patient, and a session of each to open them. */
export interface VideoConsultations {
  appointmentIds: string[];
  /** A staff session (password and authenticator code) of the practitioner. */
  doctorToken: string;
  /** A session of the patient, signed in with a code. */
  patientToken: string;
}

/**
 * On the server's database at `databaseUrl`: a clinic, a practitioner and a patient, with
 * `count` back-to-back video consultations of `minutes` each from `firstStart` (epoch ms). The
 * patient is known to the practitioner (recorded on the first), so ending a call never stops to
 * ask how they were identified.
 */
export async function seedVideoConsultations(
  databaseUrl: string,
  options: { name: string; count: number; minutes: number; firstStart: number },
): Promise<VideoConsultations> {
  const db = createPool(databaseUrl, 4);
  try {
    const { name, count, minutes, firstStart } = options;
    const { rows: c } = await db.query<{ id: string }>(
      'INSERT INTO clinics (name, search_text) VALUES ($1, lower($1)) RETURNING id',
      [name],
    );
    const clinicId = c[0]!.id;
    const { rows: u } = await db.query<{ id: string }>(
      "INSERT INTO users (email, name) VALUES ($1, 'Lege') RETURNING id",
      [`bench-${name.toLowerCase()}-doctor@example.com`],
    );
    const doctorId = u[0]!.id;
    await db.query(
      "INSERT INTO clinic_memberships (clinic_id, user_id, roles) VALUES ($1, $2, '{practitioner}')",
      [clinicId, doctorId],
    );
    const { rows: p } = await db.query<{ id: string }>(
      'INSERT INTO practitioners (clinic_id, user_id, name) VALUES ($1, $2, $3) RETURNING id',
      [clinicId, doctorId, `Dr. ${name}`],
    );
    const { rows: t } = await db.query<{ id: string }>(
      `INSERT INTO appointment_types (clinic_id, name, duration_minutes, modality)
       VALUES ($1, $2, $3, 'video') RETURNING id`,
      [clinicId, `Video ${minutes} min`, minutes],
    );
    const { rows: pt } = await db.query<{ id: string }>(
      'INSERT INTO users (email, name) VALUES ($1, $2) RETURNING id',
      [`bench-${name.toLowerCase()}-patient@example.com`, `Pasient ${name}`],
    );
    const { rows: appointments } = await db.query<{ id: string }>(
      `INSERT INTO appointments (clinic_id, practitioner_id, patient_id, appointment_type_id, modality, starts_at, ends_at, cancellation_deadline_minutes)
       SELECT $1, $2, $3, $4, 'video', to_timestamp(($5::float8 + k * $7) / 1000.0), to_timestamp(($5::float8 + (k + 1) * $7) / 1000.0), 0
         FROM generate_series(0, $6 - 1) k ORDER BY k RETURNING id`,
      [clinicId, p[0]!.id, pt[0]!.id, t[0]!.id, firstStart, count, minutes * 60_000],
    );
    await db.query(
      `INSERT INTO appointment_identifications (appointment_id, method, recorded_by, recorded_at)
       VALUES ($1, 'known_patient', $2, now())`,
      [appointments[0]!.id, doctorId],
    );
    const session = (userId: string, staff: boolean) =>
      createSession(db, {
        userId: userId as UserId,
        authMethod: staff ? 'password' : 'code_email',
        staff,
        now: Date.now() as Instant,
        absoluteMs: 3_600_000,
      });
    return {
      appointmentIds: appointments.map((a) => a.id),
      doctorToken: await session(doctorId, true),
      patientToken: await session(pt[0]!.id, false),
    };
  } finally {
    await db.end();
  }
}
