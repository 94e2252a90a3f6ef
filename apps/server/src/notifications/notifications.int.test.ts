import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Locale } from '@visitt/contracts';
import {
  buildAppointmentType,
  buildClinic,
  buildMembership,
  buildPractitioner,
  buildUser,
} from '../../test/factories';
import { Browser, giveProfile, startTestApp, type TestApp } from '../../test/harness';
import { signInStaff } from '../auth/testing/staff';
import { startSmsSink, startSmtpSink } from '../../test/sinks';
import { createLinkMobilityTransport } from './link-mobility';
import { createSmtpTransport } from './smtp';
import type { Transports } from './transport';
import { createNotificationWorker, type NotificationWorker } from './worker';

// Monday 30 November 2026, 10:00 in Oslo.
const NOW = '2026-11-30T09:00:00Z';
let app: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let sms: Awaited<ReturnType<typeof startSmsSink>>;
let worker: NotificationWorker;
const failures = new Map<string, number>();

beforeAll(async () => {
  smtp = await startSmtpSink();
  sms = await startSmsSink({ fail: (r) => failures.get(r.destination) ?? null });
  const transports: Transports = {
    email: createSmtpTransport(smtp.url, 'Visitt <no-reply@visitt.test>'),
    sms: createLinkMobilityTransport({
      url: sms.url,
      username: 'visitt',
      password: 'secret',
      platformId: 'COMMON_API',
      platformPartnerId: '1234',
      sender: 'Visitt',
    }),
  };
  app = await startTestApp({ now: NOW, transports: () => transports });
  worker = createNotificationWorker({
    db: app.db,
    clock: app.clock,
    transports,
    publicUrl: 'https://visitt.example.no',
  });
});
beforeEach(async () => {
  app.clock.set(NOW);
  // Each test sees only the messages it plans.
  await app.db.query(
    "UPDATE notifications SET status = 'dropped' WHERE status IN ('planned', 'sending')",
  );
  smtp.messages.length = 0;
  sms.received.length = 0;
  failures.clear();
});
afterAll(async () => {
  await app.close();
  await smtp.close();
  await sms.close();
});

let n = 0;

/** Signs in with the code that arrived at the SMTP sink (these tests send real e-mail). */
async function signIn(browser: Browser, email: string) {
  const count = smtp.messages.length;
  expect((await browser.post('/api/v1/auth/code', { email })).status).toBe(202);
  await expect.poll(() => smtp.messages.length).toBeGreaterThan(count);
  const code = /\b(\d{6})\b/.exec(smtp.messages.at(-1)!.text ?? '')![1];
  expect((await browser.post('/api/v1/auth/code/verify', { email, code })).status).toBe(200);
  await giveProfile(app.db, email);
  smtp.messages.length = 0;
}

/** A clinic with a practitioner (who signs in) and a video type; a patient with e-mail and mobile verified. */
async function setup(
  options: { phone?: boolean; typeModality?: 'video' | 'in_person'; locale?: Locale } = {},
) {
  const clinic = await buildClinic(app.db, { name: `Fjordklinikken ${++n}` });
  const admin = await buildUser(app.db, {
    email: `admin-${n}@example.com`,
    password: 'admin password',
  });
  await buildMembership(app.db, clinic.id, admin.id, ['admin', 'practitioner']);
  const practitioner = await buildPractitioner(app.db, clinic.id, {
    name: 'Dr. Hemmelig Spesialist',
    userId: admin.id,
    hours: [[[1, 2, 3, 4, 5, 6, 7], '00:00', '24:00']],
  });
  await app.db.query('INSERT INTO notification_settings (clinic_id) VALUES ($1)', [clinic.id]);
  const type = await buildAppointmentType(app.db, clinic.id, [practitioner.id], {
    name: 'Samtale om angst',
    modality: options.typeModality ?? 'video',
    cancelDeadline: 0,
  });
  await app.db.query(
    "UPDATE appointment_types SET description = 'For deg med panikkanfall' WHERE id = $1",
    [type.id],
  );
  const email = `varsel-${n}@example.com`;
  const patient = new Browser(app);
  await signIn(patient, email);
  if (options.locale) {
    await app.db.query('UPDATE users SET locale = $1 WHERE email = $2', [options.locale, email]);
  }
  const phone = `+47400${String(10000 + n).padStart(5, '0')}`;
  if (options.phone !== false) {
    expect((await patient.post('/api/v1/me/contact/code', { phone })).status).toBe(202);
    const code = /\b(\d{6})\b/.exec(sms.received.at(-1)!.userData)![1];
    expect((await patient.post('/api/v1/me/contact/verify', { phone, code })).status).toBe(200);
    sms.received.length = 0;
  }
  const staff = new Browser(app);
  await signInStaff(app, staff, { email: admin.email, password: 'admin password' });
  const book = async (start: string) => {
    const booked = await patient.post('/api/v1/appointments', {
      practitionerId: practitioner.id,
      appointmentTypeId: type.id,
      start,
      comment: 'Sensitiv kommentar om helse',
    });
    expect(booked.status).toBe(201);
    return booked.body.id as string;
  };
  return { clinic, practitioner, type, patient, staff, email, phone, book };
}

