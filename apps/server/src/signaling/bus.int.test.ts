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
import { withTransaction } from '../db/pool';
import { createSession, deleteSession, sessionTokenHash } from '../db/sessions';
import { createPgSignalBus, splitUtf8, type SignalBus } from './bus';

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
    await workspace.next('watching');
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

describe('ended sessions', () => {
  /** What the bus on the second instance hears of ended sessions from now on. */
  function listen(): { seen: string[][]; next(): Promise<string[]> } {
    const seen: string[][] = [];
    const unread: string[][] = [];
    const waiting: ((hashes: string[]) => void)[] = [];
    bus.onSessionsEnded((hashes) => {
      seen.push([...hashes]);
      const wake = waiting.shift();
      if (wake) wake([...hashes]);
      else unread.push([...hashes]);
    });
    return {
      seen,
      next: () =>
        unread.length > 0
          ? Promise.resolve(unread.shift()!)
          : new Promise<string[]>((r) => waiting.push(r)),
    };
  }
  let bus: SignalBus;
  beforeAll(async () => {
    bus = await createPgSignalBus(second.db, second.databaseUrl);
  });
  afterAll(async () => {
    await bus.close();
  });

  const newSession = async (userId: string) => {
    const token = await createSession(first.db, {
      userId: userId as never,
      authMethod: 'code_email',
      now: first.clock.now(),
      absoluteMs: 3_600_000,
    });
    return { token, hash: sessionTokenHash(token) };
  };

  it('are announced to every instance when the deletion commits, never the token itself', async () => {
    const ended = listen();
    const user = await buildUser(first.db);
    const [a, b] = [await newSession(user.id), await newSession(user.id)];

    // Rolled back: nothing is announced.
    await withTransaction(first.db, async (tx) => {
      await tx.query('DELETE FROM sessions WHERE user_id = $1', [user.id]);
      throw new Error('roll back');
    }).catch(() => undefined);
    await deleteSession(first.db, a.token);
    expect(await ended.next()).toEqual([a.hash]);
    expect(ended.seen.flat()).not.toContain(b.hash);
    expect(JSON.stringify(ended.seen)).not.toContain(a.token);

    await first.db.query('DELETE FROM sessions WHERE user_id = $1', [user.id]);
    expect(await ended.next()).toEqual([b.hash]);
  });

  it('come in notifications of at most 100 hashes', async () => {
    const ended = listen();
    const user = await buildUser(first.db);
    const hashes = new Set<string>();
    for (let i = 0; i < 250; i++) hashes.add((await newSession(user.id)).hash);
    await first.db.query('DELETE FROM sessions WHERE user_id = $1', [user.id]);
    const batches = [await ended.next(), await ended.next(), await ended.next()];
    expect(batches.map((b) => b.length).sort()).toEqual([100, 100, 50]);
    expect(new Set(batches.flat())).toEqual(hashes);
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
