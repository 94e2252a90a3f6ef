import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  buildAppointment,
  buildAppointmentType,
  buildClinic,
  buildPractitioner,
  buildStaff,
  buildUser,
  signInAs,
} from '../../../test/factories';
import { giveProfile, startTestApp, type TestApp } from '../../../test/harness';

let app: TestApp;
// Monday 30 November 2026, 10:00 in Oslo.
const NOW = '2026-11-30T09:00:00Z';
beforeAll(async () => {
  app = await startTestApp({ now: NOW });
});
beforeEach(() => app.clock.set(NOW));
afterAll(() => app.close());

let n = 0;

/** A practitioner at an Oslo clinic, a patient, and a way to put appointments in the calendar. */
async function practice() {
  const clinic = await buildClinic(app.db, { name: `Sentrum legekontor ${++n}` });
  const doctor = await buildStaff(app.db, clinic.id, {
    name: 'Dr. Kalender',
    hours: [[[1, 2, 3, 4, 5, 6, 7], '00:00', '24:00']],
  });
  const admin = await buildStaff(app.db, clinic.id, { roles: ['admin'] });
  const video = await buildAppointmentType(app.db, clinic.id, [doctor.practitionerId!], {
    name: 'Video',
  });
  const office = await buildAppointmentType(app.db, clinic.id, [doctor.practitionerId!], {
    name: 'Oppmøte',
    modality: 'in_person',
  });
  const patient = await buildUser(app.db, {
    name: 'Kari Pasient',
    email: `kari-${++n}@example.com`,
    phone: `+4799${String(100000 + n).padStart(6, '0')}`,
  });
  const appointment = (
    start: string,
    options: {
      modality?: 'video' | 'in_person';
      status?: 'booked' | 'cancelled';
      practitionerId?: string;
    } = {},
  ) =>
    buildAppointment(app.db, {
      clinicId: clinic.id,
      practitionerId: options.practitionerId ?? doctor.practitionerId!,
      patientId: patient.id,
      typeId: options.modality === 'in_person' ? office.id : video.id,
      start,
      modality: options.modality ?? 'video',
      comment: 'Vondt i halsen',
      ...(options.status ? { status: options.status } : {}),
    });
  return {
    clinic,
    doctor,
    admin,
    patient,
    appointment,
    browser: await signInAs(app, doctor.userId),
    adminBrowser: await signInAs(app, admin.userId),
  };
}

describe('the calendar', () => {
  it('shows a week or a day of the practitioner’s own appointments, on each clinic’s calendar', async () => {
    const { clinic, doctor, browser, appointment } = await practice();
    const monday = await appointment('2026-11-30T09:15:00Z');
    // 23:30 on Monday in Oslo is Tuesday in UTC: it belongs to Monday.
    const lateMonday = await appointment('2026-11-30T22:30:00Z', { modality: 'in_person' });
    const cancelled = await appointment('2026-12-02T10:00:00Z', { status: 'cancelled' });
    const sunday = await appointment('2026-12-06T12:00:00Z');
    await appointment('2026-12-07T08:00:00Z');
    const colleague = await buildPractitioner(app.db, clinic.id);
    await appointment('2026-12-01T08:00:00Z', { practitionerId: colleague.id });
    // The same person practises at a clinic in New York too.
    const abroad = await buildClinic(app.db, { timeZone: 'America/New_York' });
    const there = await buildPractitioner(app.db, abroad.id, { userId: doctor.userId });
    await app.db.query(
      "INSERT INTO clinic_memberships (clinic_id, user_id, roles) VALUES ($1, $2, '{practitioner}')",
      [abroad.id, doctor.userId],
    );
    const abroadType = await buildAppointmentType(app.db, abroad.id, [there.id]);
    // 20:00 on Sunday 6 December in New York is Monday 7 December in UTC.
    const newYork = await buildAppointment(app.db, {
      clinicId: abroad.id,
      practitionerId: there.id,
      patientId: (await buildUser(app.db)).id,
      typeId: abroadType.id,
      start: '2026-12-07T01:00:00Z',
    });

    const week = await browser.get('/api/v1/staff/calendar?from=2026-11-30&to=2026-12-06');
    expect(week.status, JSON.stringify(week.body)).toBe(200);
    expect(week.body.map((a: any) => a.id)).toEqual([
      monday.id,
      lateMonday.id,
      cancelled.id,
      sunday.id,
      newYork.id,
    ]);
    expect(week.body[0]).toMatchObject({
      start: '2026-11-30T10:15:00+01:00',
      status: 'booked',
      modality: 'video',
      patient: { name: 'Kari Pasient' },
      video: {
        opensAt: '2026-11-30T10:00:00+01:00',
        room: { patient: 'absent', practitioner: 'absent' },
      },
    });
    expect(week.body[1].video).toBeNull();
    expect(week.body[4].start).toBe('2026-12-06T20:00:00-05:00');

    const day = await browser.get('/api/v1/staff/calendar?from=2026-11-30&to=2026-11-30');
    expect(day.body.map((a: any) => a.id)).toEqual([monday.id, lateMonday.id]);
    const reads = await app.db.query(
      `SELECT count(*)::int AS n FROM audit_log
        WHERE action = 'appointment.read' AND details->>'via' = 'calendar'
          AND entity_ids @> ARRAY[$1::uuid]`,
      [monday.id],
    );
    expect(reads.rows[0].n).toBe(2);
  });

  it('takes at most 31 days, in order, and only for practitioners', async () => {
    const { browser, adminBrowser } = await practice();
    expect((await browser.get('/api/v1/staff/calendar?from=2026-12-01&to=2026-12-31')).status).toBe(
      200,
    );
    for (const query of [
      'from=2026-12-01&to=2027-01-01',
      'from=2026-12-02&to=2026-12-01',
      'from=2026-12-01',
      'from=2026-12-01&to=2026-12-32',
    ]) {
      expect((await browser.get(`/api/v1/staff/calendar?${query}`)).status, query).toBe(400);
    }
    const adminOnly = await adminBrowser.get(
      '/api/v1/staff/calendar?from=2026-12-01&to=2026-12-01',
    );
    expect(adminOnly.status).toBe(403);
  });
});

