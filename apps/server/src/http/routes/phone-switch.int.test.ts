import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  buildAppointment,
  buildAppointmentType,
  buildClinic,
  buildStaff,
  buildUser,
  signInAs,
} from '../../../test/factories';
import { Browser, signInWithCode, startTestApp, type TestApp } from '../../../test/harness';
import { Socket } from '../../../test/signaling-socket';
import { signInStaff } from '../../auth/testing/staff';

// The phone when video fails (decision 0035): the numbers a call page gets, and the switch the
// practitioner's **Ring pasienten** notes on the consultation.

let app: TestApp;
// Monday 30 November 2026, 10:00 in Oslo; the appointments start at 10:05.
const NOW = '2026-11-30T09:00:00Z';
const START = '2026-11-30T09:05:00Z';
beforeAll(async () => {
  // Sessions outlive the jump of the clock past the window.
  app = await startTestApp({ now: NOW, env: { SESSION_IDLE_MINUTES: '1440' } });
});
beforeEach(() => app.clock.set(NOW));
afterAll(() => app.close());

let n = 0;

/**
 * A video appointment at START: its patient signed in by code (with the mobile number given,
 * verified or not), its practitioner, an administrator and a colleague of the clinic (whose phone
 * number is given), and a practitioner of another clinic.
 */
async function scenario(
  options: { clinicPhone?: string; patientPhone?: { verified: boolean } } = {},
) {
  const clinic = await buildClinic(app.db);
  if (options.clinicPhone)
    await app.db.query('UPDATE clinics SET phone = $2 WHERE id = $1', [
      clinic.id,
      options.clinicPhone,
    ]);
  const doctor = await buildStaff(app.db, clinic.id, {
    password: 'doctor password',
    hours: [[[1, 2, 3, 4, 5, 6, 7], '00:00', '24:00']],
  });
  const admin = await buildStaff(app.db, clinic.id, { roles: ['admin'] });
  const colleague = await buildStaff(app.db, clinic.id);
  const type = await buildAppointmentType(app.db, clinic.id, [doctor.practitionerId!]);
  const patientPhone = `+4791${String(++n).padStart(6, '0')}`;
  const patientUser = await buildUser(app.db, {
    ...(options.patientPhone ? { phone: patientPhone } : {}),
  });
  if (options.patientPhone?.verified)
    await app.db.query('UPDATE users SET phone_verified_at = now() WHERE id = $1', [
      patientUser.id,
    ]);
  const { id } = await buildAppointment(app.db, {
    clinicId: clinic.id,
    practitionerId: doctor.practitionerId!,
    patientId: patientUser.id,
    typeId: type.id,
    start: START,
  });
  const otherClinic = await buildClinic(app.db);
  const stranger = await buildStaff(app.db, otherClinic.id, { roles: ['admin', 'practitioner'] });
  // Signed in through the real flows: their sockets go with the cookies they were given.
  const patient = new Browser(app);
  await signInWithCode(patient, app.db, patientUser.email, { profile: false });
  const doctorBrowser = new Browser(app);
  await signInStaff(app, doctorBrowser, { email: doctor.email, password: 'doctor password' });
  return {
    id,
    patientPhone,
    patient,
    doctor: doctorBrowser,
    admin: await signInAs(app, admin.userId),
    colleague: await signInAs(app, colleague.userId),
    stranger: await signInAs(app, stranger.userId),
  };
}
type Scenario = Awaited<ReturnType<typeof scenario>>;

const start = (s: Scenario) => s.patient.post(`/api/v1/appointments/${s.id}/video/start`);
/** Ring pasienten, as `who`; a body of `undefined` is none at all. */
const phone = (s: Scenario, who: Browser, body: unknown = { reason: 'no_connection' }) =>
  who.request('POST', `/api/v1/staff/appointments/${s.id}/video/phone`, body);