const rows = async (appointmentId: string) =>
  (
    await app.db.query<{
      kind: string;
      channel: string;
      status: string;
      due_at: Date;
      last_error: string | null;
      attempts: number;
    }>(
      `SELECT kind, channel, status, due_at, last_error, attempts FROM notifications WHERE appointment_id = $1 ORDER BY due_at, kind, channel`,
      [appointmentId],
    )
  ).rows;

describe('planning', () => {
  it('plans, with the booking, a confirmation now by e-mail and reminders 24 h and 1 h before by SMS', async () => {
    const { book } = await setup();
    const id = await book('2026-12-02T10:00:00+01:00');
    expect((await rows(id)).map((r) => [r.kind, r.channel, r.due_at.toISOString()])).toEqual([
      ['confirmation', 'email', '2026-11-30T09:00:00.000Z'],
      ['reminder', 'sms', '2026-12-01T09:00:00.000Z'],
      ['reminder', 'sms', '2026-12-02T08:00:00.000Z'],
    ]);
  });

  it('confirms by SMS when the patient turned e-mail off, and reminds by e-mail without a verified mobile', async () => {
    const emailOff = await setup();
    expect(
      (await emailOff.patient.request('PUT', '/api/v1/me/notifications/email', { enabled: false }))
        .status,
    ).toBe(200);
    const first = await emailOff.book('2026-12-02T10:00:00+01:00');
    expect((await rows(first)).map((r) => [r.kind, r.channel])).toEqual([
      ['confirmation', 'sms'],
      ['reminder', 'sms'],
      ['reminder', 'sms'],
    ]);
    const noPhone = await setup({ phone: false });
    const second = await noPhone.book('2026-12-02T10:00:00+01:00');
    expect((await rows(second)).map((r) => [r.kind, r.channel])).toEqual([
      ['confirmation', 'email'],
      ['reminder', 'email'],
      ['reminder', 'email'],
    ]);
  });

  it('plans no reminder whose moment has passed (booked 30 minutes ahead)', async () => {
    const { book } = await setup();
    const id = await book('2026-11-30T10:30:00+01:00');
    expect((await rows(id)).map((r) => r.kind)).toEqual(['confirmation']);
  });

  it('reminds by e-mail when the clinic turned SMS off, and sends nothing to an unverified number', async () => {
    const noSms = await setup();
    const settings = await noSms.staff.get(
      `/api/v1/admin/clinics/${noSms.clinic.id}/notification-settings`,
    );
    expect(settings.status).toBe(200);
    const changed = await noSms.staff.request(
      'PUT',
      `/api/v1/admin/clinics/${noSms.clinic.id}/notification-settings`,
      {
        ...settings.body,
        video: { ...settings.body.video, sms: false },
      },
    );
    expect(changed.status).toBe(200);
    const id = await noSms.book('2026-12-02T10:00:00+01:00');
    expect((await rows(id)).map((r) => r.channel)).toEqual(['email', 'email', 'email']);

    const unverified = await setup({ phone: false });
    await app.db.query("UPDATE users SET phone = '+4740099999' WHERE email = $1", [
      unverified.email,
    ]); // typed, never verified
    const other = await unverified.book('2026-12-03T10:00:00+01:00');
    expect((await rows(other)).map((r) => r.channel)).toEqual(['email', 'email', 'email']);
  });
});

