import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAppointmentType, buildClinic, buildPractitioner } from '../../test/factories';
import { startTestApp, type TestApp } from '../../test/harness';
import { startSmsSink } from '../../test/sinks';
import { createTransports } from './transports';
import { createNotificationWorker } from './worker';

let app: TestApp;
let sink: Awaited<ReturnType<typeof startSmsSink>>;

beforeAll(async () => {
  sink = await startSmsSink();
  app = await startTestApp({
    now: new Date().toISOString(),
    env: {
      VISITT_MODE: 'demo',
      LINK_SMS_URL: sink.url,
      LINK_SMS_USERNAME: 'visitt',
      LINK_SMS_PASSWORD: 'secret',
      LINK_SMS_PLATFORM_ID: 'COMMON_API',
      LINK_SMS_PLATFORM_PARTNER_ID: '1234',
    },
  });
});
afterAll(async () => {
  await app.close();
  await sink.close();
});

describe('the SMS transport of an installation', () => {
  it('never sends to a number outside the allowed countries: the outbox marks the message failed', async () => {
    const clinic = await buildClinic(app.db);
    const practitioner = await buildPractitioner(app.db, clinic.id, {
      hours: [[[1, 2, 3, 4, 5, 6, 7], '00:00', '24:00']],
    });
    const type = await buildAppointmentType(app.db, clinic.id, [practitioner.id]);
    // Two patients with verified mobiles (one Norwegian, one in the US), each with a
    // confirmation due now: as if a number had got past every check before the outbox.
    const { rows: planned } = await app.db.query<{ id: string; phone: string }>(
      `WITH patients AS (
         INSERT INTO users (phone, phone_verified_at)
         SELECT phone, now() FROM unnest($4::text[]) phone RETURNING id, phone),
       numbered AS (SELECT id, phone, row_number() OVER () AS i FROM patients),
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
         FROM booked RETURNING id, (SELECT phone FROM users WHERE users.id = user_id)`,
      [clinic.id, practitioner.id, type.id, ['+4791234444', '+12125550144']],
    );
    expect(planned).toHaveLength(2);

    app.clock.set(new Date(Date.now() + 1000).toISOString()); // the rows are due by the database's clock
    const worker = createNotificationWorker({
      db: app.db,
      clock: app.clock,
      transports: createTransports(app.config, app.db, undefined),
      publicUrl: 'https://visitt.example.no',
    });
    expect(await worker.runOnce()).toBe(2);

    const { rows } = await app.db.query<{ phone: string; status: string; error: string | null }>(
      `SELECT u.phone, n.status, n.last_error AS error FROM notifications n JOIN users u ON u.id = n.user_id
        WHERE n.id = ANY($1::uuid[]) ORDER BY u.phone`,
      [planned.map((p) => p.id)],
    );
    expect(rows).toEqual([
      { phone: '+12125550144', status: 'failed', error: 'SMS to this country is not allowed' },
      { phone: '+4791234444', status: 'sent', error: null },
    ]);
    expect(sink.received.map((r) => r.destination)).toEqual(['+4791234444']);
    // Failed for good: another round does not try it again.
    expect(await worker.runOnce()).toBe(0);
    expect(sink.received).toHaveLength(1);
  });
});
