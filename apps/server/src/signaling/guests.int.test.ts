import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  buildAppointmentType,
  buildClinic,
  buildMembership,
  buildPractitioner,
  buildUser,
} from '../../test/factories';
import { Browser, signInWithCode, startTestApp, type TestApp } from '../../test/harness';
import { Socket } from '../../test/signaling-socket';
import { signInStaff } from '../auth/testing/staff';

let app: TestApp;
// Monday 30 November 2026, 10:00 in Oslo: the appointment's start.
const START = '2026-11-30T09:00:00Z';
beforeAll(async () => {
  // The sockets' links and sessions are checked again every 200 ms.
  app = await startTestApp({ now: START, signalingSweepMs: 200 });
});
beforeEach(() => app.clock.set(START));
afterAll(() => app.close());

let n = 0;
const opened: Socket[] = [];
const open = async (browser: Browser) => {
  const socket = await Socket.open(app, browser);
  opened.push(socket);
  return socket;
};
afterAll(() => opened.forEach((s) => s.close()));

/** A consultation in progress: the patient and the practitioner in the call. */
async function callInProgress() {
  const clinic = await buildClinic(app.db);
  const doctorUser = await buildUser(app.db, {
    email: `guest-call-doctor-${++n}@example.com`,
    password: 'doctor password',
    name: 'Lege',
  });
  await buildMembership(app.db, clinic.id, doctorUser.id, ['practitioner']);
  const practitioner = await buildPractitioner(app.db, clinic.id, {
    userId: doctorUser.id,
    name: 'Dr. Lege',
    hours: [[[1, 2, 3, 4, 5, 6, 7], '00:00', '24:00']],
  });
  const type = await buildAppointmentType(app.db, clinic.id, [practitioner.id], {
    modality: 'video',
    cancelDeadline: 0,
  });
  const patient = new Browser(app);
  await signInWithCode(patient, app.db, `guest-call-patient-${n}@example.com`);
  const booked = await patient.post('/api/v1/appointments', {
    practitionerId: practitioner.id,
    appointmentTypeId: type.id,
    start: '2026-11-30T10:00:00+01:00',
  });
  const id = booked.body.id as string;
  const doctor = new Browser(app);
  await signInStaff(app, doctor, { email: doctorUser.email, password: 'doctor password' });
  expect((await patient.post(`/api/v1/appointments/${id}/video/start`)).status).toBe(200);
  const p = await open(patient);
  p.send({
    type: 'join',
    appointmentId: id,
    sessionId: `patient-${n}-page`,
    mic: true,
    camera: true,
  });
  await p.next((m) => m.type === 'joined');
  expect((await doctor.post(`/api/v1/staff/appointments/${id}/video/join`)).status).toBe(200);
  const d = await open(doctor);
  d.send({
    type: 'join',
    appointmentId: id,
    sessionId: `doctor-${n}-page`,
    mic: true,
    camera: true,
  });
  await d.next((m) => m.type === 'joined');

  /** Invites a guest, opens their link in a browser of their own and brings them into the room. */
  const guestArrives = async (name: string, role: string) => {
    const invited = await doctor.post(`/api/v1/staff/appointments/${id}/guests`, { name, role });
    expect(invited.status).toBe(201);
    const browser = new Browser(app);
    const token = (invited.body.link as string).split('#')[1];
    expect((await browser.post('/api/v1/guest/link', { token })).status).toBe(200);
    const socket = await open(browser);
    const sessionId = `guest-${invited.body.id.slice(0, 8)}-page`;
    socket.send({ type: 'join', appointmentId: id, sessionId, mic: true, camera: true });
    return { id: invited.body.id as string, browser, socket, sessionId, token };
  };
  const admit = (guestId: string) =>
    doctor.post(`/api/v1/staff/appointments/${id}/guests/${guestId}/admit`);
  return { id, patient, doctor, p, d, guestArrives, admit };
}

/** The latest participants list a socket got (seat, role, name, presence, let in). */
const listOf = async (socket: Socket, match: (list: any[]) => boolean) => {
  const message = await socket.next((m) => m.type === 'participants' && match(m.participants));
  return (message.participants as any[]).map((p) => [p.role, p.name, p.presence, p.admitted]);
};

