import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  buildAppointmentType,
  buildClinic,
  buildMembership,
  buildPractitioner,
  buildUser,
} from '../../../test/factories';
import { Browser, signInWithCode, startTestApp, type TestApp } from '../../../test/harness';
import { signInStaff } from '../../auth/testing/staff';
import { Socket as SignalingSocket } from '../../../test/signaling-socket';

/** A signaling socket of `browser` on this file's app. */
const Socket = {
  open: (browser: Browser, origin?: string) => SignalingSocket.open(app, browser, origin),
};

let app: TestApp;
// Monday 30 November 2026, 10:00 in Oslo.
const NOW = '2026-11-30T09:00:00Z';
beforeAll(async () => {
  app = await startTestApp({
    now: NOW,
    env: {
      ICE_STUN_URLS: 'stun:stun.example.no:3478',
      ICE_TURN_URLS: 'turn:turn.example.no:3478?transport=udp',
      TURN_SECRET: 'turn-secret-for-tests',
    },
  });
});
beforeEach(() => app.clock.set(NOW));
afterAll(() => app.close());

let n = 0;

/** A clinic whose practitioner signs in with a password, and a patient with a video appointment. */
async function scenario(options: { startsAt?: string; modality?: 'video' | 'in_person' } = {}) {
  const clinic = await buildClinic(app.db);
  const doctorUser = await buildUser(app.db, {
    email: `doctor-${++n}@example.com`,
    password: 'doctor password',
    name: 'Lege',
  });
  await buildMembership(app.db, clinic.id, doctorUser.id, ['practitioner']);
  const practitioner = await buildPractitioner(app.db, clinic.id, {
    userId: doctorUser.id,
    hours: [[[1, 2, 3, 4, 5, 6, 7], '00:00', '24:00']],
  });
  const type = await buildAppointmentType(app.db, clinic.id, [practitioner.id], {
    modality: options.modality ?? 'video',
    cancelDeadline: 0,
  });
  const patientEmail = `video-patient-${++n}@example.com`;
  const patient = new Browser(app);
  await signInWithCode(patient, app.db, patientEmail);
  const booked = await patient.post('/api/v1/appointments', {
    practitionerId: practitioner.id,
    appointmentTypeId: type.id,
    start: options.startsAt ?? '2026-11-30T10:00:00+01:00',
  });
  expect(booked.status).toBe(201);
  const doctor = new Browser(app);
  await signInStaff(app, doctor, { email: doctorUser.email, password: 'doctor password' });
  return {
    clinic,
    practitioner,
    type,
    patient,
    doctor,
    appointmentId: booked.body.id as string,
    patientEmail,
    doctorEmail: doctorUser.email,
  };
}

