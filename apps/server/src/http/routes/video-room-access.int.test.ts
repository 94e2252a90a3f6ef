import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  buildAppointment,
  buildAppointmentType,
  buildClinic,
  buildStaff,
  buildUser,
  sessionCookieFor,
} from '../../../test/factories';
import { Browser, startTestApp, type TestApp } from '../../../test/harness';
import { type AuthMethod } from '../../db/sessions';

// Who may enter a video room and when, end to end: the HTTP start and join and the signaling
// join all follow the domain's `canStartRoom` / `canJoinRoom`, to the millisecond.

let app: TestApp;
const START = '2026-11-30T10:00:00.000Z';
const OPENS_AT = '2026-11-30T09:45:00.000Z';
const CLOSES_AT = '2026-11-30T12:00:00.000Z';
const AFTER_CLOSE = '2026-11-30T12:00:00.001Z';
const BEFORE_OPEN = '2026-11-30T09:44:59.999Z';

beforeAll(async () => {
  // Sessions outlive the jumps of the clock across the window.
  app = await startTestApp({ now: OPENS_AT, env: { SESSION_IDLE_MINUTES: '1440' } });
});
beforeEach(() => app.clock.set(OPENS_AT));
afterAll(() => app.close());

/** A user's session made directly: a browser for HTTP, and its cookie for sockets. */
async function signIn(userId: string, authMethod: AuthMethod) {
  const cookie = await sessionCookieFor(app, userId, authMethod);
  return { http: new Browser(app, { cookie }), cookie };
}
type Session = Awaited<ReturnType<typeof signIn>>;

/** A video appointment at START, its patient signed in by code and its practitioner as staff. */
async function scenario(
  options: { status?: 'booked' | 'completed' | 'no_show' | 'cancelled'; strict?: boolean } = {},
) {
  const clinic = await buildClinic(app.db);
  if (options.strict)
    await app.db.query('UPDATE clinics SET require_strong_auth_for_video = true WHERE id = $1', [
      clinic.id,
    ]);
  const staff = await buildStaff(app.db, clinic.id);
  const type = await buildAppointmentType(app.db, clinic.id, [staff.practitionerId!]);
  const patientUser = await buildUser(app.db, {});
  const { id } = await buildAppointment(app.db, {
    clinicId: clinic.id,
    practitionerId: staff.practitionerId!,
    patientId: patientUser.id,
    typeId: type.id,
    start: START,
    ...(options.status ? { status: options.status } : {}),
  });
  return {
    id,
    patientUserId: patientUser.id,
    patient: await signIn(patientUser.id, 'code_email'),
    doctor: await signIn(staff.userId, 'password'),
  };
}

/** Opens a socket as `session`, sends `join`, and answers with the first reply (joined or error). */
async function join(session: Session, appointmentId: string): Promise<Record<string, unknown>> {
  const ws = new WebSocket(`${app.baseUrl.replace('http', 'ws')}/api/v1/signaling`, {
    headers: { origin: app.origin, cookie: session.cookie },
  });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const reply = new Promise<Record<string, unknown>>((resolve) =>
    ws.on('message', (data) => {
      const message = JSON.parse((data as Buffer).toString('utf8'));
      if (message.type === 'joined' || message.type === 'error') resolve(message);
    }),
  );
  ws.send(
    JSON.stringify({
      type: 'join',
      appointmentId,
      sessionId: crypto.randomUUID(),
      mic: true,
      camera: true,
    }),
  );
  const message = await reply;
  ws.close();
  return message;
}

const outcome = (message: Record<string, unknown>) =>
  message.type === 'joined' ? message.role : message.code;

describe('the video room, at the edges of its window', () => {
  it('lets the patient start from opensAt to closesAt inclusive, and the practitioner follow', async () => {
    const { id, patient, doctor } = await scenario();
    app.clock.set(BEFORE_OPEN);
    const early = await patient.http.post(`/api/v1/appointments/${id}/video/start`);
    expect([early.status, early.body.error]).toEqual([403, 'too_early']);
    expect(outcome(await join(patient, id))).toBe('too_early');
    expect((await doctor.http.post(`/api/v1/staff/appointments/${id}/video/join`)).body.error).toBe(
      'not_started',
    );
    expect(outcome(await join(doctor, id))).toBe('not_started');

    app.clock.set(OPENS_AT);
    expect((await patient.http.post(`/api/v1/appointments/${id}/video/start`)).status).toBe(200);
    expect(outcome(await join(patient, id))).toBe('patient');
    expect((await doctor.http.post(`/api/v1/staff/appointments/${id}/video/join`)).status).toBe(
      200,
    );
    expect(outcome(await join(doctor, id))).toBe('practitioner');
  });

  it('lets both come back after a hang-up until closesAt itself, and neither a millisecond later', async () => {
    const { id, patient, doctor } = await scenario();
    expect((await patient.http.post(`/api/v1/appointments/${id}/video/start`)).status).toBe(200);
    await app.db.query(
      "UPDATE video_rooms SET patient_presence = 'left', practitioner_presence = 'left', ended_at = now(), ended_by = 'practitioner' WHERE appointment_id = $1",
      [id],
    );

    app.clock.set(CLOSES_AT);
    expect((await patient.http.post(`/api/v1/appointments/${id}/video/start`)).status).toBe(200);
    expect(outcome(await join(patient, id))).toBe('patient');
    expect((await doctor.http.post(`/api/v1/staff/appointments/${id}/video/join`)).status).toBe(
      200,
    );
    expect(outcome(await join(doctor, id))).toBe('practitioner');

    app.clock.set(AFTER_CLOSE);
    const late = await patient.http.post(`/api/v1/appointments/${id}/video/start`);
    expect([late.status, late.body.error]).toEqual([403, 'too_late']);
    expect(outcome(await join(patient, id))).toBe('too_late');
    const lateDoctor = await doctor.http.post(`/api/v1/staff/appointments/${id}/video/join`);
    expect([lateDoctor.status, lateDoctor.body.error]).toEqual([403, 'too_late']);
    expect(outcome(await join(doctor, id))).toBe('too_late');
  });
});

describe('the video room by status', () => {
  it.each([
    ['completed', 200, 'patient'],
    ['no_show', 200, 'patient'],
    ['cancelled', 403, 'not_allowed'],
  ] as const)('%s: start %i, join %s', async (status, startStatus, joined) => {
    const { id, patient } = await scenario({ status });
    app.clock.set(START);
    expect((await patient.http.post(`/api/v1/appointments/${id}/video/start`)).status).toBe(
      startStatus,
    );
    if (startStatus !== 200)
      await app.db.query(
        'INSERT INTO video_rooms (appointment_id, started_at, updated_at) VALUES ($1, now(), now())',
        [id],
      );
    expect(outcome(await join(patient, id))).toBe(joined);
  });
});

describe('a clinic that requires strong sign-in', () => {
  it('refuses a patient signed in by code before looking at the time, and lets a strong one in', async () => {
    const { id, patient, patientUserId } = await scenario({ strict: true });
    app.clock.set(BEFORE_OPEN);
    const early = await patient.http.post(`/api/v1/appointments/${id}/video/start`);
    expect([early.status, early.body.error]).toEqual([403, 'strong_auth_required']);

    app.clock.set(START);
    const strong = await signIn(patientUserId, 'oidc');
    expect((await strong.http.post(`/api/v1/appointments/${id}/video/start`)).status).toBe(200);
    expect(outcome(await join(strong, id))).toBe('patient');
    expect(outcome(await join(patient, id))).toBe('not_allowed');
  });
});