describe("an appointment's details", () => {
  it("show the patient's name, contact and comment, and every view is audited", async () => {
    const { clinic, doctor, admin, patient, browser, adminBrowser, appointment } = await practice();
    const { id } = await appointment('2026-12-01T09:00:00Z');
    const detail = await browser.get(`/api/v1/staff/appointments/${id}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      id,
      comment: 'Vondt i halsen',
      patient: {
        name: 'Kari Pasient',
        email: patient.email,
        phone: expect.stringMatching(/^\+47/),
      },
      clinic: { id: clinic.id },
      cancelledAt: null,
      cancelledBy: null,
      cancellationMessage: null,
      statusChangedAt: null,
      statusChangedBy: null,
    });
    expect((await adminBrowser.get(`/api/v1/staff/appointments/${id}`)).status).toBe(200);
    const audit = await app.db.query(
      `SELECT actor_user_id, actor_role, clinic_id, host(ip) AS ip, details FROM audit_log
        WHERE action = 'appointment.read' AND entity_id = $1 ORDER BY id`,
      [id],
    );
    expect(audit.rows).toEqual([
      {
        actor_user_id: doctor.userId,
        actor_role: 'practitioner',
        clinic_id: clinic.id,
        ip: '127.0.0.1',
        details: { via: 'detail' },
      },
      {
        actor_user_id: admin.userId,
        actor_role: 'admin',
        clinic_id: clinic.id,
        ip: '127.0.0.1',
        details: { via: 'detail' },
      },
    ]);

    // Another clinic's staff see nothing: 404 as for no appointment at all. The patient's own
    // session is no staff session and is turned away before any appointment is looked up.
    const stranger = await practice();
    for (const who of [stranger.browser, stranger.adminBrowser]) {
      const answer = await who.get(`/api/v1/staff/appointments/${id}`);
      expect(answer.body).toEqual({ error: 'not_found', message: 'Not found.' });
    }
    const patientBrowser = await signInAs(app, patient.id, 'code_email');
    const asPatient = await patientBrowser.get(`/api/v1/staff/appointments/${id}`);
    expect(asPatient.status).toBe(403);
    expect(asPatient.body.error).toBe('staff_sign_in_required');
  });
});

describe('marking completed or no-show', () => {
  it('is possible once the appointment has begun, and can be corrected', async () => {
    const { doctor, browser, appointment } = await practice();
    const mark = (id: string, status: string) =>
      browser.post(`/api/v1/staff/appointments/${id}/status`, { status });

    const tomorrow = await appointment('2026-12-01T09:00:00Z');
    const early = await mark(tomorrow.id, 'completed');
    expect(early.status).toBe(422);
    expect(early.body.error).toBe('status_too_early');

    // A video appointment begins when its window opens (15 minutes before); in person, at the start.
    const soonVideo = await appointment('2026-11-30T09:10:00Z');
    expect((await mark(soonVideo.id, 'no_show')).status).toBe(200);
    const soonOffice = await appointment('2026-11-30T09:30:00Z', { modality: 'in_person' });
    expect((await mark(soonOffice.id, 'completed')).body.error).toBe('status_too_early');

    const earlier = await appointment('2026-11-30T08:00:00Z', { modality: 'in_person' });
    const done = await mark(earlier.id, 'completed');
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      status: 'completed',
      statusChangedAt: '2026-11-30T10:00:00+01:00',
      statusChangedBy: { userId: doctor.userId, name: 'Dr. Kalender' },
    });
    const corrected = await mark(earlier.id, 'no_show');
    expect(corrected.body.status).toBe('no_show');
    const audit = await app.db.query(
      `SELECT details FROM audit_log WHERE action = 'appointment.status' AND entity_id = $1 ORDER BY id`,
      [earlier.id],
    );
    expect(audit.rows.map((r) => r.details)).toEqual([
      { from: 'booked', to: 'completed' },
      { from: 'completed', to: 'no_show' },
    ]);

    const cancelled = await appointment('2026-11-30T07:00:00Z', { status: 'cancelled' });
    const refused = await mark(cancelled.id, 'completed');
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe('already_cancelled');
    expect((await mark(earlier.id, 'booked')).status).toBe(400);
    expect((await mark(earlier.id, 'cancelled')).status).toBe(400);
  });
});

describe('the clinic cancels', () => {
  it('with a message to the patient: reminders are dropped and a cancellation is planned', async () => {
    const { clinic, doctor, browser } = await practice();
    const type = await buildAppointmentType(app.db, clinic.id, [doctor.practitionerId!]);
    const patientUser = await buildUser(app.db, { email: `avlyst-${++n}@example.com` });
    await giveProfile(app.db, patientUser.email);
    const patient = await signInAs(app, patientUser.id, 'code_email');
    const booked = await patient.post('/api/v1/appointments', {
      practitionerId: doctor.practitionerId,
      appointmentTypeId: type.id,
      start: '2026-12-02T10:00:00+01:00',
    });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    const id = booked.body.id as string;

    const message = 'Legen er syk i dag.\nRing oss for ny time.';
    const cancelled = await browser.post(`/api/v1/staff/appointments/${id}/cancel`, {
      message: `  ${message}  `,
    });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      cancelledAt: '2026-11-30T10:00:00+01:00',
      cancelledBy: 'clinic',
      cancellationMessage: message,
    });
    const planned = await app.db.query(
      `SELECT kind, channel, status FROM notifications WHERE appointment_id = $1 ORDER BY kind, due_at`,
      [id],
    );
    expect(planned.rows).toEqual([
      { kind: 'cancellation', channel: 'email', status: 'planned' },
      { kind: 'confirmation', channel: 'email', status: 'dropped' },
      { kind: 'reminder', channel: 'email', status: 'dropped' },
      { kind: 'reminder', channel: 'email', status: 'dropped' },
    ]);
    const audit = await app.db.query(
      `SELECT actor_user_id, actor_role, details FROM audit_log WHERE action = 'appointment.cancel' AND entity_id = $1`,
      [id],
    );
    expect(audit.rows).toEqual([
      {
        actor_user_id: doctor.userId,
        actor_role: 'practitioner',
        details: { by: 'clinic', messageLength: message.length },
      },
    ]);
    // The patient sees it cancelled.
    expect((await patient.get(`/api/v1/appointments/${id}`)).body.status).toBe('cancelled');
    const again = await browser.post(`/api/v1/staff/appointments/${id}/cancel`, { message: 'x' });
    expect(again.status).toBe(409);
    expect(again.body.error).toBe('already_cancelled');
  });

  it('refuses bad messages and appointments that are over', async () => {
    const { browser, appointment } = await practice();
    const { id } = await appointment('2026-12-01T09:00:00Z');
    for (const body of [
      { message: '' },
      { message: '   ' },
      { message: 'x'.repeat(501) },
      { message: 'nul\u0000' },
      {},
      { message: 'ok', notify: false },
    ]) {
      const answer = await browser.post(`/api/v1/staff/appointments/${id}/cancel`, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
    }
    expect(
      (await browser.post(`/api/v1/staff/appointments/${id}/cancel`, { message: 'x'.repeat(500) }))
        .status,
    ).toBe(200);
    const over = await appointment('2026-11-30T08:00:00Z');
    const refused = await browser.post(`/api/v1/staff/appointments/${over.id}/cancel`, {
      message: 'For sent',
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toBe('not_cancellable');
    // Under way (started 10 minutes ago, not over): the clinic may still cancel.
    const underWay = await appointment('2026-11-30T08:50:00Z');
    expect(
      (
        await browser.post(`/api/v1/staff/appointments/${underWay.id}/cancel`, {
          message: 'Beklager',
        })
      ).status,
    ).toBe(200);
  });
});
