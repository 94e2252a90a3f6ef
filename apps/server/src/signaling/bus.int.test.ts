import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  buildAppointmentType,
  buildClinic,
  buildMembership,
  buildPractitioner,
  buildUser,
} from '../../test/factories';
import { Browser, signInWithCode, startTestApp, type TestApp } from '../../test/harness';
import { signInStaff } from '../auth/testing/staff';
import { splitUtf8 } from './bus';

let first: TestApp;
let second: TestApp;
beforeAll(async () => {
  first = await startTestApp({ now: '2026-11-30T09:00:00Z' });
  second = await startTestApp({ now: '2026-11-30T09:00:00Z', shareDatabaseWith: first });
});
afterAll(async () => {
  await second.close();
  await first.close();
});

function openSocket(
  app: TestApp,
  browser: Browser,
): Promise<{ ws: WebSocket; next: (type: string) => Promise<any> }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${app.baseUrl.replace('http', 'ws')}/api/v1/signaling`, {
      headers: { origin: app.origin, cookie: browser.cookieHeader! },
    });
    const inbox: any[] = [];
    const waiting: [string, (m: any) => void][] = [];
    ws.on('message', (data) => {
      const message = JSON.parse((data as Buffer).toString('utf8'));
      const i = waiting.findIndex(([type]) => type === message.type);
      if (i >= 0) waiting.splice(i, 1)[0]![1](message);
      else inbox.push(message);
    });
    const next = (type: string) => {
      const i = inbox.findIndex((m) => m.type === type);
      if (i >= 0) return Promise.resolve(inbox.splice(i, 1)[0]);
      return new Promise((r) => waiting.push([type, r]));
    };
    ws.once('open', () => resolve({ ws, next }));
    ws.once('error', reject);
  });
}

describe('two server instances on one database', () => {
  it('relay signaling between a patient on one and a practitioner on the other', async () => {
    const clinic = await buildClinic(first.db);
    const doctorUser = await buildUser(first.db, {
      email: 'bus-doctor@example.com',
      password: 'doctor password',
    });
    await buildMembership(first.db, clinic.id, doctorUser.id);
    const practitioner = await buildPractitioner(first.db, clinic.id, { userId: doctorUser.id });
    const type = await buildAppointmentType(first.db, clinic.id, [practitioner.id]);
    const patient = new Browser(first);
    await signInWithCode(patient, first.db, 'bus-patient@example.com');
    const booked = await patient.post('/api/v1/appointments', {
      practitionerId: practitioner.id,
      appointmentTypeId: type.id,
      start: '2026-11-30T10:00:00+01:00',
    });
    const appointmentId = booked.body.id as string;
    const doctor = new Browser(second);
    await signInStaff(second, doctor, {
      email: 'bus-doctor@example.com',
      password: 'doctor password',
    });

    // The workspace on instance two hears of a start on instance one.
    const workspace = await openSocket(second, doctor);
    workspace.ws.send(JSON.stringify({ type: 'watch' }));
    await new Promise((r) => setTimeout(r, 50));
    expect((await patient.post(`/api/v1/appointments/${appointmentId}/video/start`)).status).toBe(
      200,
    );
    expect(await workspace.next('room')).toMatchObject({ appointmentId, patient: 'waiting' });

    const p = await openSocket(first, patient);
    p.ws.send(
      JSON.stringify({
        type: 'join',
        appointmentId,
        sessionId: 'bus-patient-1',
        mic: true,
        camera: true,
      }),
    );
    await p.next('joined');
    expect(
      (await doctor.post(`/api/v1/staff/appointments/${appointmentId}/video/join`)).status,
    ).toBe(200);
    const d = await openSocket(second, doctor);
    d.ws.send(
      JSON.stringify({
        type: 'join',
        appointmentId,
        sessionId: 'bus-doctor-1',
        mic: true,
        camera: true,
      }),
    );
    expect(await d.next('joined')).toMatchObject({ peer: { presence: 'in_call' } });
    expect(await p.next('peer')).toMatchObject({
      peer: { role: 'practitioner', presence: 'in_call' },
    });

    const sdp = `v=0\r\n${'a=ø'.repeat(6000)}\r\n`; // multi-byte, several parts
    d.ws.send(
      JSON.stringify({ type: 'signal', appointmentId, description: { type: 'offer', sdp } }),
    );
    expect((await p.next('signal')).description.sdp).toBe(sdp);
    p.ws.send(
      JSON.stringify({
        type: 'signal',
        appointmentId,
        description: { type: 'answer', sdp: 'v=0' },
      }),
    );
    expect((await d.next('signal')).description).toEqual({ type: 'answer', sdp: 'v=0' });
    for (const s of [p, d, workspace]) s.ws.close();
  });
});

describe('splitUtf8', () => {
  it('never splits a character and keeps every piece within the limit', () => {
    const text = 'aøå€😀'.repeat(1000);
    const pieces = splitUtf8(text, 7);
    expect(pieces.join('')).toBe(text);
    for (const piece of pieces) expect(Buffer.byteLength(piece)).toBeLessThanOrEqual(7);
  });
});