describe('starting the video consultation', () => {
  it('gives the patient what the client needs to join, with short-lived TURN credentials', async () => {
    const { patient, appointmentId } = await scenario();
    const started = await patient.post(`/api/v1/appointments/${appointmentId}/video/start`);
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({
      appointmentId,
      role: 'patient',
      iceTransportPolicy: 'all',
      signalingPath: '/api/v1/signaling',
      start: '2026-11-30T10:00:00+01:00',
      closesAt: '2026-11-30T12:00:00+01:00',
      credentialsExpireAt: '2026-11-30T11:00:00+01:00',
      peerBirthDate: null,
    });
    expect(started.body.iceServers).toEqual([
      { urls: ['stun:stun.example.no:3478'] },
      {
        urls: ['turn:turn.example.no:3478?transport=udp'],
        username: expect.stringMatching(/^\d+:[0-9a-f-]{36}$/),
        credential: expect.any(String),
      },
    ]);
    const room = await app.db.query(
      'SELECT patient_presence, practitioner_presence FROM video_rooms WHERE appointment_id = $1',
      [appointmentId],
    );
    expect(room.rows[0]).toEqual({ patient_presence: 'waiting', practitioner_presence: 'absent' });
    const audit = await app.db.query(
      "SELECT 1 FROM audit_log WHERE action = 'video.start' AND entity_id = $1",
      [appointmentId],
    );
    expect(audit.rowCount).toBe(1);
  });

  it('opens 15 minutes before the start and closes 2 hours after it, checked by the server', async () => {
    const { patient, appointmentId, patientEmail } = await scenario({
      startsAt: '2026-11-30T10:30:00+01:00',
    });
    // Each step moves the clock past the session's idle time, so the patient signs in again.
    const startAt = async (iso: string) => {
      app.clock.set(iso);
      await signInWithCode(patient, app.db, patientEmail);
      return patient.post(`/api/v1/appointments/${appointmentId}/video/start`);
    };
    const early = await startAt('2026-11-30T09:14:59Z');
    expect(early.status).toBe(403);
    expect(early.body.error).toBe('too_early');
    expect((await startAt('2026-11-30T09:15:00Z')).status).toBe(200);
    expect((await startAt('2026-11-30T11:30:00Z')).status).toBe(200);
    const late = await startAt('2026-11-30T11:30:01Z');
    expect(late.status).toBe(403);
    expect(late.body.error).toBe('too_late');
  });

  it('refuses in-person and cancelled appointments, and other people', async () => {
    const office = await scenario({ modality: 'in_person', startsAt: '2026-11-30T10:15:00+01:00' });
    const notVideo = await office.patient.post(
      `/api/v1/appointments/${office.appointmentId}/video/start`,
    );
    expect(notVideo.status).toBe(403);
    expect(notVideo.body.error).toBe('not_video');

    const { patient, doctor, appointmentId } = await scenario({
      startsAt: '2026-11-30T11:00:00+01:00',
    });
    const stranger = new Browser(app);
    await signInWithCode(stranger, app.db, `stranger-${++n}@example.com`);
    expect((await stranger.post(`/api/v1/appointments/${appointmentId}/video/start`)).status).toBe(
      404,
    );
    expect((await doctor.post(`/api/v1/appointments/${appointmentId}/video/start`)).status).toBe(
      404,
    );
    expect(
      (await new Browser(app).post(`/api/v1/appointments/${appointmentId}/video/start`)).status,
    ).toBe(401);
    const cancel = await patient.post(`/api/v1/appointments/${appointmentId}/cancel`);
    expect(cancel.status, JSON.stringify(cancel.body)).toBe(200);
    const cancelled = await patient.post(`/api/v1/appointments/${appointmentId}/video/start`);
    expect(cancelled.status).toBe(403);
    expect(cancelled.body.error).toBe('not_allowed');
    expect(
      (await app.db.query('SELECT 1 FROM video_rooms WHERE appointment_id = $1', [appointmentId]))
        .rowCount,
    ).toBe(0);
  });
});

