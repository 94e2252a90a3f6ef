import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAppointment,
  buildAppointmentType,
  buildClinic,
  buildStaff,
  buildUser,
  signInAs,
} from '../../../test/factories';
import { startTestApp, type TestApp } from '../../../test/harness';
import { startSmtpSink } from '../../../test/sinks';
import { createSmtpTransport } from '../../notifications/smtp';
import type { Transports } from '../../notifications/transport';
import { createNotificationWorker, type NotificationWorker } from '../../notifications/worker';

// Monday 30 November 2026, 10:00 in Oslo.
const NOW = '2026-11-30T09:00:00Z';
let app: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let worker: NotificationWorker;

beforeAll(async () => {
  smtp = await startSmtpSink();
  const transports: Transports = {
    email: createSmtpTransport(smtp.url, 'Visitt <no-reply@visitt.test>'),
  };
  app = await startTestApp({ now: NOW, transports: () => transports });
  worker = createNotificationWorker({
    db: app.db,
    clock: app.clock,
    transports,
    publicUrl: 'https://visitt.example.no',
  });
});
afterAll(async () => {
  await app.close();
  await smtp.close();
});

/** A clinic with its practitioner and administrator, and a patient with an appointment. */
async function scenario(
  options: { modality?: 'video' | 'in_person'; start?: string; status?: 'cancelled' } = {},
) {
  const clinic = await buildClinic(app.db);
  const doctor = await buildStaff(app.db, clinic.id, {
    hours: [[[1, 2, 3, 4, 5, 6, 7], '00:00', '24:00']],
  });
  const admin = await buildStaff(app.db, clinic.id, { roles: ['admin'] });
  const colleague = await buildStaff(app.db, clinic.id);
  const type = await buildAppointmentType(app.db, clinic.id, [doctor.practitionerId!]);
  const patient = await buildUser(app.db);
  const { id } = await buildAppointment(app.db, {
    clinicId: clinic.id,
    practitionerId: doctor.practitionerId!,
    patientId: patient.id,
    typeId: type.id,
    start: options.start ?? '2026-11-30T09:30:00Z',
    modality: options.modality ?? 'video',
    ...(options.status ? { status: options.status } : {}),
  });
  return {
    clinic,
    id,
    patientEmail: patient.email,
    patient: await signInAs(app, patient.id, 'code_email'),
    doctor: await signInAs(app, doctor.userId),
    admin: await signInAs(app, admin.userId),
    colleague: await signInAs(app, colleague.userId),
    stranger: await signInAs(app, (await buildUser(app.db)).id, 'code_email'),
  };
}

describe('the information step before the waiting room', () => {
  it("gives the patient the clinic's text, or null for the standard one, and only to them", async () => {
    const { clinic, id, patient, stranger, doctor } = await scenario();
    expect((await patient.get(`/api/v1/appointments/${id}/video/info`)).body).toEqual({
      clinicText: null,
      inPersonRequest: null,
    });
    await app.db.query('UPDATE clinics SET video_info = $2 WHERE id = $1', [
      clinic.id,
      'Vi tar ikke opp noe.\nRing 22 00 00 00 om noe er galt.',
    ]);
    expect((await patient.get(`/api/v1/appointments/${id}/video/info`)).body).toMatchObject({
      clinicText: 'Vi tar ikke opp noe.\nRing 22 00 00 00 om noe er galt.',
    });
    for (const other of [stranger, doctor])
      expect((await other.get(`/api/v1/appointments/${id}/video/info`)).status).toBe(404);
    const inPerson = await scenario({ modality: 'in_person' });
    const refused = await inPerson.patient.get(`/api/v1/appointments/${inPerson.id}/video/info`);
    expect(refused.body.error).toBe('not_video');
  });
});

