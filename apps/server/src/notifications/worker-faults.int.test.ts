import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAppointmentType, buildClinic, buildPractitioner } from '../../test/factories';
import { startTestApp, type TestApp } from '../../test/harness';
import { startSmsSink } from '../../test/sinks';

const MESSAGES = 300;
const root = path.resolve(import.meta.dirname, '../../../..');
let app: TestApp;
let sink: Awaited<ReturnType<typeof startSmsSink>>;

beforeAll(async () => {
  app = await startTestApp({ now: new Date().toISOString() });
  // Each answer takes a while, so a batch is still being sent when the worker is killed.
  sink = await startSmsSink({ delayMs: 25 });
});
afterAll(async () => {
  await app.close();
  await sink.close();
});

/** The real worker entry point, as an installation runs it on its own. */
function startWorker(): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/worker.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: app.databaseUrl,
      VISITT_MODE: 'demo',
      LOG_LEVEL: 'silent',
      PUBLIC_URL: 'https://visitt.example.no',
      LINK_SMS_URL: sink.url,
      LINK_SMS_USERNAME: 'visitt',
      LINK_SMS_PASSWORD: 'secret',
      LINK_SMS_PLATFORM_ID: 'COMMON_API',
      LINK_SMS_PLATFORM_PARTNER_ID: '1234',
      NOTIFICATION_LEASE_SECONDS: '2',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

const until = async (condition: () => boolean | Promise<boolean>, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('a worker killed in the middle of a batch', () => {
  it('loses nothing: after a restart every message reaches the gateway, each under its own reference', async () => {
    const clinic = await buildClinic(app.db);
    const practitioner = await buildPractitioner(app.db, clinic.id, {
      hours: [[[1, 2, 3, 4, 5, 6, 7], '00:00', '24:00']],
    });
    const type = await buildAppointmentType(app.db, clinic.id, [practitioner.id]);
    // 300 patients with verified mobiles, each with an appointment and a confirmation due now.
    const { rows: planned } = await app.db.query<{ id: string }>(
      `WITH patients AS (
         INSERT INTO users (phone, phone_verified_at)
         SELECT '+47' || (40000000 + g)::text, now() FROM generate_series(1, $4) g RETURNING id),
       numbered AS (SELECT id, row_number() OVER () AS i FROM patients),
       booked AS (
         INSERT INTO appointments (clinic_id, practitioner_id, patient_id, appointment_type_id, modality, starts_at, ends_at,
                                   cancellation_deadline_minutes)
         SELECT $1, $2, id, $3, 'video', date_trunc('hour', now()) + interval '1 day' + i * interval '15 minutes',
                date_trunc('hour', now()) + interval '1 day' + i * interval '15 minutes' + interval '15 minutes', 0
           FROM numbered RETURNING id, patient_id)
       INSERT INTO notifications (dedupe_key, appointment_id, appointment_version, user_id, kind, channel, due_at, send_before,
                                  created_at, updated_at)
       SELECT booked.id || ':confirmation:sms', booked.id, 1, booked.patient_id, 'confirmation', 'sms', now(),
              now() + interval '1 hour', now(), now()
         FROM booked RETURNING id`,
      [clinic.id, practitioner.id, type.id, MESSAGES],
    );
    expect(planned).toHaveLength(MESSAGES);

    const first = startWorker();
    await until(() => sink.received.length >= 80, 30_000);
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    const atKill = sink.received.length;
    const inFlight = await app.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM notifications WHERE status = 'sending'",
    );
    expect(atKill).toBeLessThan(MESSAGES);
    expect(inFlight.rows[0]!.n).toBeGreaterThan(0); // it really died mid-batch

    const second = startWorker();
    try {
      await until(async () => {
        const { rows } = await app.db.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM notifications WHERE status <> 'sent'",
        );
        return rows[0]!.n === 0;
      }, 30_000);
    } finally {
      second.kill('SIGTERM');
    }

    const references = sink.received.map((r) => r.refId);
    const unique = new Set(references);
    // Every message arrived, under the reference of its outbox row …
    expect([...unique].sort()).toEqual(planned.map((p) => p.id).sort());
    // … and only a message the killed worker had in its hands could arrive twice, with the same
    // reference, which a provider that honours it delivers once.
    expect(references.length - unique.size).toBeLessThanOrEqual(inFlight.rows[0]!.n);
  });
});