describe('sending', () => {
  it('sends the confirmation: e-mail in text and HTML with the .ics, or SMS, without health details', async () => {
    const { book, email, clinic } = await setup();
    const id = await book('2026-12-02T10:00:00+01:00');
    expect(await worker.runOnce()).toBe(1);

    expect(smtp.messages).toHaveLength(1);
    const mail = smtp.messages[0]!;
    expect((mail.to as { text: string }).text).toBe(email);
    expect(mail.subject).toBe(`Timen din er bestilt – ${clinic.name}`);
    expect(mail.text).toContain('onsdag 2. desember kl. 10:00');
    expect(mail.text).toContain(`https://visitt.example.no/timer/${id}`);
    expect(mail.text).toContain('Logg inn i Visitt-appen eller Pasientportalen');
    expect(mail.html).toContain('<a href="https://visitt.example.no/timer/');
    expect(mail.text).not.toContain('Sensitiv');
    const ics = mail.attachments.find((a) => a.filename?.endsWith('.ics'));
    expect(ics?.content.toString('utf8')).toContain('DTSTART:20261202T090000Z');
    expect(ics?.content.toString('utf8')).toContain('SEQUENCE:0\r\n');
    expect(sms.received).toHaveLength(0);

    const sent = await app.db.query<{ id: string; status: string; provider_reference: string }>(
      "SELECT id, status, provider_reference FROM notifications WHERE appointment_id = $1 AND kind = 'confirmation'",
      [id],
    );
    expect(sent.rows.every((r) => r.status === 'sent' && r.provider_reference)).toBe(true);
    // The provider got our id as its reference: a resend is recognisably the same message.
    expect(mail.messageId).toBe(`<${sent.rows[0]!.id}@visitt>`);
    expect(await worker.runOnce()).toBe(0);

    const bySms = await setup();
    await bySms.patient.request('PUT', '/api/v1/me/notifications/email', { enabled: false });
    const other = await bySms.book('2026-12-02T10:00:00+01:00');
    expect(await worker.runOnce()).toBe(1);
    expect(sms.received).toHaveLength(1);
    const text = sms.received[0]!;
    expect(text.destination).toBe(bySms.phone);
    expect(text.userData).toBe(
      `Timen din hos ${bySms.clinic.name} ons. 2.12. kl. 10:00 er bestilt. Start videotimen i appen eller portalen: https://visitt.example.no/timer`,
    );
    const row = await app.db.query<{ id: string }>(
      "SELECT id FROM notifications WHERE appointment_id = $1 AND kind = 'confirmation'",
      [other],
    );
    expect(text.refId).toBe(row.rows[0]!.id);
  });

  it('reminds at the time: a video reminder says to sign in to the app or the portal to start', async () => {
    const { book } = await setup();
    await book('2026-12-02T10:00:00+01:00');
    await worker.runOnce();
    sms.received.length = 0;
    app.clock.set('2026-12-01T08:59:59Z');
    expect(await worker.runOnce()).toBe(0);
    app.clock.set('2026-12-01T09:00:00Z');
    expect(await worker.runOnce()).toBe(1);
    expect(sms.received[0]!.userData).toMatch(
      /^Påminnelse: Videotime hos Fjordklinikken \d+ ons\. 2\.12\. kl\. 10:00\. Logg inn i appen eller portalen for å starte: https:\/\/visitt\.example\.no\/timer$/,
    );
  });

  it('does not send a reminder late', async () => {
    const { book } = await setup();
    const id = await book('2026-12-02T10:00:00+01:00');
    await worker.runOnce();
    // The worker was away until after the start.
    app.clock.set('2026-12-02T09:00:01Z');
    await worker.runOnce();
    expect(sms.received).toHaveLength(0); // the confirmation went by e-mail, no reminder
    expect(
      (await rows(id)).filter((r) => r.kind === 'reminder').every((r) => r.status === 'dropped'),
    ).toBe(true);
  });

  it('drops reminders on cancellation and tells the patient instead', async () => {
    const { book, patient } = await setup();
    const id = await book('2026-12-02T10:00:00+01:00');
    await worker.runOnce();
    expect((await patient.post(`/api/v1/appointments/${id}/cancel`)).status).toBe(200);
    const after = await rows(id);
    expect(after.filter((r) => r.kind === 'reminder').map((r) => r.status)).toEqual([
      'dropped',
      'dropped',
    ]);
    expect(
      after.filter((r) => r.kind === 'cancellation').map((r) => [r.channel, r.status]),
    ).toEqual([['email', 'planned']]);
    smtp.messages.length = 0;
    await worker.runOnce();
    expect(smtp.messages[0]!.subject).toMatch(/^Timen din er avbestilt/);
    // Nothing about starting a call that will not happen, in the mail or its calendar file.
    const cancelled = smtp.messages[0]!;
    for (const part of [cancelled.text, ...cancelled.attachments.map((a) => a.content.toString())])
      expect(part).not.toMatch(/appen|portal|\bstart/i);
    app.clock.set('2026-12-01T09:00:00Z');
    await signIn(
      patient,
      (
        await app.db.query<{ email: string }>(
          'SELECT u.email FROM users u JOIN appointments a ON a.patient_id = u.id WHERE a.id = $1',
          [id],
        )
      ).rows[0]!.email,
    );
    expect(await worker.runOnce()).toBe(0);
  });

  it('re-plans reminders when the clinic moves the appointment, and says so', async () => {
    const { book, staff, patient } = await setup();
    const id = await book('2026-12-02T10:00:00+01:00');
    await worker.runOnce();
    sms.received.length = 0;
    const moved = await staff.post(`/api/v1/staff/appointments/${id}/move`, {
      start: '2026-12-03T14:00:00+01:00',
    });
    expect(moved.status).toBe(200);
    expect(moved.body.start).toBe('2026-12-03T14:00:00+01:00');
    const after = await rows(id);
    expect(
      after.filter((r) => r.status === 'planned').map((r) => [r.kind, r.due_at.toISOString()]),
    ).toEqual([
      ['moved', '2026-11-30T09:00:00.000Z'],
      ['reminder', '2026-12-02T13:00:00.000Z'],
      ['reminder', '2026-12-03T12:00:00.000Z'],
    ]);
    smtp.messages.length = 0;
    await worker.runOnce();
    expect(smtp.messages[0]!.text).toContain('er flyttet til torsdag 3. desember kl. 14:00');
    // A higher SEQUENCE than the confirmation's (0), so the patient's calendar takes the new time.
    const movedIcs = smtp.messages[0]!.attachments.find((a) => a.filename?.endsWith('.ics'));
    expect(movedIcs?.content.toString('utf8')).toContain('DTSTART:20261203T130000Z');
    expect(movedIcs?.content.toString('utf8')).toContain('SEQUENCE:1\r\n');
    const download = await patient.get(`/api/v1/appointments/${id}/calendar.ics`);
    expect(download.body).toContain('SEQUENCE:1\r\n');
    // The old reminder's time comes and goes without a message.
    app.clock.set('2026-12-01T09:00:00Z');
    expect(await worker.runOnce()).toBe(0);
    const audit = await app.db.query(
      "SELECT 1 FROM audit_log WHERE action = 'appointment.move' AND entity_id = $1",
      [id],
    );
    expect(audit.rowCount).toBe(1);
  });

  it('retries transient provider errors with backoff, and records permanent ones', async () => {
    const { book, phone } = await setup();
    const id = await book('2026-12-02T10:00:00+01:00');
    await worker.runOnce(); // the confirmation, by e-mail
    failures.set(phone, 503);
    app.clock.set('2026-12-01T09:00:00Z');
    await worker.runOnce();
    const first = (r: { kind: string; channel: string; attempts: number }) =>
      r.kind === 'reminder' && r.channel === 'sms' && r.attempts > 0;
    const retried = (await rows(id)).find(first)!;
    expect(retried).toMatchObject({ status: 'planned', attempts: 1 });
    expect(retried.due_at.toISOString()).toBe('2026-12-01T09:00:30.000Z');
    expect(retried.last_error).toMatch(/503/);
    failures.set(phone, 400);
    app.clock.set('2026-12-01T09:00:30Z');
    await worker.runOnce();
    const failed = (await rows(id)).find(first)!;
    expect(failed).toMatchObject({ status: 'failed', attempts: 2 });
  });
});