describe("the practitioner's side", () => {
  it('may enter only after the patient started, and only their own appointments', async () => {
    const { patient, doctor, appointmentId } = await scenario();
    const before = await doctor.post(`/api/v1/staff/appointments/${appointmentId}/video/join`);
    expect(before.status).toBe(403);
    expect(before.body.error).toBe('not_started');
    await patient.post(`/api/v1/appointments/${appointmentId}/video/start`);
    const joined = await doctor.post(`/api/v1/staff/appointments/${appointmentId}/video/join`);
    expect(joined.status).toBe(200);
    expect(joined.body).toMatchObject({
      role: 'practitioner',
      appointmentId,
      peerName: expect.stringMatching(/video-patient/),
      // Who the patient is, for finding the journal during the call.
      peerBirthDate: '1980-05-17',
    });

    const otherClinic = await scenario({ startsAt: '2026-11-30T11:00:00+01:00' });
    expect(
      (await otherClinic.doctor.post(`/api/v1/staff/appointments/${appointmentId}/video/join`))
        .status,
    ).toBe(404);
    const asPatient = await patient.post(`/api/v1/staff/appointments/${appointmentId}/video/join`);
    expect(asPatient.status).toBe(403);
    expect(asPatient.body.error).toBe('staff_sign_in_required');
  });

  it("lists the day's appointments with the room's live state", async () => {
    const { patient, doctor, appointmentId } = await scenario({
      startsAt: '2026-11-30T10:15:00+01:00',
    });
    await patient.post(`/api/v1/appointments/${appointmentId}/video/start`);
    const list = await doctor.get('/api/v1/staff/appointments');
    expect(list.status).toBe(200);
    expect(list.body).toEqual([
      expect.objectContaining({
        id: appointmentId,
        patient: expect.objectContaining({ email: expect.stringMatching(/video-patient/) }),
        video: expect.objectContaining({
          room: expect.objectContaining({ patient: 'waiting', practitioner: 'absent' }),
        }),
      }),
    ]);
    expect((await doctor.get('/api/v1/staff/appointments?date=2026-12-01')).body).toEqual([]);
    expect((await patient.get('/api/v1/staff/appointments')).status).toBe(403);
  });

  it("holds on today's list every room open across midnight, and only those", async () => {
    const ids = async (browser: Browser, query = '') =>
      ((await browser.get(`/api/v1/staff/appointments${query}`)).body as { id: string }[]).map(
        (a) => a.id,
      );
    // Booked at 23:20 on Monday (each clinic its own practitioner): 23:30 on Monday, 00:00 on
    // Tuesday, 02:30 on Tuesday, and an in-person appointment at 00:00 on Tuesday. The clock then
    // moves in steps shorter than a session's idle time.
    app.clock.set('2026-11-30T22:20:00Z');
    const evening = await scenario({ startsAt: '2026-11-30T23:30:00+01:00' });
    const midnight = await scenario({ startsAt: '2026-12-01T00:00:00+01:00' });
    const late = await scenario({ startsAt: '2026-12-01T02:30:00+01:00' });
    const inPerson = await scenario({
      startsAt: '2026-12-01T00:00:00+01:00',
      modality: 'in_person',
    });

    // 23:45 on Monday: the patient of 00:00 waits, and is on the practitioner's today.
    app.clock.set('2026-11-30T22:45:00Z');
    const started = await midnight.patient.post(
      `/api/v1/appointments/${midnight.appointmentId}/video/start`,
    );
    expect(started.status).toBe(200);
    expect(await ids(midnight.doctor)).toEqual([midnight.appointmentId]);
    // Asked for by date, each day holds only its own appointments.
    expect(await ids(midnight.doctor, '?date=2026-11-30')).toEqual([]);
    expect(await ids(midnight.doctor, '?date=2026-12-01')).toEqual([midnight.appointmentId]);
    // Not yet open (02:30), or no room at all (in person): not on Monday's list.
    expect(await ids(late.doctor)).toEqual([]);
    expect(await ids(inPerson.doctor)).toEqual([]);
    // A cancelled appointment has no room: it is gone from Monday's list.
    expect(
      (await midnight.patient.post(`/api/v1/appointments/${midnight.appointmentId}/cancel`)).status,
    ).toBe(200);
    expect(await ids(midnight.doctor)).toEqual([]);

    // The call of 23:30 on Monday stays on today's list past midnight while its room is open (two
    // hours after its start, 01:30), and is gone after.
    for (const at of ['22:45', '23:10', '23:35']) {
      app.clock.set(`2026-11-30T${at}:00Z`);
      expect(await ids(evening.doctor)).toEqual([evening.appointmentId]);
    }
    for (const at of ['00:00', '00:25', '00:30']) {
      app.clock.set(`2026-12-01T${at}:00Z`);
      expect(await ids(evening.doctor), at).toEqual([evening.appointmentId]);
    }
    app.clock.set('2026-12-01T00:31:00Z');
    expect(await ids(evening.doctor)).toEqual([]);
  });

  it('tells the waiting patient where the practitioner is: not yet in, free, in another consultation, here', async () => {
    const { patient, doctor, appointmentId, practitioner, type } = await scenario();
    const other = new Browser(app);
    await signInWithCode(other, app.db, `other-patient-${++n}@example.com`);
    const second = await other.post('/api/v1/appointments', {
      practitionerId: practitioner.id,
      appointmentTypeId: type.id,
      start: '2026-11-30T10:15:00+01:00',
    });
    expect(second.status).toBe(201);
    const whereabouts = async (browser: Browser, id = appointmentId) => {
      const answer = await browser.get(`/api/v1/appointments/${id}/video/practitioner`);
      return answer.status === 200
        ? answer.body.whereabouts
        : `${answer.status} ${answer.body.error}`;
    };

    // Only the patient, once the room is started.
    expect(await whereabouts(patient)).toBe('403 not_started');
    await patient.post(`/api/v1/appointments/${appointmentId}/video/start`);
    expect(await whereabouts(patient)).toBe('not_in');
    expect(await whereabouts(doctor)).toBe('404 not_found');
    expect(await whereabouts(other)).toBe('404 not_found');

    // The workspace readies a call for the waiting patient: the practitioner is free.
    const ready = await Socket.open(doctor);
    ready.send({ type: 'stand_by', appointmentId, sessionId: 'workspace-1' });
    await ready.next((m) => m.type === 'joined');
    expect(await whereabouts(patient)).toBe('on_the_way');

    // The practitioner takes the other patient first.
    await other.post(`/api/v1/appointments/${second.body.id}/video/start`);
    expect(
      (await doctor.post(`/api/v1/staff/appointments/${second.body.id}/video/join`)).status,
    ).toBe(200);
    const call = await Socket.open(doctor);
    call.send({
      type: 'join',
      appointmentId: second.body.id,
      sessionId: 'call-session-1',
      mic: true,
      camera: true,
    });
    await call.next((m) => m.type === 'joined');
    expect(await whereabouts(patient)).toBe('in_another_consultation');
    // The other patient's own practitioner is in their call.
    expect(await whereabouts(other, second.body.id)).toBe('here');

    // The practitioner's page of that call drops (its presence becomes `reconnecting`): a tab
    // gone does not keep them "in another consultation".
    call.close();
    await expect.poll(() => whereabouts(patient)).toBe('on_the_way');
    ready.send({ type: 'join', appointmentId, sessionId: 'workspace-1', mic: true, camera: true });
    await ready.next((m) => m.type === 'joined');
    expect(await whereabouts(patient)).toBe('here');
    for (const socket of [ready, call]) socket.close();
  });

  it('sends a short status to the waiting patient', async () => {
    const { patient, doctor, appointmentId } = await scenario();
    const early = await doctor.post(`/api/v1/staff/appointments/${appointmentId}/video/status`, {
      text: 'Jeg er ca. 10 minutter forsinket',
    });
    expect(early.status).toBe(403);
    await patient.post(`/api/v1/appointments/${appointmentId}/video/start`);
    const sent = await doctor.post(`/api/v1/staff/appointments/${appointmentId}/video/status`, {
      text: 'Jeg er ca. 10 minutter forsinket',
    });
    expect(sent.status).toBe(204);
    expect(
      (
        await patient.post(`/api/v1/staff/appointments/${appointmentId}/video/status`, {
          text: 'hei',
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await doctor.post(`/api/v1/staff/appointments/${appointmentId}/video/status`, {
          text: 'x'.repeat(201),
        })
      ).status,
    ).toBe(400);
    const row = await app.db.query(
      'SELECT status_text FROM video_rooms WHERE appointment_id = $1',
      [appointmentId],
    );
    expect(row.rows[0]).toEqual({ status_text: 'Jeg er ca. 10 minutter forsinket' });
  });
});

/** A signaling socket as a browser opens it: same origin, the session cookie. */
describe('signaling', () => {
  it('refuses sockets without a session or from another site', async () => {
    await expect(Socket.open(new Browser(app))).rejects.toThrow('HTTP 401');
    const { patient } = await scenario();
    await expect(Socket.open(patient, 'https://evil.example')).rejects.toThrow('HTTP 403');
  });

  it('relays between exactly the patient and the practitioner, with presence, media, status and hang-up', async () => {
    const { patient, doctor, appointmentId } = await scenario();
    const workspace = await Socket.open(doctor);
    workspace.send({ type: 'watch' });
    await workspace.next((m) => m.type === 'watching');
    await patient.post(`/api/v1/appointments/${appointmentId}/video/start`);
    expect(await workspace.next((m) => m.type === 'room')).toMatchObject({
      appointmentId,
      patient: 'waiting',
      practitioner: 'absent',
    });

    const p = await Socket.open(patient);
    p.send({
      type: 'join',
      appointmentId,
      sessionId: 'patient-session-1',
      mic: true,
      camera: true,
    });
    expect(await p.next((m) => m.type === 'joined')).toMatchObject({
      role: 'patient',
      peer: { role: 'practitioner', presence: 'absent' },
    });

    await doctor.post(`/api/v1/staff/appointments/${appointmentId}/video/status`, {
      text: 'Straks der',
    });
    expect(await p.next((m) => m.type === 'status')).toMatchObject({
      statusMessage: { text: 'Straks der' },
    });

    await doctor.post(`/api/v1/staff/appointments/${appointmentId}/video/join`);
    const d = await Socket.open(doctor);
    d.send({
      type: 'join',
      appointmentId,
      sessionId: 'doctor-session-1',
      mic: true,
      camera: false,
    });
    expect(await d.next((m) => m.type === 'joined')).toMatchObject({
      role: 'practitioner',
      peer: { role: 'patient', presence: 'in_call', sessionId: 'patient-session-1' },
    });
    expect(await p.next((m) => m.type === 'peer')).toMatchObject({
      peer: {
        role: 'practitioner',
        presence: 'in_call',
        sessionId: 'doctor-session-1',
        camera: false,
      },
    });
    expect(
      await workspace.next((m) => m.type === 'room' && m.practitioner === 'in_call'),
    ).toMatchObject({ patient: 'in_call' });

    // SDP travels in several NOTIFY parts when large; it arrives whole and unchanged.
    const sdp = `v=0\r\n${'a=x-padding:'.padEnd(20_000, 'z')}\r\n`;
    d.send({ type: 'signal', appointmentId, description: { type: 'offer', sdp } });
    expect(await p.next((m) => m.type === 'signal')).toEqual({
      type: 'signal',
      appointmentId,
      from: 'doctor-session-1',
      fromSeat: 'practitioner',
      description: { type: 'offer', sdp },
    });
    p.send({
      type: 'signal',
      appointmentId,
      candidate: {
        candidate: 'candidate:1 1 udp 1 127.0.0.1 5000 typ host',
        sdpMid: '0',
        sdpMLineIndex: 0,
      },
    });
    expect(await d.next((m) => m.type === 'signal')).toMatchObject({ candidate: { sdpMid: '0' } });

    p.send({ type: 'media', appointmentId, mic: false, camera: true });
    expect(await d.next((m) => m.type === 'peer')).toMatchObject({
      peer: { role: 'patient', mic: false, camera: true },
    });

    // A dropped socket is "reconnecting", not "left"; coming back resumes the call.
    p.close();
    expect(await d.next((m) => m.type === 'peer')).toMatchObject({
      peer: { role: 'patient', presence: 'reconnecting' },
    });
    const p2 = await Socket.open(patient);
    p2.send({
      type: 'join',
      appointmentId,
      sessionId: 'patient-session-1',
      mic: false,
      camera: true,
    });
    await p2.next((m) => m.type === 'joined');
    expect(await d.next((m) => m.type === 'peer')).toMatchObject({
      peer: { role: 'patient', presence: 'in_call' },
    });

    d.send({ type: 'hang_up', appointmentId });
    expect(await p2.next((m) => m.type === 'ended')).toEqual({
      type: 'ended',
      appointmentId,
      by: 'practitioner',
    });
    const room = await app.db.query(
      'SELECT patient_presence, practitioner_presence, ended_by FROM video_rooms WHERE appointment_id = $1',
      [appointmentId],
    );
    expect(room.rows[0]).toEqual({
      patient_presence: 'left',
      practitioner_presence: 'left',
      ended_by: 'practitioner',
    });
    const audit = await app.db.query(
      "SELECT action FROM audit_log WHERE entity_id = $1 AND action LIKE 'video.%' ORDER BY id",
      [appointmentId],
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'video.start',
      'video.status',
      'video.join',
      'video.end',
    ]);
    for (const s of [workspace, d, p2]) s.close();
  });

  it('lets the workspace ready a connection to the waiting patient, without entering', async () => {
    const { patient, doctor, appointmentId } = await scenario();
    const prepare = (who: Browser) =>
      who.post(`/api/v1/staff/appointments/${appointmentId}/video/prepare`);
    expect((await prepare(doctor)).body.error).toBe('not_started');
    await patient.post(`/api/v1/appointments/${appointmentId}/video/start`);
    const watcher = await Socket.open(doctor);
    watcher.send({ type: 'watch' });
    await watcher.next((m) => m.type === 'watching');
    const p = await Socket.open(patient);
    p.send({ type: 'join', appointmentId, sessionId: 'patient-1', mic: true, camera: true });
    await p.next((m) => m.type === 'joined');

    // ICE servers and the way to signaling; no names, nothing audited, only for the practitioner.
    const prepared = await prepare(doctor);
    expect(prepared.status).toBe(200);
    expect(Object.keys(prepared.body).sort()).toEqual([
      'appointmentId',
      'credentialsExpireAt',
      'iceServers',
      'iceTransportPolicy',
      'role',
      'signalingPath',
    ]);
    expect(prepared.body.iceServers[1]).toMatchObject({ username: expect.any(String) });
    expect((await prepare(patient)).body.error).toBe('staff_sign_in_required');
    const other = await scenario({ startsAt: '2026-11-30T11:00:00+01:00' });
    expect((await prepare(other.doctor)).status).toBe(404);

    // Two workspace tabs ready a connection: the later one is the practitioner's page.
    const w1 = await Socket.open(doctor);
    w1.send({ type: 'stand_by', appointmentId, sessionId: 'workspace-1' });
    expect(await w1.next((m) => m.type === 'joined')).toMatchObject({
      role: 'practitioner',
      peer: { role: 'patient', presence: 'waiting', sessionId: 'patient-1' },
    });
    expect(await p.next((m) => m.type === 'peer')).toMatchObject({
      peer: { role: 'practitioner', presence: 'ready', sessionId: 'workspace-1' },
    });
    expect(
      await watcher.next((m) => m.type === 'room' && m.practitioner === 'ready'),
    ).toMatchObject({ patient: 'waiting' });
    const w2 = await Socket.open(doctor);
    w2.send({ type: 'stand_by', appointmentId, sessionId: 'workspace-2' });
    await w2.next((m) => m.type === 'joined');
    expect(await p.next((m) => m.type === 'peer')).toMatchObject({
      peer: { presence: 'ready', sessionId: 'workspace-2' },
    });
    // The first tab is told it is no longer the one, and lets its connection go.
    expect(await w1.next((m) => m.type === 'error')).toMatchObject({
      code: 'not_waiting',
      appointmentId,
    });

    // Signals travel both ways, each to the page it is for: workspace-1 never sees the first.
    w2.send({ type: 'signal', appointmentId, to: 'patient-1', description: { type: 'offer' } });
    expect(await p.next((m) => m.type === 'signal')).toMatchObject({ from: 'workspace-2' });
    const answer = (sdp: string) => ({
      type: 'signal',
      appointmentId,
      description: { type: 'answer', sdp },
    });
    p.send({ ...answer('for workspace-2'), to: 'workspace-2' });
    p.send(answer('for any page'));
    expect(await w2.next((m) => m.type === 'signal')).toMatchObject({
      from: 'patient-1',
      description: { sdp: 'for workspace-2' },
    });
    expect(await w1.next((m) => m.type === 'signal')).toMatchObject({
      description: { sdp: 'for any page' },
    });

    // Readied is not entered: no media state, no hang-up, and the patient cannot stand by.
    w2.send({ type: 'media', appointmentId, mic: true, camera: true });
    expect(await w2.next((m) => m.type === 'error')).toMatchObject({ code: 'not_found' });
    w2.send({ type: 'hang_up', appointmentId });
    expect(await w2.next((m) => m.type === 'error')).toMatchObject({ code: 'not_found' });
    p.send({ type: 'stand_by', appointmentId, sessionId: 'patient-2' });
    expect(await p.next((m) => m.type === 'error')).toMatchObject({ code: 'not_allowed' });
    const entered = async () =>
      (
        await app.db.query(
          'SELECT practitioner_joined_at FROM video_rooms WHERE appointment_id = $1',
          [appointmentId],
        )
      ).rows[0].practitioner_joined_at;
    expect(await entered()).toBeNull();

    // The page the practitioner is not on goes away: nothing changes. Theirs does: absent again.
    w1.close();
    w2.close();
    expect(await p.next((m) => m.type === 'peer')).toMatchObject({
      peer: { presence: 'absent', sessionId: 'workspace-2' },
    });

    // Entering from a readied connection: the same page joins, the patient sees them come.
    const w3 = await Socket.open(doctor);
    w3.send({ type: 'stand_by', appointmentId, sessionId: 'workspace-3' });
    await w3.next((m) => m.type === 'joined');
    await p.next((m) => m.type === 'peer' && m.peer.presence === 'ready');
    w3.send({ type: 'join', appointmentId, sessionId: 'workspace-3', mic: true, camera: true });
    await w3.next((m) => m.type === 'joined');
    expect(await p.next((m) => m.type === 'peer')).toMatchObject({
      peer: { presence: 'in_call', sessionId: 'workspace-3' },
    });
    expect(await entered()).not.toBeNull();

    // No readying beside the practitioner's call (another tab): the call keeps its page.
    const w4 = await Socket.open(doctor);
    w4.send({ type: 'stand_by', appointmentId, sessionId: 'workspace-4' });
    expect(await w4.next((m) => m.type === 'error')).toMatchObject({ code: 'not_waiting' });
    const room = await app.db.query(
      'SELECT practitioner_presence, practitioner_session FROM video_rooms WHERE appointment_id = $1',
      [appointmentId],
    );
    expect(room.rows[0]).toEqual({
      practitioner_presence: 'in_call',
      practitioner_session: 'workspace-3',
    });
    for (const s of [watcher, p, w3, w4]) s.close();
  });

  it("keeps everyone else out of a room, and refuses messages that don't parse", async () => {
    const { patient, appointmentId } = await scenario();
    await patient.post(`/api/v1/appointments/${appointmentId}/video/start`);
    const other = await scenario({ startsAt: '2026-11-30T11:00:00+01:00' });
    for (const intruder of [other.patient, other.doctor]) {
      const s = await Socket.open(intruder);
      s.send({ type: 'join', appointmentId, sessionId: 'intruder-1', mic: true, camera: true });
      expect(await s.next((m) => m.type === 'error')).toMatchObject({ code: 'not_found' });
      s.send({ type: 'signal', appointmentId, description: { type: 'offer', sdp: 'v=0' } });
      expect(await s.next((m) => m.type === 'error')).toMatchObject({ code: 'not_found' });
      s.close();
    }
    const s = await Socket.open(patient);
    s.ws.send('not json');
    expect(await s.next((m) => m.type === 'error')).toMatchObject({ code: 'bad_message' });
    s.send({ type: 'join', appointmentId, sessionId: 'x', mic: true, camera: true, extra: 1 });
    expect(await s.next((m) => m.type === 'error')).toMatchObject({ code: 'bad_message' });
    s.send({ type: 'dance' });
    expect(await s.next((m) => m.type === 'error')).toMatchObject({ code: 'bad_message' });
    s.close();
  });

  it('lets a practitioner in only from a staff sign-in, not from a one-time code', async () => {
    const { patient, appointmentId, doctorEmail } = await scenario();
    await patient.post(`/api/v1/appointments/${appointmentId}/video/start`);
    const byCode = new Browser(app);
    await signInWithCode(byCode, app.db, doctorEmail);
    const s = await Socket.open(byCode);
    s.send({ type: 'join', appointmentId, sessionId: 'code-doctor-1', mic: true, camera: true });
    expect(await s.next((m) => m.type === 'error')).toMatchObject({ code: 'not_found' });
    s.send({ type: 'watch' });
    expect(await s.next((m) => m.type === 'error')).toMatchObject({ code: 'not_allowed' });
    s.close();
    const room = await app.db.query(
      'SELECT practitioner_presence FROM video_rooms WHERE appointment_id = $1',
      [appointmentId],
    );
    expect(room.rows[0]).toEqual({ practitioner_presence: 'absent' });
  });

  it('closes sockets that send too much or too fast', async () => {
    const { patient } = await scenario();
    const big = await Socket.open(patient);
    const closedBig = new Promise<number>((resolve) =>
      big.ws.once('close', (code) => resolve(code)),
    );
    big.ws.send('x'.repeat(70 * 1024));
    expect(await closedBig).toBe(1009);

    const fast = await Socket.open(patient);
    const closedFast = new Promise<number>((resolve) =>
      fast.ws.once('close', (code) => resolve(code)),
    );
    for (let i = 0; i < 400; i++) fast.send({ type: 'ping' });
    expect(await closedFast).toBe(1008);
  });
});
