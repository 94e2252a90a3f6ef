import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  buildAppointment,
  buildAppointmentType,
  buildClinic,
  buildStaff,
  buildUser,
  sessionCookieFor,
  signInAs,
} from '../../test/factories';
import { Browser, signInWithCode, startTestApp, type TestApp } from '../../test/harness';
import { MAX_SOCKETS_PER_USER } from './server';

/**
 * Sockets live only as long as their session, on every instance: three instances on one
 * database. `first` and `second` sweep only every minute, so a close within a second there
 * came by the bus; `third` sweeps every 100 ms, for expiry.
 */

const NOW = '2026-11-30T09:00:00Z';
let first: TestApp;
let second: TestApp;
let third: TestApp;
beforeAll(async () => {
  first = await startTestApp({ now: NOW, signalingSweepMs: 60_000 });
  second = await startTestApp({ now: NOW, shareDatabaseWith: first, signalingSweepMs: 60_000 });
  third = await startTestApp({ now: NOW, shareDatabaseWith: first, signalingSweepMs: 100 });
});
afterAll(async () => {
  await third?.close();
  await second?.close();
  await first?.close();
});

interface Closed {
  code: number;
  reason: string;
  /** performance.now() when the close event fired. */
  at: number;
}

interface OpenSocket {
  ws: WebSocket;
  closed: Promise<Closed>;
  /** The next message of this type. */
  next(type: string): Promise<any>;
}

/** Opens the signaling socket with a `Cookie` header; rejects with the status of a refusal. */
function openSocket(app: TestApp, cookie: string): Promise<OpenSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${app.baseUrl.replace('http', 'ws')}/api/v1/signaling`, {
      headers: { origin: app.origin, cookie },
    });
    const inbox: any[] = [];
    const waiting: [string, (m: any) => void][] = [];
    ws.on('message', (data) => {
      const message = JSON.parse((data as Buffer).toString('utf8'));
      const i = waiting.findIndex(([type]) => type === message.type);
      if (i >= 0) waiting.splice(i, 1)[0]![1](message);
      else inbox.push(message);
    });
    const closed = new Promise<Closed>((done) =>
      ws.once('close', (code, reason) =>
        done({ code, reason: reason.toString('utf8'), at: performance.now() }),
      ),
    );
    const next = (type: string) => {
      const i = inbox.findIndex((m) => m.type === type);
      if (i >= 0) return Promise.resolve(inbox.splice(i, 1)[0]);
      return new Promise((r) => waiting.push([type, r]));
    };
    ws.once('open', () => resolve({ ws, closed, next }));
    ws.once('unexpected-response', (_request, response) => {
      reject(new Error(`upgrade refused: ${response.statusCode}`));
      ws.terminate();
    });
    ws.once('error', reject);
  });
}

/** A session made directly (staff rights when `staff`), as a `Cookie` header value. */
const sessionCookie = (app: TestApp, userId: string, staff = true): Promise<string> =>
  sessionCookieFor(app, userId, staff ? 'password' : 'code_email');

/** Resolves with whether the socket closed within `ms`. */
const closesWithin = (socket: OpenSocket, ms: number): Promise<boolean> =>
  Promise.race([
    socket.closed.then(() => true),
    new Promise<boolean>((r) => setTimeout(() => r(false), ms)),
  ]);

/** Runs `act` (an HTTP call on another instance) and reports how long after its answer the socket closed. */
async function measureClose(
  label: string,
  socket: OpenSocket,
  act: () => Promise<{ status: number; body: unknown }>,
): Promise<{ status: number; closed: Closed; afterResponseMs: number }> {
  const sent = performance.now();
  const response = await act();
  const answered = performance.now();
  const closed = await Promise.race([
    socket.closed,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${label}: socket still open after 3 s`)), 3000),
    ),
  ]);
  const afterResponseMs = closed.at - answered;
  // Negative: the socket closed before the HTTP answer reached the caller (NOTIFY at commit).
  const relative =
    afterResponseMs >= 0
      ? `${afterResponseMs.toFixed(1)} ms after the response`
      : `${(-afterResponseMs).toFixed(1)} ms before the response arrived`;
  console.log(
    `[session end] ${label}: socket on the other instance closed ${closed.code} ${relative} ` +
      `(${(closed.at - sent).toFixed(1)} ms after the request was sent)`,
  );
  return { status: response.status, closed, afterResponseMs };
}