describe('what messages say', () => {
  it.each(['nb', 'nn', 'en'] as const)(
    '%s: no message of any kind or channel names the type, its description or the comment',
    async (locale) => {
      const secrets = ['Samtale om angst', 'angst', 'panikkanfall', 'Sensitiv'];
      const seen: string[] = [];
      const collect = () => {
        for (const mail of smtp.messages)
          seen.push(
            [
              mail.subject,
              mail.text,
              mail.html,
              ...mail.attachments.map((a) => a.content.toString('utf8')),
            ].join('\n'),
          );
        for (const text of sms.received) seen.push(text.userData);
        smtp.messages.length = 0;
        sms.received.length = 0;
      };
      // Three patients: e-mail and SMS; e-mail turned off (all by SMS); no mobile (all by e-mail).
      for (const variant of ['both', 'emailOff', 'noPhone'] as const) {
        app.clock.set(NOW);
        const s = await setup({ locale, phone: variant !== 'noPhone' });
        if (variant === 'emailOff')
          await s.patient.request('PUT', '/api/v1/me/notifications/email', { enabled: false });
        const id = await s.book('2026-12-02T10:00:00+01:00');
        await worker.runOnce(); // confirmation
        expect(
          (
            await s.staff.post(`/api/v1/staff/appointments/${id}/move`, {
              start: '2026-12-03T14:00:00+01:00',
            })
          ).status,
        ).toBe(200);
        await worker.runOnce(); // moved
        app.clock.set('2026-12-02T13:00:00Z');
        await worker.runOnce(); // the 24-hour reminder
        collect();
        await signIn(s.patient, s.email); // a day later: a fresh sign-in to cancel
        expect((await s.patient.post(`/api/v1/appointments/${id}/cancel`)).status).toBe(200);
        await worker.runOnce(); // cancellation
        const sent = await app.db.query<{ kind: string; channel: string }>(
          "SELECT kind, channel FROM notifications WHERE appointment_id = $1 AND status = 'sent' ORDER BY kind",
          [id],
        );
        const channel = variant === 'both' ? null : variant === 'emailOff' ? 'sms' : 'email';
        expect(sent.rows.map((r) => [r.kind, r.channel])).toEqual([
          ['cancellation', channel ?? 'email'],
          ['confirmation', channel ?? 'email'],
          ['moved', channel ?? 'email'],
          ['reminder', channel ?? 'sms'],
        ]);
        collect();
      }
      expect(seen).toHaveLength(12);
      // In the patient's own language: the seven e-mails (three, none, four) are signed in it.
      const signature: Record<Locale, string> = {
        nb: 'Hilsen Visitt på vegne av',
        nn: 'Helsing Visitt på vegner av',
        en: 'Regards, Visitt on behalf of',
      };
      expect(seen.filter((message) => message.includes(signature[locale]))).toHaveLength(7);
      for (const message of seen)
        for (const secret of secrets)
          expect(message.toLowerCase()).not.toContain(secret.toLowerCase());
    },
  );
});

