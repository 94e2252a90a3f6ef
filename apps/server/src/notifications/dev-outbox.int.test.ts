import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxMessage } from '@visitt/contracts';
import { buildBookableClinic, signInAs, buildUser } from '../../test/factories';
import { Browser, giveProfile, startTestApp, type TestApp } from '../../test/harness';
import { createDevOutboxTransport } from './dev-outbox';
import { createNotificationWorker } from './worker';

// Monday 30 November 2026, 10:00 in Oslo.
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ now: '2026-11-30T09:00:00Z' });
});
afterAll(async () => {
  await app.close();
});

const outboxFor = async (to: string) => {
  const response = await new Browser(app).get<OutboxMessage[]>(
    `/api/v1/dev/outbox?to=${encodeURIComponent(to)}`,
  );
  expect(response.status).toBe(200);
  return response.body;
};

describe('the demo outbox', () => {
  it('keeps an e-mail’s HTML part and attachments, and shows them', async () => {
    const outbox = createDevOutboxTransport(app.db);
    await outbox.send({
      channel: 'email',
      to: 'deler@example.com',
      subject: 'Med vedlegg',
      text: 'Tekst',
      html: '<p>HTML <b>del</b></p>',
      attachments: [
        { filename: 'a.ics', contentType: 'text/calendar', content: 'BEGIN:VCALENDAR' },
      ],
      reference: 'r-1',
    });
    await outbox.send({ channel: 'sms', to: '+4791234567', text: 'Kort', reference: 'r-2' });
    expect(await outboxFor('deler@example.com')).toEqual([
      expect.objectContaining({
        channel: 'email',
        subject: 'Med vedlegg',
        text: 'Tekst',
        html: '<p>HTML <b>del</b></p>',
        attachments: [
          { filename: 'a.ics', contentType: 'text/calendar', content: 'BEGIN:VCALENDAR' },
        ],
      }),
    ]);
    expect(await outboxFor('+4791234567')).toEqual([
      expect.objectContaining({ channel: 'sms', text: 'Kort', html: null, attachments: [] }),
    ]);
  });

  it('holds the booking confirmation with its calendar file', async () => {
    const { clinic, practitioner, type } = await buildBookableClinic(app.db);
    const patient = await buildUser(app.db, { email: 'bekreftelse@example.com' });
    await app.db.query('UPDATE users SET email_verified_at = now() WHERE id = $1', [patient.id]);
    await giveProfile(app.db, 'bekreftelse@example.com');
    const browser = await signInAs(app, patient.id, 'code_email');
    const booked = await browser.post('/api/v1/appointments', {
      practitionerId: practitioner.id,
      appointmentTypeId: type.id,
      start: '2026-12-02T10:00:00+01:00',
    });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    const outbox = createDevOutboxTransport(app.db);
    const worker = createNotificationWorker({
      db: app.db,
      clock: app.clock,
      transports: { email: outbox, sms: outbox },
      publicUrl: 'https://visitt.example.no',
    });
    await worker.runOnce();
    const [mail] = await outboxFor('bekreftelse@example.com');
    expect(mail).toMatchObject({
      channel: 'email',
      subject: `Timen din er bestilt – ${clinic.name}`,
    });
    expect(mail!.html).toContain(`<a href="https://visitt.example.no/timer/${booked.body.id}">`);
    expect(mail!.attachments).toEqual([
      {
        filename: 'visitt-time.ics',
        contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
        content: expect.stringContaining('DTSTART:20261202T090000Z'),
      },
    ]);
  });
});