describe('guests in the call', () => {
  it('wait unseen by the call until let in; then everyone sees them and they signal everyone', async () => {
    const { id, p, d, guestArrives, admit } = await callInProgress();
    const guest = await guestArrives('Amir Tolk', 'interpreter');
    expect(await guest.socket.next((m) => m.type === 'lobby')).toEqual({
      type: 'lobby',
      appointmentId: id,
      seat: guest.id,
    });
    // The practitioner (and the patient) see who waits to be let in.
    expect(await listOf(d, (l) => l.length === 3)).toEqual([
      ['patient', expect.any(String), 'in_call', true],
      ['practitioner', 'Dr. Lege', 'in_call', true],
      ['interpreter', 'Amir Tolk', 'waiting', false],
    ]);
    await listOf(p, (l) => l.length === 3);
    // Not let in: they talk to nobody, and hear nothing of the call.
    guest.socket.send({ type: 'signal', appointmentId: id, seat: 'patient', candidate: null });
    expect(await guest.socket.next((m) => m.type === 'error')).toMatchObject({ code: 'not_found' });
    p.send({ type: 'signal', appointmentId: id, seat: guest.id, candidate: null });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(guest.socket.received.filter((m) => m.type !== 'lobby')).toEqual([]);

    expect((await admit(guest.id)).body).toMatchObject({ presence: 'in_call', admitted: true });
    const seen = await listOf(guest.socket, (l) =>
      l.some((x) => x.admitted && x.role === 'interpreter'),
    );
    expect(seen).toEqual([
      ['patient', expect.any(String), 'in_call', true],
      ['practitioner', 'Dr. Lege', 'in_call', true],
      ['interpreter', 'Amir Tolk', 'in_call', true],
    ]);
    await listOf(p, (l) => l.some((x) => x.admitted && x.role === 'interpreter'));

    // Each pair has a connection of its own: signals go to one seat, and say whose they are.
    guest.socket.send({
      type: 'signal',
      appointmentId: id,
      seat: 'patient',
      description: { type: 'offer', sdp: 'v=0 guest to patient' },
    });
    expect(await p.next((m) => m.type === 'signal' && m.fromSeat === guest.id)).toMatchObject({
      from: guest.sessionId,
      description: { sdp: 'v=0 guest to patient' },
    });
    p.send({
      type: 'signal',
      appointmentId: id,
      seat: guest.id,
      description: { type: 'answer', sdp: 'v=0 patient to guest' },
    });
    expect(await guest.socket.next((m) => m.type === 'signal')).toMatchObject({
      fromSeat: 'patient',
      description: { sdp: 'v=0 patient to guest' },
    });
    // The practitioner gets none of the signals between the patient and the guest.
    expect(d.received.filter((m) => m.type === 'signal')).toEqual([]);
    // Without a seat a guest's signal has nowhere to go.
    guest.socket.send({ type: 'signal', appointmentId: id, candidate: null });
    expect(await guest.socket.next((m) => m.type === 'error')).toMatchObject({
      code: 'bad_message',
    });

    // Microphone off: everyone's list says so.
    guest.socket.send({ type: 'media', appointmentId: id, mic: false, camera: true });
    const muted = await d.next(
      (m) =>
        m.type === 'participants' && m.participants.some((x: any) => x.seat === guest.id && !x.mic),
    );
    expect(muted.participants.find((x: any) => x.seat === guest.id)).toMatchObject({ mic: false });

    // The guest's socket drops: reconnecting, and back in the call without being let in again.
    guest.socket.close();
    await listOf(d, (l) => l.some((x) => x.seat === guest.id && x.presence === 'reconnecting'));
    const again = await open(guest.browser);
    again.send({
      type: 'join',
      appointmentId: id,
      sessionId: guest.sessionId,
      mic: false,
      camera: true,
    });
    expect(
      await listOf(again, (l) =>
        l.some((x) => x.role === 'interpreter' && x.presence === 'in_call'),
      ),
    ).toContainEqual(['interpreter', 'Amir Tolk', 'in_call', true]);
    expect(again.received.filter((m) => m.type === 'lobby')).toEqual([]);

    // Leaving on purpose: out of the list; coming back, they wait to be let in anew.
    again.send({ type: 'hang_up', appointmentId: id });
    await listOf(d, (l) => l.length === 2);
    const third = await open(guest.browser);
    third.send({
      type: 'join',
      appointmentId: id,
      sessionId: 'guest-come-back',
      mic: true,
      camera: true,
    });
    await third.next((m) => m.type === 'lobby');
    // The call went on for the others.
    expect(d.received.filter((m) => m.type === 'ended')).toEqual([]);
  });

  it('a removed guest is out at once and for good; the end of the consultation ends it for every guest', async () => {
    const { id, p, d, doctor, guestArrives, admit } = await callInProgress();
    const relative = await guestArrives('Kari Nordmann', 'relative');
    await relative.socket.next((m) => m.type === 'lobby');
    const colleague = await guestArrives('Dr. To', 'clinician');
    await colleague.socket.next((m) => m.type === 'lobby');
    expect((await admit(relative.id)).status).toBe(200);
    expect((await admit(colleague.id)).status).toBe(200);
    await listOf(p, (l) => l.filter((x) => x.admitted).length === 4);

    const removed = await doctor.request(
      'DELETE',
      `/api/v1/staff/appointments/${id}/guests/${relative.id}`,
    );
    expect(removed.body).toMatchObject({ presence: 'left', removedAt: expect.any(String) });
    expect(await relative.socket.next((m) => m.type === 'guest_revoked')).toEqual({
      type: 'guest_revoked',
      appointmentId: id,
      guestId: relative.id,
      removed: true,
    });
    expect(
      await listOf(p, (l) => l.length === 3 && l.every((x) => x.name !== 'Kari Nordmann')),
    ).toEqual([
      ['patient', expect.any(String), 'in_call', true],
      ['practitioner', 'Dr. Lege', 'in_call', true],
      ['clinician', 'Dr. To', 'in_call', true],
    ]);
    // Their socket signals nothing more, and the link does not bring them back.
    relative.socket.send({ type: 'signal', appointmentId: id, seat: 'patient', candidate: null });
    expect(await relative.socket.next((m) => m.type === 'error')).toMatchObject({
      code: 'not_found',
    });
    expect(
      (await relative.browser.post('/api/v1/guest/link', { token: relative.token })).body.error,
    ).toBe('guest_removed');
    expect(
      (await new Browser(app).post('/api/v1/guest/link', { token: relative.token })).body.error,
    ).toBe('guest_removed');

    // The practitioner ends the consultation: every guest's call ends too.
    d.send({ type: 'hang_up', appointmentId: id });
    expect(await colleague.socket.next((m) => m.type === 'ended')).toMatchObject({
      by: 'practitioner',
    });
    await p.next((m) => m.type === 'ended');
    const guests = await app.db.query(
      'SELECT name, presence, admitted_at, joined_at IS NOT NULL AS joined, left_at IS NOT NULL AS left FROM appointment_guests WHERE appointment_id = $1 ORDER BY name',
      [id],
    );
    expect(guests.rows).toEqual([
      { name: 'Dr. To', presence: 'left', admitted_at: null, joined: true, left: true },
      { name: 'Kari Nordmann', presence: 'left', admitted_at: null, joined: true, left: true },
    ]);
  });

  it('a guest’s socket reaches only its own link’s room, and only while the link works', async () => {
    const { id, doctor, guestArrives } = await callInProgress();
    const other = await callInProgress();
    const guest = await guestArrives('Amir Tolk', 'interpreter');
    await guest.socket.next((m) => m.type === 'lobby');
    const elsewhere = await open(guest.browser);
    elsewhere.send({
      type: 'join',
      appointmentId: other.id,
      sessionId: 'guest-elsewhere',
      mic: true,
      camera: true,
    });
    expect(await elsewhere.next((m) => m.type === 'error')).toMatchObject({ code: 'not_found' });
    elsewhere.send({ type: 'watch' });
    expect(await elsewhere.next((m) => m.type === 'error')).toMatchObject({ code: 'not_allowed' });
    elsewhere.send({ type: 'stand_by', appointmentId: id, sessionId: 'guest-standby' });
    expect(await elsewhere.next((m) => m.type === 'error')).toMatchObject({ code: 'not_allowed' });
    // The practitioner of another consultation cannot let this guest in.
    expect(
      (await other.doctor.post(`/api/v1/staff/appointments/${id}/guests/${guest.id}/admit`)).status,
    ).toBe(404);

    // Revoked (never let in): the socket is closed at the next check, and opens no more.
    expect(
      (await doctor.request('DELETE', `/api/v1/staff/appointments/${id}/guests/${guest.id}`)).body
        .removedAt,
    ).not.toBeNull();
    await new Promise<void>((resolve) => {
      if (elsewhere.ws.readyState === elsewhere.ws.CLOSED) resolve();
      else elsewhere.ws.once('close', () => resolve());
    });
    await expect(Socket.open(app, guest.browser)).rejects.toThrow('HTTP 401');
  });
});

