import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { buildClinic, buildStaff, signInAs } from '../../test/factories';
import { Browser, signInWithCode, startTestApp, type TestApp } from '../../test/harness';
import { signInStaff } from './testing/staff';
import { base32Decode, totpCode, totpStep } from './totp';

/**
 * An account without an authenticator app (here: after an administrator's reset) never gets a
 * staff session from its password alone: the password leads to enrolment, and only a confirmed
 * enrolment starts the staff session.
 */

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ now: '2026-11-30T09:00:00Z' });
});
afterAll(async () => {
  await app?.close();
});

const CALENDAR = '/api/v1/staff/calendar?from=2026-11-30&to=2026-11-30';

/** Opens the signaling socket; resolves with the socket and its close code to come. */
function openSocket(cookie: string): Promise<{ ws: WebSocket; closeCode: Promise<number> }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${app.baseUrl.replace('http', 'ws')}/api/v1/signaling`, {
      headers: { origin: app.origin, cookie },
    });
    const closeCode = new Promise<number>((done) => ws.once('close', (code) => done(code)));
    ws.once('open', () => resolve({ ws, closeCode }));
    ws.once('unexpected-response', (_request, response) => {
      reject(new Error(`upgrade refused: ${response.statusCode}`));
      ws.terminate();
    });
    ws.once('error', reject);
  });
}

describe('staff sign-in after an authenticator reset', () => {
  it('goes to enrolment; only a confirmed enrolment opens staff routes', async () => {
    const clinic = await buildClinic(app.db);
    const admin = await signInAs(
      app,
      (await buildStaff(app.db, clinic.id, { roles: ['admin'] })).userId,
    );
    const credentials = { email: 'reset-doctor@example.com', password: 'doktorens passord' };
    const doctor = await buildStaff(app.db, clinic.id, credentials);

    // Signed in as staff (password + a new authenticator app), with the workspace socket open.
    const laptop = new Browser(app);
    const before = await signInStaff(app, laptop, credentials);
    expect((await laptop.get(CALENDAR)).status).toBe(200);
    const workspace = await openSocket(laptop.cookieHeader!);
    // The same person signed in by e-mail code (as a patient) has no staff rights.
    const asPatient = new Browser(app);
    await signInWithCode(asPatient, app.db, credentials.email);
    expect((await asPatient.get(CALENDAR)).status).toBe(403);

    const reset = await admin.request(
      'DELETE',
      `/api/v1/admin/clinics/${clinic.id}/staff/${doctor.userId}/authenticator`,
    );
    expect(reset.status, JSON.stringify(reset.body)).toBe(200);
    expect(await workspace.closeCode).toBe(4401);
    expect((await laptop.get(CALENDAR)).status).toBe(401);
    expect((await asPatient.get(CALENDAR)).status).toBe(401);

    // The password alone: a pending sign-in that must set up an app, and no staff session.
    const again = new Browser(app);
    const password = await again.post('/api/v1/auth/password', credentials);
    expect(password.status).toBe(200);
    expect(password.body).toEqual({ next: 'enrol' });
    expect((await again.get(CALENDAR)).status).toBe(401);
    expect((await again.get('/api/v1/me')).status).toBe(401);
    await expect(openSocket(again.cookieHeader!)).rejects.toThrow('upgrade refused: 401');
    // Neither the old app nor an old recovery code skips enrolment.
    app.clock.advance(60_000);
    const oldCode = totpCode(base32Decode(before.totpSecret), totpStep(app.clock.now()));
    const withOldApp = await again.post('/api/v1/auth/totp', { code: oldCode });
    expect(withOldApp.status).toBe(409);
    expect(withOldApp.body).toMatchObject({ error: 'wrong_sign_in_step' });
    const withOldRecovery = await again.post('/api/v1/auth/totp', {
      recoveryCode: before.recoveryCodes[0],
    });
    expect(withOldRecovery.status).toBe(409);

    // An enrolment started but never confirmed does not count as an app.
    const started = await again.post<{ secret: string }>('/api/v1/auth/totp/enrolment');
    expect(started.status).toBe(200);
    const unconfirmed = base32Decode(started.body.secret);
    expect((await again.get(CALENDAR)).status).toBe(401);
    const other = new Browser(app);
    expect((await other.post('/api/v1/auth/password', credentials)).body).toEqual({
      next: 'enrol',
    });
    const withUnconfirmed = await other.post('/api/v1/auth/totp', {
      code: totpCode(unconfirmed, totpStep(app.clock.now())),
    });
    expect(withUnconfirmed.status).toBe(409);
    expect((await other.get(CALENDAR)).status).toBe(401);
    expect(
      (await app.db.query('SELECT 1 FROM sessions WHERE user_id = $1 AND staff', [doctor.userId]))
        .rowCount,
    ).toBe(0);

    // A wrong code does not confirm it; a right one starts the staff session.
    const wrong = await again.post('/api/v1/auth/totp/enrolment/confirm', { code: '000000' });
    expect(wrong.status).toBe(401);
    expect((await again.get(CALENDAR)).status).toBe(401);
    const confirmed = await again.post('/api/v1/auth/totp/enrolment/confirm', {
      code: totpCode(unconfirmed, totpStep(app.clock.now())),
    });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body.me).toMatchObject({ id: doctor.userId, staffSession: true });
    expect((await again.get(CALENDAR)).status).toBe(200);
    const reopened = await openSocket(again.cookieHeader!);
    reopened.ws.close();
  });
});