describe('a socket lives only as long as its session, on every instance', () => {
  it('sign-out on one instance closes the socket on another with 4401 at once', async () => {
    const patient = new Browser(first);
    await signInWithCode(patient, first.db, 'sign-out-socket@example.com');
    const cookie = patient.cookieHeader!;
    const onSecond = await openSocket(second, cookie);
    // Another session of the same user stays: only the signed-out one ends.
    const other = new Browser(first);
    await signInWithCode(other, first.db, 'sign-out-socket@example.com');
    const otherSocket = await openSocket(second, other.cookieHeader!);

    const { status, closed, afterResponseMs } = await measureClose(
      'sign-out (POST /api/v1/auth/logout on A, socket on B)',
      onSecond,
      () => patient.post('/api/v1/auth/logout'),
    );
    expect(status).toBe(204);
    expect(closed).toMatchObject({ code: 4401, reason: 'session ended' });
    expect(afterResponseMs).toBeLessThan(1000);
    expect(await closesWithin(otherSocket, 300)).toBe(false);
    otherSocket.ws.send(JSON.stringify({ type: 'ping' }));
    expect(await otherSocket.next('pong')).toEqual({ type: 'pong' });
    // The ended session opens no new socket either.
    await expect(openSocket(second, cookie)).rejects.toThrow('upgrade refused: 401');
    otherSocket.ws.close();
  });

  it('deactivating a staff member closes their workspace sockets on every instance', async () => {
    const clinic = await buildClinic(first.db);
    const admin = await buildStaff(first.db, clinic.id, { roles: ['admin'] });
    const doctor = await buildStaff(first.db, clinic.id);
    const workspace = await openSocket(second, await sessionCookie(second, doctor.userId));
    workspace.ws.send(JSON.stringify({ type: 'watch' }));
    const phone = await openSocket(first, await sessionCookie(first, doctor.userId));
    const adminBrowser = await signInAs(first, admin.userId);
    const adminSocket = await openSocket(second, await sessionCookie(second, admin.userId));

    const { status, closed } = await measureClose(
      'deactivation (PATCH staff member on A, workspace socket on B)',
      workspace,
      () =>
        adminBrowser.patch(`/api/v1/admin/clinics/${clinic.id}/staff/${doctor.userId}`, {
          active: false,
        }),
    );
    expect(status).toBe(200);
    expect(closed.code).toBe(4401);
    expect((await phone.closed).code).toBe(4401);
    expect(await closesWithin(adminSocket, 300)).toBe(false);
    adminSocket.ws.close();
  });

  it("an administrator's authenticator reset closes the member's sockets on every instance", async () => {
    const clinic = await buildClinic(first.db);
    const admin = await buildStaff(first.db, clinic.id, { roles: ['admin'] });
    const doctor = await buildStaff(first.db, clinic.id);
    const workspace = await openSocket(second, await sessionCookie(second, doctor.userId));
    // A patient-side session of the same person (signed in by code) ends as well.
    const asPatient = await openSocket(second, await sessionCookie(second, doctor.userId, false));
    const adminBrowser = await signInAs(first, admin.userId);

    const { status, closed } = await measureClose(
      'authenticator reset (DELETE authenticator on A, socket on B)',
      workspace,
      () =>
        adminBrowser.request(
          'DELETE',
          `/api/v1/admin/clinics/${clinic.id}/staff/${doctor.userId}/authenticator`,
        ),
    );
    expect(status).toBe(200);
    expect(closed.code).toBe(4401);
    expect((await asPatient.closed).code).toBe(4401);
  });

  it('an idle-expired session closes its sockets at the next sweep; a pinging socket keeps its session', async () => {
    const clinic = await buildClinic(first.db);
    const idle = await buildStaff(first.db, clinic.id);
    const busy = await buildStaff(first.db, clinic.id);
    const idleSocket = await openSocket(third, await sessionCookie(third, idle.userId));
    const busySocket = await openSocket(third, await sessionCookie(third, busy.userId));
    const idleMs = third.config.sessionIdleMs;

    // Most of the idle time passes; the busy socket's ping moves its session's idle timer.
    third.clock.advance(idleMs - 60_000);
    busySocket.ws.send(JSON.stringify({ type: 'ping' }));
    expect(await busySocket.next('pong')).toEqual({ type: 'pong' });
    expect(await closesWithin(idleSocket, 300)).toBe(false);

    const expired = performance.now();
    third.clock.advance(60_000);
    const closed = await idleSocket.closed;
    console.log(
      `[session end] idle expiry (sweep every 100 ms): socket closed ${closed.code} ` +
        `${(closed.at - expired).toFixed(1)} ms after the session expired`,
    );
    expect(closed).toMatchObject({ code: 4401, reason: 'session ended' });
    expect(closed.at - expired).toBeLessThan(2000);
    // The sweep deleted the expired session.
    expect(
      (await first.db.query('SELECT 1 FROM sessions WHERE user_id = $1', [idle.userId])).rowCount,
    ).toBe(0);
    expect(await closesWithin(busySocket, 400)).toBe(false);
    busySocket.ws.close();
  });

  it(`refuses a user's socket beyond ${MAX_SOCKETS_PER_USER} on one instance; the others stay open`, async () => {
    const clinic = await buildClinic(first.db);
    const doctor = await buildStaff(first.db, clinic.id);
    const cookie = await sessionCookie(second, doctor.userId);
    const sockets: OpenSocket[] = [];
    for (let i = 0; i < MAX_SOCKETS_PER_USER; i++) sockets.push(await openSocket(second, cookie));
    await expect(openSocket(second, cookie)).rejects.toThrow('upgrade refused: 429');
    // Another session of the same user counts towards the same bound.
    await expect(openSocket(second, await sessionCookie(second, doctor.userId))).rejects.toThrow(
      'upgrade refused: 429',
    );
    // Someone else is not affected.
    const colleague = await buildStaff(first.db, clinic.id);
    const theirs = await openSocket(second, await sessionCookie(second, colleague.userId));

    for (const socket of sockets) {
      socket.ws.send(JSON.stringify({ type: 'ping' }));
      expect(await socket.next('pong')).toEqual({ type: 'pong' });
      expect(socket.ws.readyState).toBe(WebSocket.OPEN);
    }
    // A closed socket frees its place at once.
    sockets.pop()!.ws.close();
    await new Promise((r) => setTimeout(r, 100));
    sockets.push(await openSocket(second, cookie));
    for (const socket of [...sockets, theirs]) socket.ws.close();
  });

  it('a workspace stops getting the rooms of a practitioner role taken away, at the next sweep', async () => {
    const clinic = await buildClinic(first.db);
    const doctor = await buildStaff(first.db, clinic.id, {
      roles: ['admin', 'practitioner'],
      hours: [[[1, 2, 3, 4, 5, 6, 7], '00:00', '24:00']],
    });
    const type = await buildAppointmentType(first.db, clinic.id, [doctor.practitionerId!], {
      modality: 'video',
    });
    const patient = await buildUser(first.db, { name: 'Pasient Vakt' });
    const booked = async (minutes: number) =>
      (
        await buildAppointment(first.db, {
          clinicId: clinic.id,
          practitionerId: doctor.practitionerId!,
          patientId: patient.id,
          typeId: type.id,
          start: new Date(Date.parse(NOW) + minutes * 60_000).toISOString(),
        })
      ).id;
    const [before, after] = [await booked(-10), await booked(5)];
    const patientBrowser = await signInAs(first, patient.id, 'code_email');
    const workspace = await openSocket(third, await sessionCookie(third, doctor.userId));
    workspace.ws.send(JSON.stringify({ type: 'ping' }));
    await workspace.next('pong');
    workspace.ws.send(JSON.stringify({ type: 'watch' }));
    workspace.ws.send(JSON.stringify({ type: 'ping' }));
    await workspace.next('pong');

    // The control: while a practitioner, the patient's start reaches the workspace.
    expect((await patientBrowser.post(`/api/v1/appointments/${before}/video/start`)).status).toBe(
      200,
    );
    expect((await workspace.next('room')).appointmentId).toBe(before);

    const doctorBrowser = await signInAs(first, doctor.userId);
    const demoted = await doctorBrowser.patch(
      `/api/v1/admin/clinics/${clinic.id}/staff/${doctor.userId}`,
      { roles: ['admin'] },
    );
    expect(demoted.status).toBe(200);
    await new Promise((r) => setTimeout(r, 400));
    expect((await patientBrowser.post(`/api/v1/appointments/${after}/video/start`)).status).toBe(
      200,
    );
    const late = await Promise.race([
      workspace.next('room'),
      new Promise((r) => setTimeout(() => r(null), 500)),
    ]);
    expect(late).toBeNull();
    // Still an administrator with a live session: the socket itself stays open.
    expect(workspace.ws.readyState).toBe(WebSocket.OPEN);
    workspace.ws.close();
  });

  it('takes people out of a call they may no longer be in, at the next sweep', async () => {
    const clinic = await buildClinic(first.db);
    const admin = await buildStaff(first.db, clinic.id, { roles: ['admin'] });
    const doctor = await buildStaff(first.db, clinic.id, {
      hours: [[[1, 2, 3, 4, 5, 6, 7], '00:00', '24:00']],
    });
    const type = await buildAppointmentType(first.db, clinic.id, [doctor.practitionerId!], {
      modality: 'video',
    });
    const patient = await buildUser(first.db, { name: 'Pasient Samtale' });
    const patientBrowser = await signInAs(first, patient.id, 'code_email');
    const doctorBrowser = await signInAs(first, doctor.userId);
    const adminBrowser = await signInAs(first, admin.userId);

    /** Both in the call on `third` (which sweeps every 100 ms); the appointment starts at +m. */
    const inCall = async (minutes: number) => {
      const { id } = await buildAppointment(first.db, {
        clinicId: clinic.id,
        practitionerId: doctor.practitionerId!,
        patientId: patient.id,
        typeId: type.id,
        start: new Date(Date.parse(NOW) + minutes * 60_000).toISOString(),
      });
      expect((await patientBrowser.post(`/api/v1/appointments/${id}/video/start`)).status).toBe(
        200,
      );
      expect((await doctorBrowser.post(`/api/v1/staff/appointments/${id}/video/join`)).status).toBe(
        200,
      );
      const join = async (cookie: string) => {
        const socket = await openSocket(third, cookie);
        socket.ws.send(
          JSON.stringify({
            type: 'join',
            appointmentId: id,
            sessionId: `s${Date.now()}x`,
            mic: true,
            camera: true,
          }),
        );
        expect((await socket.next('joined')).appointmentId).toBe(id);
        return socket;
      };
      const patientSocket = await join(await sessionCookie(third, patient.id, false));
      const doctorSocket = await join(await sessionCookie(third, doctor.userId));
      await patientSocket.next('peer');
      return { id, patientSocket, doctorSocket };
    };
    const offer = (id: string, sdp: string) =>
      JSON.stringify({ type: 'signal', appointmentId: id, description: { type: 'offer', sdp } });
    const nothingWithin = (socket: OpenSocket, type: string, ms: number) =>
      Promise.race([
        socket.next(type).then(() => false),
        new Promise((r) => setTimeout(() => r(true), ms)),
      ]);

    // The appointment cancelled mid-call: both are taken out, nothing is relayed any more.
    const cancelled = await inCall(-10);
    cancelled.patientSocket.ws.send(offer(cancelled.id, 'v=0 before'));
    expect((await cancelled.doctorSocket.next('signal')).description.sdp).toBe('v=0 before');
    const cancel = await doctorBrowser.post(`/api/v1/staff/appointments/${cancelled.id}/cancel`, {
      message: 'Avlyst',
    });
    expect(cancel.status).toBe(200);
    expect(await cancelled.patientSocket.next('error')).toMatchObject({
      code: 'not_allowed',
      appointmentId: cancelled.id,
    });
    expect((await cancelled.doctorSocket.next('error')).code).toBe('not_allowed');
    cancelled.patientSocket.ws.send(offer(cancelled.id, 'v=0 after'));
    expect((await cancelled.patientSocket.next('error')).code).toBe('not_found');
    expect(await nothingWithin(cancelled.doctorSocket, 'signal', 300)).toBe(true);

    // The practitioner role taken away mid-call: the practitioner is taken out, the patient sees
    // them gone for good and stays, waiting, in a room that is still theirs.
    const demoted = await inCall(5);
    const change = await adminBrowser.patch(
      `/api/v1/admin/clinics/${clinic.id}/staff/${doctor.userId}`,
      { roles: ['admin'] },
    );
    expect(change.status, JSON.stringify(change.body)).toBe(200);
    expect(await demoted.doctorSocket.next('error')).toMatchObject({
      code: 'not_allowed',
      appointmentId: demoted.id,
    });
    // Gone for good: the patient's page closes its connection to them and waits again.
    expect((await demoted.patientSocket.next('peer')).peer.presence).toBe('left');
    demoted.patientSocket.ws.send(offer(demoted.id, 'v=0 after the role'));
    expect(await nothingWithin(demoted.doctorSocket, 'signal', 300)).toBe(true);
    expect(demoted.patientSocket.ws.readyState).toBe(WebSocket.OPEN);

    for (const socket of [cancelled, demoted].flatMap((c) => [c.patientSocket, c.doctorSocket]))
      socket.ws.close();
  });
});
