import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Instant } from '@visitt/domain';
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
import { markNoShows } from '../jobs/no-show';
import { createPgSignalBus } from './bus';

/**
 * Bookings, moves, cancellations and marks reach the watching workspaces and calendars of the
 * appointment's practitioner on every instance, as `appointments_changed` with no personal data.
 * The patient and the clinic act on `first`; the workspaces are open on `second`.
 */

// Monday 30 November 2026, 10:00 in Oslo.
const NOW = '2026-11-30T09:00:00Z';
let first: TestApp;
let second: TestApp;
beforeAll(async () => {
  first = await startTestApp({ now: NOW, signalingSweepMs: 60_000 });
  second = await startTestApp({ now: NOW, shareDatabaseWith: first, signalingSweepMs: 60_000 });
});
afterAll(async () => {
  await second?.close();
  await first?.close();
});

interface OpenSocket {
  ws: WebSocket;
  /** Everything received so far. */
  inbox: { type: string }[];
  /** The next message of this type, or an error after `ms`. */
  next(type: string, ms?: number): Promise<Record<string, unknown>>;
}

function openSocket(app: TestApp, cookie: string): Promise<OpenSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${app.baseUrl.replace('http', 'ws')}/api/v1/signaling`, {
      headers: { origin: app.origin, cookie },
    });
    const inbox: { type: string }[] = [];
    const unread: Record<string, unknown>[] = [];
    const waiting: [string, (m: Record<string, unknown>) => void][] = [];
    ws.on('message', (data) => {
      const message = JSON.parse((data as Buffer).toString('utf8')) as { type: string };
      inbox.push(message);
      const i = waiting.findIndex(([type]) => type === message.type);
      if (i >= 0) waiting.splice(i, 1)[0]![1](message);
      else unread.push(message);
    });
    const next = (type: string, ms = 3000) => {
      const i = unread.findIndex((m) => m.type === type);
      if (i >= 0) return Promise.resolve(unread.splice(i, 1)[0]!);
      return new Promise<Record<string, unknown>>((done, fail) => {
        const timer = setTimeout(() => fail(new Error(`no ${type} within ${ms} ms`)), ms);
        waiting.push([
          type,
          (m) => {
            clearTimeout(timer);
            done(m);
          },
        ]);
      });
    };
    ws.once('open', () => resolve({ ws, inbox, next }));
    ws.once('error', reject);
  });
}

/** Opens a socket for the staff member on `app` and watches; resolves once the watch is in place. */
async function watchingSocket(app: TestApp, userId: string): Promise<OpenSocket> {
  const socket = await openSocket(app, await sessionCookieFor(app, userId));
  socket.ws.send(JSON.stringify({ type: 'watch' }));
  // Messages are handled in order: the pong means the watch before it is registered.
  socket.ws.send(JSON.stringify({ type: 'ping' }));
  await socket.next('pong');
  return socket;
}

describe('appointments_changed on the bus', () => {
  it("reaches the practitioner's watching sockets on another instance, and nobody else", async () => {
    const clinic = await buildClinic(first.db);
    const doctor = await buildStaff(first.db, clinic.id);
    const colleague = await buildStaff(first.db, clinic.id);
    const type = await buildAppointmentType(
      first.db,
      clinic.id,
      [doctor.practitionerId!, colleague.practitionerId!],
      { cancelDeadline: 0 },
    );
    const workspace = await watchingSocket(second, doctor.userId);
    const calendar = await watchingSocket(first, doctor.userId);
    const theirs = await watchingSocket(second, colleague.userId);
    // A socket of the doctor that does not watch (a video call) is not told either.
    const call = await openSocket(second, await sessionCookieFor(second, doctor.userId));

    const patient = new Browser(first);
    await signInWithCode(patient, first.db, 'live-booking@example.com');
    const booked = await patient.post('/api/v1/appointments', {
      practitionerId: doctor.practitionerId,
      appointmentTypeId: type.id,
      start: '2026-11-30T13:00:00+01:00',
    });
    expect(booked.status).toBe(201);
    const id = (booked.body as { id: string }).id;
    const changed = (appointmentId: string) => ({
      type: 'appointments_changed',
      practitionerId: doctor.practitionerId,
      appointmentId,
    });
    const expected = changed(id);
    expect(await workspace.next('appointments_changed')).toEqual(expected);
    expect(await calendar.next('appointments_changed')).toEqual(expected);

    const clinicSide = await signInAs(first, doctor.userId);
    const moved = await clinicSide.post(`/api/v1/staff/appointments/${id}/move`, {
      start: '2026-11-30T14:00:00+01:00',
    });
    expect(moved.status).toBe(200);
    expect(await workspace.next('appointments_changed')).toEqual(expected);

    const cancelled = await patient.post(`/api/v1/appointments/${id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(await workspace.next('appointments_changed')).toEqual(expected);

    const again = await patient.post('/api/v1/appointments', {
      practitionerId: doctor.practitionerId,
      appointmentTypeId: type.id,
      start: '2026-11-30T15:00:00+01:00',
    });
    expect(again.status).toBe(201);
    const againId = (again.body as { id: string }).id;
    expect(await workspace.next('appointments_changed')).toEqual(changed(againId));
    const byClinic = await clinicSide.post(`/api/v1/staff/appointments/${againId}/cancel`, {
      message: 'Legen er syk.',
    });
    expect(byClinic.status).toBe(200);
    expect(await workspace.next('appointments_changed')).toEqual(changed(againId));

    // Absence is shown by order. The colleague's workspace is told of a change of theirs, made
    // after all of the above: the bus delivers in order, so it is the first it hears of.
    const colleagues = await patient.post('/api/v1/appointments', {
      practitionerId: colleague.practitionerId,
      appointmentTypeId: type.id,
      start: '2026-11-30T13:00:00+01:00',
    });
    expect(colleagues.status).toBe(201);
    const colleaguesChange = {
      type: 'appointments_changed',
      practitionerId: colleague.practitionerId,
      appointmentId: (colleagues.body as { id: string }).id,
    };
    expect(await theirs.next('appointments_changed')).toEqual(colleaguesChange);
    expect(theirs.inbox.filter((m) => m.type === 'appointments_changed')).toEqual([
      colleaguesChange,
    ]);
    // The call socket is on the same instance as `workspace`, which has had every change by now:
    // whatever was delivered to the call socket went out before the answer to this ping.
    call.ws.send(JSON.stringify({ type: 'ping' }));
    await call.next('pong');
    expect(call.inbox).toEqual([{ type: 'pong' }]);
    for (const socket of [workspace, calendar, theirs, call]) socket.ws.close();
  });

  it('a refused booking announces nothing', async () => {
    const clinic = await buildClinic(first.db);
    const doctor = await buildStaff(first.db, clinic.id);
    const type = await buildAppointmentType(first.db, clinic.id, [doctor.practitionerId!]);
    const workspace = await watchingSocket(second, doctor.userId);
    const patient = new Browser(first);
    await signInWithCode(patient, first.db, 'live-refused@example.com');
    // Saturday: the doctor does not work.
    const refused = await patient.post('/api/v1/appointments', {
      practitionerId: doctor.practitionerId,
      appointmentTypeId: type.id,
      start: '2026-12-05T13:00:00+01:00',
    });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ error: 'slot_unavailable' });
    // A booking made after it is the first change the workspace hears of.
    const booked = await patient.post('/api/v1/appointments', {
      practitionerId: doctor.practitionerId,
      appointmentTypeId: type.id,
      start: '2026-11-30T13:00:00+01:00',
    });
    expect(booked.status).toBe(201);
    const change = {
      type: 'appointments_changed',
      practitionerId: doctor.practitionerId,
      appointmentId: (booked.body as { id: string }).id,
    };
    expect(await workspace.next('appointments_changed')).toEqual(change);
    expect(workspace.inbox.filter((m) => m.type === 'appointments_changed')).toEqual([change]);
    workspace.ws.close();
  });

  it("an automatic no-show mark reaches the practitioner's workspaces", async () => {
    const clinic = await buildClinic(first.db);
    const doctor = await buildStaff(first.db, clinic.id);
    const type = await buildAppointmentType(first.db, clinic.id, [doctor.practitionerId!]);
    // A video appointment nobody came to: its window closed at 09:00 Oslo, an hour ago.
    const missed = await buildAppointment(first.db, {
      clinicId: clinic.id,
      practitionerId: doctor.practitionerId!,
      patientId: (await buildUser(first.db)).id,
      typeId: type.id,
      start: '2026-11-30T06:00:00Z',
    });
    const workspace = await watchingSocket(second, doctor.userId);
    // The job runs on one instance and publishes on the bus like any other.
    const jobBus = await createPgSignalBus(first.db, first.databaseUrl);
    try {
      expect(await markNoShows(first.db, jobBus, Date.parse(NOW) as Instant)).toBe(1);
    } finally {
      await jobBus.close();
    }
    expect(await workspace.next('appointments_changed')).toEqual({
      type: 'appointments_changed',
      practitionerId: doctor.practitionerId,
      appointmentId: missed.id,
    });
    workspace.ws.close();
  });
});