/** The patient starts and is in the call; the practitioner enters it. Both sockets stay open. */
async function enterCall(s: Scenario) {
  expect((await start(s)).status).toBe(200);
  const p = await Socket.open(app, s.patient);
  p.send({
    type: 'join',
    appointmentId: s.id,
    sessionId: 'patient-page-1',
    mic: true,
    camera: true,
  });
  await p.next((m) => m.type === 'joined');
  expect((await s.doctor.post(`/api/v1/staff/appointments/${s.id}/video/join`)).status).toBe(200);
  const d = await Socket.open(app, s.doctor);
  d.send({
    type: 'join',
    appointmentId: s.id,
    sessionId: 'doctor-page-1',
    mic: true,
    camera: true,
  });
  await d.next((m) => m.type === 'joined');
  return { p, d };
}

async function stored(id: string) {
  const room = await app.db.query(
    'SELECT phone_switched_at, phone_switch_reason FROM video_rooms WHERE appointment_id = $1',
    [id],
  );
  const audit = await app.db.query(
    `SELECT actor_role, details FROM audit_log WHERE entity_id = $1 AND action = 'video.phone_switch'`,
    [id],
  );
  return { room: room.rows[0] ?? null, audit: audit.rows };
}

describe('the numbers for the phone when video fails', () => {
  it("gives both sides the clinic's number, and the patient's once they have verified it", async () => {
    const s = await scenario({ clinicPhone: '+4722334455', patientPhone: { verified: true } });
    const started = await start(s);
    expect(started.body.phone).toEqual({ clinic: '+4722334455', patient: s.patientPhone });
    const joined = await s.doctor.post(`/api/v1/staff/appointments/${s.id}/video/join`);
    expect(joined.body).toMatchObject({
      role: 'practitioner',
      phone: { clinic: '+4722334455', patient: s.patientPhone },
    });
  });

  it('gives null for a clinic without a number and a number the patient has not verified', async () => {
    const s = await scenario({ patientPhone: { verified: false } });
    expect((await start(s)).body.phone).toEqual({ clinic: null, patient: null });
    const joined = await s.doctor.post(`/api/v1/staff/appointments/${s.id}/video/join`);
    expect(joined.body.phone).toEqual({ clinic: null, patient: null });
    expect(JSON.stringify(joined.body)).not.toContain(s.patientPhone);
  });
});

