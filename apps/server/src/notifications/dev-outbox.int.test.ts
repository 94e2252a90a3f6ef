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

  it('serves the HTML part as its own document, styled inline and sandboxed, for the inbox frame', async () => {
    const outbox = createDevOutboxTransport(app.db);
    const html = '<p style="color:#1b2430">Stilet <b>del</b></p>';
    await outbox.send({
      channel: 'email',
      to: 'stil@example.com',
      subject: 'Stil',
      text: 'Tekst',
      html,
      reference: 'r-3',
    });
    await outbox.send({ channel: 'sms', to: '+4791234500', text: 'Kort', reference: 'r-4' });
    const [mail] = await outboxFor('stil@example.com');
    const browser = new Browser(app);
    const page = await browser.get<string>(`/api/v1/dev/outbox/${mail!.id}/html`);
    expect(page.status).toBe(200);
    expect(page.body).toBe(html);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const policy = page.headers.get('content-security-policy')!;
    // Its inline styles work; scripts, requests and forms do not; only this site may frame it.
    expect(policy).toContain("style-src 'unsafe-inline'");
    expect(policy).toContain("default-src 'none'");
    expect(policy).toMatch(/(^|; )sandbox($|;)/);
    expect(policy).toContain("frame-ancestors 'self'");
    expect(policy).not.toContain('script-src');
    expect(page.headers.get('cache-control')).toContain('no-store');

    const [sms] = await outboxFor('+4791234500');
    expect((await browser.get(`/api/v1/dev/outbox/${sms!.id}/html`)).status).toBe(404);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await browser.get(`/api/v1/dev/outbox/${unknown}/html`)).status).toBe(404);
    expect((await browser.get('/api/v1/dev/outbox/nope/html')).status).toBe(400);
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
