import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Browser,
  latestCode,
  signInWithCode,
  startTestApp,
  type TestApp,
} from '../../../test/harness';
import { buildClinic, buildMembership, buildUser } from '../../../test/factories';
import { signInStaff } from '../../auth/testing/staff';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const unique = () => `p${Math.random().toString(36).slice(2, 10)}@example.com`;

describe('one-time code sign-in', () => {
  it('creates the account on first sign-in, marks the address verified and sets a session cookie', async () => {
    const browser = new Browser(app);
    const email = unique();
    const sent = await browser.post('/api/v1/auth/code', { email: email.toUpperCase() });
    expect(sent.status).toBe(202);
    expect(sent.body).toEqual({ channel: 'email', expiresIn: 600 });

    const code = await latestCode(app.db, email);
    const stored = await app.db.query<{ code_hash: Buffer }>(
      'SELECT code_hash FROM sign_in_codes WHERE address = $1',
      [email],
    );
    expect(stored.rows).toHaveLength(1);
    expect(stored.rows[0]!.code_hash.toString('utf8')).not.toContain(code);

    const verified = await browser.post('/api/v1/auth/code/verify', { email, code });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({
      email,
      emailVerified: true,
      phone: null,
      memberships: [],
    });
    const cookie = verified.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^visitt_session=[\w-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).not.toContain('Secure');

    const me = await browser.get('/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(email);
  });

  it('signs in by mobile number, normalized to E.164', async () => {
    const browser = new Browser(app);
    const sent = await browser.post('/api/v1/auth/code', { phone: '912 34 001' });
    expect(sent.status).toBe(202);
    expect(sent.body.channel).toBe('sms');
    const code = await latestCode(app.db, '+4791234001');
    const verified = await browser.post('/api/v1/auth/code/verify', {
      phone: '+47 91234001',
      code,
    });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ phone: '+4791234001', phoneVerified: true, email: null });
  });

  it('refuses a wrong code, and the fifth wrong try kills the code', async () => {
    const browser = new Browser(app);
    const email = unique();
    await browser.post('/api/v1/auth/code', { email });
    const code = await latestCode(app.db, email);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      const attempt = await browser.post('/api/v1/auth/code/verify', { email, code: wrong });
      expect(attempt.status).toBe(401);
      expect(attempt.body.error).toBe('invalid_code');
    }
    const right = await browser.post('/api/v1/auth/code/verify', { email, code });
    expect(right.status).toBe(401);
    expect(browser.hasSession).toBe(false);
  });

  it('accepts a code once only, and not after ten minutes', async () => {
    const email = unique();
    const first = new Browser(app);
    await first.post('/api/v1/auth/code', { email });
    const code = await latestCode(app.db, email);
    expect((await first.post('/api/v1/auth/code/verify', { email, code })).status).toBe(200);
    expect((await new Browser(app).post('/api/v1/auth/code/verify', { email, code })).status).toBe(
      401,
    );

    const late = new Browser(app);
    await late.post('/api/v1/auth/code', { email });
    const lateCode = await latestCode(app.db, email);
    app.clock.advance(10 * 60_000 + 1);
    expect((await late.post('/api/v1/auth/code/verify', { email, code: lateCode })).status).toBe(
      401,
    );
  });

  it('lets only the newest code work', async () => {
    const email = unique();
    const browser = new Browser(app);
    await browser.post('/api/v1/auth/code', { email });
    const older = await latestCode(app.db, email);
    app.clock.advance(1000);
    await browser.post('/api/v1/auth/code', { email });
    const newer = await latestCode(app.db, email);
    if (older !== newer)
      expect((await browser.post('/api/v1/auth/code/verify', { email, code: older })).status).toBe(
        401,
      );
    expect((await browser.post('/api/v1/auth/code/verify', { email, code: newer })).status).toBe(
      200,
    );
  });

  it('limits codes per address with Retry-After', async () => {
    const email = unique();
    const browser = new Browser(app);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await browser.post('/api/v1/auth/code', { email })).status);
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
    const limited = await browser.post('/api/v1/auth/code', { email });
    expect(limited.body.error).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const sent = await app.db.query('SELECT 1 FROM sign_in_codes WHERE address = $1', [email]);
    expect(sent.rowCount).toBe(5);
  });

  it('limits codes per IP address across addresses', async () => {
    const strict = await startTestApp({ env: { RATE_LIMIT_CODES_PER_IP_PER_HOUR: '8' } });
    try {
      const browser = new Browser(strict);
      const statuses: number[] = [];
      for (let i = 0; i < 9; i++)
        statuses.push((await browser.post('/api/v1/auth/code', { email: unique() })).status);
      expect(statuses).toEqual([...Array<number>(8).fill(202), 429]);
      strict.clock.advance(60 * 60_000);
      expect((await browser.post('/api/v1/auth/code', { email: unique() })).status).toBe(202);
    } finally {
      await strict.close();
    }
  });

  it('refuses malformed input with 400 and the fields at fault', async () => {
    const browser = new Browser(app);
    for (const body of [
      {},
      { email: 'not-an-email' },
      { email: unique(), extra: 1 },
      { phone: 'abc' },
      { phone: '12' },
    ]) {
      const response = await browser.post('/api/v1/auth/code', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error).toBe('validation_failed');
    }
    expect(
      (await browser.post('/api/v1/auth/code/verify', { email: unique(), code: '12345' })).status,
    ).toBe(400);
    const malformed = await browser.request('POST', '/api/v1/auth/code', undefined, {
      'content-type': 'application/json',
    });
    expect(malformed.status).toBe(400);
  });
});