describe('going over to the phone', () => {
  it("is noted once, audited, and told to the patient's and the practitioner's pages", async () => {
    const s = await scenario({ clinicPhone: '+4722334455', patientPhone: { verified: true } });
    const before = await phone(s, s.doctor);
    expect([before.status, before.body.error]).toEqual([403, 'not_started']);
    expect((await start(s)).status).toBe(200);
    // The patient waits; the practitioner has not entered: there is no call to have failed.
    const waiting = await phone(s, s.doctor);
    expect([waiting.status, waiting.body.error]).toEqual([409, 'not_in_call']);
    expect(await stored(s.id)).toEqual({
      room: { phone_switched_at: null, phone_switch_reason: null },
      audit: [],
    });

    const { p, d } = await enterCall(s);
    app.clock.set('2026-11-30T09:06:10Z');
    const switched = await phone(s, s.doctor);
    expect(switched.status, JSON.stringify(switched.body)).toBe(200);
    expect(switched.body).toEqual({ at: '2026-11-30T10:06:10+01:00', reason: 'no_connection' });
    const message = {
      type: 'phone_switch',
      appointmentId: s.id,
      at: '2026-11-30T10:06:10+01:00',
      reason: 'no_connection',
    };
    expect(await p.next((m) => m.type === 'phone_switch')).toEqual(message);
    expect(await d.next((m) => m.type === 'phone_switch')).toEqual(message);

    // A second click, later and for another reason, keeps the first.
    app.clock.set('2026-11-30T09:09:00Z');
    const again = await phone(s, s.doctor, { reason: 'dropped' });
    expect([again.status, again.body]).toEqual([200, switched.body]);
    expect(await p.next((m) => m.type === 'phone_switch')).toEqual(message);
    expect(await stored(s.id)).toEqual({
      room: {
        phone_switched_at: new Date('2026-11-30T09:06:10Z'),
        phone_switch_reason: 'no_connection',
      },
      audit: [{ actor_role: 'practitioner', details: { reason: 'no_connection' } }],
    });
    for (const socket of [p, d]) socket.close();
  });

  it('is not told to a guest in the call', async () => {
    const s = await scenario();
    const { p, d } = await enterCall(s);
    const invited = await s.doctor.post(`/api/v1/staff/appointments/${s.id}/guests`, {
      name: 'Amir Tolk',
      role: 'interpreter',
    });
    expect(invited.status).toBe(201);
    const interpreter = new Browser(app);
    const token = (invited.body.link as string).split('#')[1];
    expect((await interpreter.post('/api/v1/guest/link', { token })).status).toBe(200);
    const g = await Socket.open(app, interpreter);
    g.send({
      type: 'join',
      appointmentId: s.id,
      sessionId: 'guest-page-1',
      mic: true,
      camera: true,
    });
    await g.next((m) => m.type === 'lobby');
    const admitted = await s.doctor.post(
      `/api/v1/staff/appointments/${s.id}/guests/${invited.body.id as string}/admit`,
    );
    expect(admitted.status).toBe(200);
    await g.next((m) => m.type === 'participants');

    expect((await phone(s, s.doctor, { reason: 'dropped' })).status).toBe(200);
    await p.next((m) => m.type === 'phone_switch');
    await d.next((m) => m.type === 'phone_switch');
    // The patient's and practitioner's sockets have it; the guest's, on the same bus, does not.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(g.received.filter((m) => m.type === 'phone_switch')).toEqual([]);
    for (const socket of [p, d, g]) socket.close();
  });

  it("is for the appointment's own practitioner only; nothing is noted for anyone else", async () => {
    const s = await scenario();
    const { p, d } = await enterCall(s);
    const asPatient = await phone(s, s.patient);
    expect([asPatient.status, asPatient.body.error]).toEqual([403, 'staff_sign_in_required']);
    for (const who of [s.colleague, s.admin, s.stranger]) {
      const refused = await phone(s, who);
      expect([refused.status, refused.body]).toEqual([
        404,
        { error: 'not_found', message: 'Not found.' },
      ]);
    }
    expect((await phone(s, new Browser(app))).status).toBe(401);
    const missing = await s.doctor.post(
      '/api/v1/staff/appointments/6f1c7a52-3c1e-4a8e-9a43-0c2d6f1e9b10/video/phone',
      { reason: 'dropped' },
    );
    expect(missing.status).toBe(404);
    expect((await stored(s.id)).room).toEqual({
      phone_switched_at: null,
      phone_switch_reason: null,
    });
    expect((await stored(s.id)).audit).toEqual([]);
    for (const socket of [p, d]) socket.close();
  });

  it('refuses a body that is not one of the reasons, noting nothing', async () => {
    const s = await scenario();
    const { p, d } = await enterCall(s);
    for (const body of [
      {},
      { reason: 'bored' },
      { reason: 'DROPPED' },
      { reason: null },
      { reason: 'dropped', patient: '+4791234567' },
      ['dropped'],
      'dropped',
    ]) {
      const refused = await phone(s, s.doctor, body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.error).toBe('validation_failed');
    }
    const empty = await s.doctor.request('POST', `/api/v1/staff/appointments/${s.id}/video/phone`);
    expect(empty.status).toBe(400);
    expect((await stored(s.id)).room).toEqual({
      phone_switched_at: null,
      phone_switch_reason: null,
    });
    for (const socket of [p, d]) socket.close();
  });

  it('is noted in a call that has outlived the window, as staying in it is allowed', async () => {
    const s = await scenario();
    const { p, d } = await enterCall(s);
    // Two hours after the start, to the millisecond: nobody may enter now, but the call goes on.
    app.clock.set('2026-11-30T11:05:00.001Z');
    const late = await phone(s, s.doctor);
    expect(late.status, JSON.stringify(late.body)).toBe(200);
    expect((await stored(s.id)).audit).toHaveLength(1);
    for (const socket of [p, d]) socket.close();
  });

  it('is refused once the call has ended: a finished record is not rewritten', async () => {
    const s = await scenario();
    const { p, d } = await enterCall(s);
    d.send({ type: 'hang_up', appointmentId: s.id });
    await p.next((m) => m.type === 'ended');
    const after = await phone(s, s.doctor);
    expect([after.status, after.body.error]).toEqual([409, 'not_in_call']);
    expect(await stored(s.id)).toEqual({
      room: { phone_switched_at: null, phone_switch_reason: null },
      audit: [],
    });
    for (const socket of [p, d]) socket.close();
  });
});