describe('Be om oppmøte i stedet', () => {
  it('reaches the clinic, audited, and the answer reaches the patient by e-mail', async () => {
    const { id, patient, doctor, patientEmail } = await scenario();
    const asked = await patient.post(`/api/v1/appointments/${id}/in-person-request`, {
      reason: 'Jeg har ikke kamera hjemme.',
    });
    expect(asked.status).toBe(201);
    expect(asked.body).toEqual({
      requestedAt: '2026-11-30T10:00:00+01:00',
      reason: 'Jeg har ikke kamera hjemme.',
      answeredAt: null,
      answer: null,
    });
    const audited = await app.db.query(
      "SELECT actor_role FROM audit_log WHERE action = 'appointment.in_person_request' AND entity_id = $1",
      [id],
    );
    expect(audited.rows).toEqual([{ actor_role: 'patient' }]);

    // The workspace and the calendar show it with the appointment.
    const today = (await doctor.get('/api/v1/staff/appointments')).body as {
      id: string;
      inPersonRequest: unknown;
    }[];
    expect(today.find((a) => a.id === id)?.inPersonRequest).toMatchObject({
      reason: 'Jeg har ikke kamera hjemme.',
      answer: null,
    });

    app.clock.set('2026-11-30T09:05:00Z');
    const answered = await doctor.post(
      `/api/v1/staff/appointments/${id}/in-person-request/answer`,
      {
        text: 'Kom til klinikken kl. 10.30, vi har satt av tid.',
      },
    );
    expect(answered.status).toBe(200);
    expect(answered.body.inPersonRequest).toMatchObject({
      answeredAt: '2026-11-30T10:05:00+01:00',
      answer: 'Kom til klinikken kl. 10.30, vi har satt av tid.',
    });
    expect(
      (await patient.get(`/api/v1/appointments/${id}/video/info`)).body.inPersonRequest,
    ).toMatchObject({ answer: 'Kom til klinikken kl. 10.30, vi har satt av tid.' });

    // The patient has only a verified e-mail address: the answer goes there.
    const planned = await app.db.query(
      "SELECT channel FROM notifications WHERE appointment_id = $1 AND kind = 'in_person_answer'",
      [id],
    );
    expect(planned.rows).toEqual([{ channel: 'email' }]);
    const before = smtp.messages.length;
    while ((await worker.runOnce()) > 0);
    const mail = smtp.messages.slice(before).find((m) => m.text?.includes('oppmøte'));
    expect(mail?.subject).toContain('Svar om oppmøte i stedet for video');
    expect(mail?.text).toContain('Kom til klinikken kl. 10.30, vi har satt av tid.');
    expect(JSON.stringify(mail?.to)).toContain(patientEmail);

    // Once per request: again only after the patient asks again.
    const twice = await doctor.post(`/api/v1/staff/appointments/${id}/in-person-request/answer`, {
      text: 'Igjen.',
    });
    expect(twice.status).toBe(409);
    expect(twice.body.error).toBe('already_answered');
    expect((await patient.post(`/api/v1/appointments/${id}/in-person-request`, {})).status).toBe(
      201,
    );
    expect(
      (await patient.get(`/api/v1/appointments/${id}/video/info`)).body.inPersonRequest,
    ).toMatchObject({ reason: null, answer: null });
    app.clock.set(NOW);
  });

  it('is refused where it makes no sense, and to anyone but the patient and the clinic', async () => {
    const { id, patient, stranger, admin, colleague, doctor } = await scenario();
    // Nobody asked yet.
    const early = await admin.post(`/api/v1/staff/appointments/${id}/in-person-request/answer`, {
      text: 'Svar',
    });
    expect(early.body.error).toBe('no_in_person_request');
    expect((await stranger.post(`/api/v1/appointments/${id}/in-person-request`, {})).status).toBe(
      404,
    );
    await patient.post(`/api/v1/appointments/${id}/in-person-request`, {});
    // A colleague of the clinic who is not its practitioner sees nothing of it.
    const answerAs = (browser: typeof doctor) =>
      browser.post(`/api/v1/staff/appointments/${id}/in-person-request/answer`, { text: 'Ja.' });
    expect((await answerAs(colleague)).status).toBe(404);
    expect((await answerAs(patient)).body.error).toBe('staff_sign_in_required');
    // An administrator may answer.
    expect((await answerAs(admin)).status).toBe(200);

    // Bad input: too long, control characters, unknown fields, an empty answer.
    const ask = (body: unknown) =>
      patient.post(`/api/v1/appointments/${id}/in-person-request`, body);
    expect((await ask({ reason: 'x'.repeat(501) })).status).toBe(400);
    expect((await ask({ reason: 'a\u0000b' })).status).toBe(400);
    expect((await ask({ why: 'no' })).status).toBe(400);
    expect((await ask({ reason: 'x'.repeat(500) })).status).toBe(201);
    expect(
      (
        await doctor.post(`/api/v1/staff/appointments/${id}/in-person-request/answer`, {
          text: ' ',
        })
      ).status,
    ).toBe(400);

    // In person already, cancelled, or after the window closed.
    const inPerson = await scenario({ modality: 'in_person' });
    const notVideo = await inPerson.patient.post(
      `/api/v1/appointments/${inPerson.id}/in-person-request`,
      {},
    );
    expect(notVideo.body.error).toBe('not_video');
    const past = await scenario({ start: '2026-11-30T06:00:00Z' });
    const late = await past.patient.post(`/api/v1/appointments/${past.id}/in-person-request`, {});
    expect(late.body.error).toBe('too_late');
    const cancelled = await scenario({ start: '2026-12-01T09:00:00Z', status: 'cancelled' });
    const refused = await cancelled.patient.post(
      `/api/v1/appointments/${cancelled.id}/in-person-request`,
      {},
    );
    expect(refused.body.error).toBe('not_allowed');
  });
});