describe('guest links and browsers (what an attacker would try)', () => {
  it('a browser taking the link over puts the one that held it out of the call at once', async () => {
    const { id, d, guestArrives, admit } = await callInProgress();
    const guest = await guestArrives('Amir Tolk', 'interpreter');
    await guest.socket.next((m) => m.type === 'lobby');
    await admit(guest.id);
    await listOf(d, (l) => l.some((x) => x.seat === guest.id && x.admitted));
    // A minute without a word from the first browser (its heartbeat neither): another takes it.
    app.clock.set('2026-11-30T09:01:01Z');
    const thief = new Browser(app);
    expect((await thief.post('/api/v1/guest/link', { token: guest.token })).status).toBe(200);
    // Everyone's list at once: the guest is not in the call any more.
    await listOf(d, (l) => l.every((x) => x.seat !== guest.id));
    // The old page is no longer let in: it signals nobody and hears nothing more of the call.
    guest.socket.send({ type: 'signal', appointmentId: id, seat: 'patient', candidate: null });
    expect(await guest.socket.next((m) => m.type === 'error')).toMatchObject({ code: 'not_found' });
    // The new browser waits to be let in like a newcomer.
    const socket = await open(thief);
    socket.send({
      type: 'join',
      appointmentId: id,
      sessionId: 'thief-page-1',
      mic: true,
      camera: true,
    });
    await socket.next((m) => m.type === 'lobby');
    const audit = await app.db.query(
      `SELECT actor_role, actor_user_id, details FROM audit_log
        WHERE entity_id = $1 AND action = 'guest.open' ORDER BY id`,
      [id],
    );
    expect(audit.rows).toEqual([
      { actor_role: 'guest', actor_user_id: null, details: { guestId: guest.id, browser: 'new' } },
      {
        actor_role: 'guest',
        actor_user_id: null,
        details: { guestId: guest.id, browser: 'new', replaced: true },
      },
    ]);
  });

  it('when the room closes, a guest in the call leaves it for everyone', async () => {
    const { d, guestArrives, admit } = await callInProgress();
    const guest = await guestArrives('Amir Tolk', 'interpreter');
    await guest.socket.next((m) => m.type === 'lobby');
    await admit(guest.id);
    await listOf(d, (l) => l.some((x) => x.seat === guest.id && x.admitted));
    app.clock.set('2026-11-30T11:00:01Z');
    await listOf(d, (l) => l.every((x) => x.seat !== guest.id));
    await new Promise<void>((resolve) => {
      if (guest.socket.ws.readyState === guest.socket.ws.CLOSED) resolve();
      else guest.socket.ws.once('close', () => resolve());
    });
  });

  it('a browser signed in (staff elsewhere) and holding a guest link joins as the guest', async () => {
    const { id, doctor: otherDoctor } = await callInProgress();
    const { id: theirs, d, doctor, guestArrives } = await callInProgress();
    void id;
    const invited = await doctor.post(`/api/v1/staff/appointments/${theirs}/guests`, {
      name: 'Dr. Kollega',
      role: 'clinician',
    });
    const guestBrowser = new Browser(app);
    const token = (invited.body.link as string).split('#')[1];
    expect((await guestBrowser.post('/api/v1/guest/link', { token })).status).toBe(200);
    // One browser with both cookies: the colleague's staff session and the guest link.
    const both = {
      cookieHeader: `${otherDoctor.cookieHeader}; ${guestBrowser.cookieHeader}`,
    } as Browser;
    const socket = await open(both);
    socket.send({
      type: 'join',
      appointmentId: theirs,
      sessionId: 'colleague-page',
      mic: true,
      camera: true,
    });
    expect(await socket.next((m) => m.type === 'lobby')).toMatchObject({ seat: invited.body.id });
    await listOf(d, (l) => l.some((x) => x.name === 'Dr. Kollega' && x.presence === 'waiting'));
    // A waiting guest hears nothing of another guest being taken out.
    const other = await guestArrives('Kari', 'relative');
    await other.socket.next((m) => m.type === 'lobby');
    await doctor.request('DELETE', `/api/v1/staff/appointments/${theirs}/guests/${other.id}`);
    await other.socket.next((m) => m.type === 'guest_revoked');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(socket.received.filter((m) => m.type === 'guest_revoked')).toEqual([]);
  });
});
