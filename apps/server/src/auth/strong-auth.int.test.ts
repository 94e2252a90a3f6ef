import type { ClientMetadata } from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { buildAppointmentType, buildClinic, buildPractitioner } from '../../test/factories';
import { giveProfile, latestCode, startTestApp, type TestApp } from '../../test/harness';
import { CookieClient } from './testing/cookie-client';
import { signInWithProvider } from './testing/oidc-flow';
import { startOidcProvider, type TestOidcProvider } from './testing/oidc-provider';

/**
 * A clinic that requires strong sign-in for video consultations: a patient signed in by one-time
 * code is refused (HTTP and signaling), the same patient signed in through the identity provider
 * is let in, and clinics tell patients which of them require it.
 */

const PUBLIC_URL = 'http://visitt.localhost';
const NOW = '2026-11-30T09:00:00Z';

let provider: TestOidcProvider;
let app: TestApp;

beforeAll(async () => {
  const client: ClientMetadata = {
    client_id: 'visitt',
    client_secret: 'visitt-client-secret-0123456789',
    redirect_uris: [`${PUBLIC_URL}/api/v1/auth/oidc/patient/callback`],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_post',
  };
  provider = await startOidcProvider({
    clients: [client],
    account: { sub: 'strong-1', pid: '05057012345', acr: 'idporten-loa-high' },
  });
  app = await startTestApp({
    now: NOW,
    env: {
      PUBLIC_URL,
      OIDC_PATIENT_ISSUER: provider.issuer,
      OIDC_PATIENT_CLIENT_ID: 'visitt',
      OIDC_PATIENT_CLIENT_SECRET: 'visitt-client-secret-0123456789',
      OIDC_PATIENT_CLIENT_AUTH: 'client_secret_post',
    },
  });
});
afterAll(async () => {
  await app?.close();
  await provider?.close();
});

async function strictClinic(required: boolean) {
  const clinic = await buildClinic(app.db);
  await app.db.query('UPDATE clinics SET require_strong_auth_for_video = $2 WHERE id = $1', [
    clinic.id,
    required,
  ]);
  const practitioner = await buildPractitioner(app.db, clinic.id, {
    hours: [[[1, 2, 3, 4, 5, 6, 7], '00:00', '24:00']],
  });
  const type = await buildAppointmentType(app.db, clinic.id, [practitioner.id], {
    cancelDeadline: 0,
  });
  return { clinic, practitioner, type };
}

async function signInByCode(email: string): Promise<CookieClient> {
  const browser = new CookieClient(app.origin);
  await browser.post(`${app.baseUrl}/api/v1/auth/code`, { email });
  const verified = await browser.post(`${app.baseUrl}/api/v1/auth/code/verify`, {
    email,
    code: await latestCode(app.db, email),
  });
  expect(verified.status).toBe(200);
  await giveProfile(app.db, email);
  return browser;
}

function openSocket(browser: CookieClient): Promise<{
  ws: WebSocket;
  next: () => Promise<any>;
}> {
  const messages: any[] = [];
  const waiting: ((m: any) => void)[] = [];
  return new Promise((resolve, reject) => {
    const session = browser.cookie(app.baseUrl, 'visitt_session');
    const ws = new WebSocket(`${app.baseUrl.replace('http', 'ws')}/api/v1/signaling`, {
      headers: { origin: app.origin, cookie: `visitt_session=${session}` },
    });
    ws.on('message', (data) => {
      const message: unknown = JSON.parse((data as Buffer).toString('utf8'));
      const waiter = waiting.shift();
      if (waiter) waiter(message);
      else messages.push(message);
    });
    ws.once('open', () =>
      resolve({
        ws,
        next: () =>
          messages.length > 0
            ? Promise.resolve(messages.shift())
            : new Promise((r) => waiting.push(r)),
      }),
    );
    ws.once('error', reject);
  });
}

describe('a clinic that requires strong sign-in for video', () => {
  it('says so in its listing', async () => {
    const strict = await strictClinic(true);
    const relaxed = await strictClinic(false);
    const anyone = new CookieClient(app.origin);
    const one = await anyone.get(`${app.baseUrl}/api/v1/clinics/${strict.clinic.id}`);
    expect(one.body.requiresStrongAuthForVideo).toBe(true);
    const other = await anyone.get(`${app.baseUrl}/api/v1/clinics/${relaxed.clinic.id}`);
    expect(other.body.requiresStrongAuthForVideo).toBe(false);
    const list = await anyone.get(
      `${app.baseUrl}/api/v1/clinics?q=${encodeURIComponent(strict.clinic.name)}`,
    );
    expect(list.body[0]).toMatchObject({ id: strict.clinic.id, requiresStrongAuthForVideo: true });
  });

  it('refuses a patient signed in by code, and lets the same patient in after signing in strongly', async () => {
    const { practitioner, type } = await strictClinic(true);
    const email = `strong-${Date.now()}@example.com`;
    const byCode = await signInByCode(email);
    const booked = await byCode.post(`${app.baseUrl}/api/v1/appointments`, {
      practitionerId: practitioner.id,
      appointmentTypeId: type.id,
      start: '2026-11-30T10:15:00+01:00',
    });
    expect(booked.status).toBe(201);
    const id = booked.body.id as string;

    const refused = await byCode.post(`${app.baseUrl}/api/v1/appointments/${id}/video/start`);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBe('strong_auth_required');
    expect((await byCode.get(`${app.baseUrl}/api/v1/me`)).body.strongAuth).toBe(false);
    const rooms = await app.db.query('SELECT 1 FROM video_rooms WHERE appointment_id = $1', [id]);
    expect(rooms.rowCount).toBe(0);

    // The same person signs in strongly in another browser, linking the identity on the way.
    const strong = await signInByCode(email);
    const linked = await signInWithProvider(app, strong, { query: '?link=1' });
    expect(linked.done.location).toBe('/');
    expect((await strong.get(`${app.baseUrl}/api/v1/me`)).body.strongAuth).toBe(true);
    const started = await strong.post(`${app.baseUrl}/api/v1/appointments/${id}/video/start`);
    expect(started.status).toBe(200);

    // Signaling: the code-signed-in browser is kept out of the room, the strong one enters.
    const weakSocket = await openSocket(byCode);
    weakSocket.ws.send(
      JSON.stringify({
        type: 'join',
        appointmentId: id,
        sessionId: 'weak-session-1',
        mic: true,
        camera: true,
      }),
    );
    expect(await weakSocket.next()).toMatchObject({ type: 'error', code: 'not_allowed' });
    const strongSocket = await openSocket(strong);
    strongSocket.ws.send(
      JSON.stringify({
        type: 'join',
        appointmentId: id,
        sessionId: 'strong-session-1',
        mic: true,
        camera: true,
      }),
    );
    expect(await strongSocket.next()).toMatchObject({ type: 'joined', role: 'patient' });
    weakSocket.ws.close();
    strongSocket.ws.close();
  });

  it('lets code-signed-in patients into clinics that do not require it', async () => {
    const { practitioner, type } = await strictClinic(false);
    const browser = await signInByCode(`relaxed-${Date.now()}@example.com`);
    const booked = await browser.post(`${app.baseUrl}/api/v1/appointments`, {
      practitionerId: practitioner.id,
      appointmentTypeId: type.id,
      start: '2026-11-30T10:15:00+01:00',
    });
    expect(
      (await browser.post(`${app.baseUrl}/api/v1/appointments/${booked.body.id}/video/start`))
        .status,
    ).toBe(200);
  });
});