describe('settings and contact details', () => {
  it('lets only the clinic’s administrators read and change its settings', async () => {
    const { clinic, staff } = await setup();
    const other = await setup();
    expect(
      (await other.staff.get(`/api/v1/admin/clinics/${clinic.id}/notification-settings`)).status,
    ).toBe(404);
    const practitionerOnly = await buildUser(app.db, {
      email: `only-${++n}@example.com`,
      password: 'practitioner password',
    });
    await buildMembership(app.db, clinic.id, practitionerOnly.id, ['practitioner']);
    const browser = new Browser(app);
    await signInStaff(app, browser, {
      email: practitionerOnly.email,
      password: 'practitioner password',
    });
    expect(
      (await browser.get(`/api/v1/admin/clinics/${clinic.id}/notification-settings`)).status,
    ).toBe(403);
    const bad = await staff.request(
      'PUT',
      `/api/v1/admin/clinics/${clinic.id}/notification-settings`,
      {
        video: { sms: true, email: true, remindersMinutesBefore: [60, 60] },
        inPerson: { sms: true, email: true, remindersMinutesBefore: [0] },
        confirmations: true,
      },
    );
    expect(bad.status).toBe(400);
    const good = await staff.request(
      'PUT',
      `/api/v1/admin/clinics/${clinic.id}/notification-settings`,
      {
        video: { sms: true, email: false, remindersMinutesBefore: [2880, 120] },
        inPerson: { sms: false, email: true, remindersMinutesBefore: [] },
        confirmations: false,
      },
    );
    expect(good.status).toBe(200);
    expect(
      (await staff.get(`/api/v1/admin/clinics/${clinic.id}/notification-settings`)).body,
    ).toEqual(good.body);
  });

  it('verifies a new number with a code, needs a fresh sign-in, and keeps channel choices with their times', async () => {
    const { patient, email } = await setup({ phone: false });
    const before = await patient.get('/api/v1/me/notifications');
    expect(before.body).toMatchObject({
      email: { address: email, verified: true, enabled: true },
      sms: { address: null, verified: false },
    });
    expect(
      (await patient.request('PUT', '/api/v1/me/notifications/sms', { enabled: true })).body.error,
    ).toBe('contact_not_verified');
    const off = await patient.request('PUT', '/api/v1/me/notifications/email', { enabled: false });
    expect(off.body.email).toMatchObject({ enabled: false, changedAt: '2026-11-30T09:00:00.000Z' });

    app.clock.advance(16 * 60_000);
    await patient.get('/api/v1/me'); // keeps the session alive, but the sign-in is now 16 minutes old
    const stale = await patient.post('/api/v1/me/contact/code', { phone: '+4740012345' });
    expect(stale.status).toBe(401);
    expect(stale.body.error).toBe('reauth_required');
    await signIn(patient, email);
    expect((await patient.post('/api/v1/me/contact/code', { phone: '400 12 345' })).status).toBe(
      202,
    );
    const code = /\b(\d{6})\b/.exec(sms.received.at(-1)!.userData)![1]!;
    const wrong = code === '000000' ? '111111' : '000000';
    expect(
      (await patient.post('/api/v1/me/contact/verify', { phone: '+4740012345', code: wrong }))
        .status,
    ).toBe(401);
    const verified = await patient.post('/api/v1/me/contact/verify', {
      phone: '+4740012345',
      code,
    });
    expect(verified.status).toBe(200);
    expect(verified.body.sms).toMatchObject({
      address: '+4740012345',
      verified: true,
      enabled: true,
    });

    // Another account cannot take the same number.
    const second = await setup({ phone: false });
    await second.patient.post('/api/v1/me/contact/code', { phone: '+4740012345' });
    const secondCode = /\b(\d{6})\b/.exec(sms.received.at(-1)!.userData)![1]!;
    const taken = await second.patient.post('/api/v1/me/contact/verify', {
      phone: '+4740012345',
      code: secondCode,
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toBe('address_in_use');
  });
});