describe('sessions', () => {
  it('rotates the session at sign-in and destroys it at sign-out', async () => {
    const email = unique();
    const browser = new Browser(app);
    await signInWithCode(browser, app.db, email);
    const before = await app.db.query('SELECT token_hash FROM sessions');
    await signInWithCode(browser, app.db, email);
    const after = await app.db.query('SELECT token_hash FROM sessions');
    expect(after.rowCount).toBe(before.rowCount); // the old one went, a new one came
    const logout = await browser.post('/api/v1/auth/logout');
    expect(logout.status).toBe(204);
    expect((await browser.get('/api/v1/me')).status).toBe(401);
    expect((await app.db.query('SELECT 1 FROM sessions')).rowCount).toBe(before.rowCount! - 1);
  });

  it('ends after 30 idle minutes, and after 12 hours however active', async () => {
    const browser = new Browser(app);
    await signInWithCode(browser, app.db, unique());
    app.clock.advance(29 * 60_000);
    expect((await browser.get('/api/v1/me')).status).toBe(200);
    app.clock.advance(29 * 60_000);
    expect((await browser.get('/api/v1/me')).status).toBe(200);
    app.clock.advance(31 * 60_000);
    expect((await browser.get('/api/v1/me')).status).toBe(401);

    const busy = new Browser(app);
    await signInWithCode(busy, app.db, unique());
    for (let i = 0; i < 12 * 3; i++) {
      app.clock.advance(20 * 60_000);
      await busy.get('/api/v1/me');
    }
    expect((await busy.get('/api/v1/me')).status).toBe(401);
  });

  it('refuses state-changing requests from another origin', async () => {
    const browser = new Browser(app, { origin: 'https://evil.example' });
    const response = await browser.post('/api/v1/auth/code', { email: unique() });
    expect(response.status).toBe(403);
    expect(response.body.error).toBe('bad_origin');
    const crossSite = await new Browser(app, { origin: '' }).post(
      '/api/v1/auth/logout',
      undefined,
      { 'sec-fetch-site': 'cross-site' },
    );
    expect(crossSite.status).toBe(403);
  });

  it('lets staff sign in with a password, and nobody else', async () => {
    const clinic = await buildClinic(app.db);
    const staff = await buildUser(app.db, { password: 'correct horse battery' });
    await buildMembership(app.db, clinic.id, staff.id, ['admin', 'practitioner']);
    const browser = new Browser(app);
    await signInStaff(app, browser, { email: staff.email, password: 'correct horse battery' });
    const ok = await browser.get('/api/v1/me');
    expect(ok.status).toBe(200);
    expect(ok.body.memberships).toEqual([
      {
        clinicId: clinic.id,
        clinicName: clinic.name,
        roles: ['admin', 'practitioner'],
        practitionerId: null,
      },
    ]);
    const wrong = await new Browser(app).post('/api/v1/auth/password', {
      email: staff.email,
      password: 'wrong',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toBe('invalid_credentials');
    const patient = await buildUser(app.db, { password: 'a patient password' });
    expect(
      (
        await new Browser(app).post('/api/v1/auth/password', {
          email: patient.email,
          password: 'a patient password',
        })
      ).status,
    ).toBe(401);
    expect(
      (await new Browser(app).post('/api/v1/auth/password', { email: unique(), password: 'x' }))
        .status,
    ).toBe(401);
  });
});

describe('cookies over https', () => {
  it('uses a __Host- cookie with Secure when the public URL is https', async () => {
    const secure = await startTestApp({
      env: { VISITT_MODE: 'demo', PUBLIC_URL: 'https://visitt.example.no' },
    });
    try {
      const browser = new Browser(secure);
      const email = unique();
      await browser.post('/api/v1/auth/code', { email });
      const verified = await browser.post('/api/v1/auth/code/verify', {
        email,
        code: await latestCode(secure.db, email),
      });
      const cookie = verified.headers.get('set-cookie')!;
      expect(cookie).toMatch(/^__Host-visitt_session=/);
      expect(cookie).toContain('Secure');
      expect(cookie).toContain('Path=/');
      expect(verified.headers.get('strict-transport-security')).toContain('max-age=');
    } finally {
      await secure.close();
    }
  });
});
