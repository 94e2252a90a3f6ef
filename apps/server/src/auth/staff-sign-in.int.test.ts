import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Instant } from '@visitt/domain';
import { buildClinic, buildMembership, buildUser } from '../../test/factories';
import { Browser, startTestApp, type TestApp } from '../../test/harness';
import { DEMO, seedDemo } from '../db/seed-demo';
import { base32Decode, totpCode, totpStep } from './totp';
import { sealTotpSecret } from './totp-secret';

// The server secret startTestApp gives the application (test/harness.ts).
const HARNESS_SECRET = 'test-secret-test-secret-test-secret!';
const NOW = '2026-11-30T06:00:10Z';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ now: NOW });
});
beforeEach(() => app.clock.set(NOW));
afterAll(() => app.close());

let n = 0;
const PASSWORD = 'correct horse battery staple';

async function staffUser() {
  const clinic = await buildClinic(app.db);
  const user = await buildUser(app.db, {
    email: `staff-${++n}-${Date.now()}@example.com`,
    password: PASSWORD,
  });
  await buildMembership(app.db, clinic.id, user.id, ['admin', 'practitioner']);
  return user;
}

const codeAt = (secret: string, offsetSteps = 0) =>
  totpCode(base32Decode(secret), totpStep(app.clock.now()) + offsetSteps);

const wrongCode = (secret: string) => {
  const near = new Set([-1, 0, 1].map((o) => codeAt(secret, o)));
  for (let i = 0; ; i++) {
    const candidate = String(i).padStart(6, '0');
    if (!near.has(candidate)) return candidate;
  }
};

async function passwordStep(browser: Browser, email: string, password = PASSWORD) {
  return browser.post('/api/v1/auth/password', { email, password });
}

/** A staff account with a confirmed authenticator app; returns its secret and recovery codes. */
async function enrolledStaff() {
  const user = await staffUser();
  const browser = new Browser(app);
  expect((await passwordStep(browser, user.email)).body).toEqual({ next: 'enrol' });
  const enrolment = await browser.post('/api/v1/auth/totp/enrolment');
  const secret = enrolment.body.secret as string;
  const confirmed = await browser.post('/api/v1/auth/totp/enrolment/confirm', {
    code: codeAt(secret),
  });
  expect(confirmed.status).toBe(200);
  expect((await browser.post('/api/v1/auth/logout')).status).toBe(204);
  // Later sign-ins need codes of later steps, and a fresh window of the per-address rate limit.
  app.clock.advance(15 * 60_000);
  return { user, secret, recoveryCodes: confirmed.body.recoveryCodes as string[] };
}

async function sessionsOf(userId: string): Promise<number> {
  const { rows } = await app.db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM sessions WHERE user_id = $1',
    [userId],
  );
  return rows[0]!.n;
}

describe('enrolment of the authenticator app at first sign-in', () => {
  it('gives a link, a QR code and the secret, and starts the session only when a code confirms it', async () => {
    const user = await staffUser();
    const browser = new Browser(app);
    const first = await passwordStep(browser, user.email);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ next: 'enrol' });
    const pendingCookie = first.headers.get('set-cookie')!;
    expect(pendingCookie).toMatch(/^visitt_pending=[\w-]{43};/);
    expect(pendingCookie).toContain('HttpOnly');
    expect(pendingCookie).toContain('SameSite=Strict');
    expect(pendingCookie).toContain('Max-Age=300');
    // The password alone is no sign-in.
    expect((await browser.get('/api/v1/me')).status).toBe(401);
    expect(await sessionsOf(user.id)).toBe(0);
    // The code step is not open to an account without an app.
    expect((await browser.post('/api/v1/auth/totp', { code: '123456' })).body.error).toBe(
      'wrong_sign_in_step',
    );

    const enrolment = await browser.post('/api/v1/auth/totp/enrolment');
    expect(enrolment.status).toBe(200);
    const { otpauthUri, qrSvg, secret } = enrolment.body as {
      otpauthUri: string;
      qrSvg: string;
      secret: string;
    };
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUri).toBe(
      `otpauth://totp/Visitt:${encodeURIComponent(user.email)}?secret=${secret}&issuer=Visitt&algorithm=SHA1&digits=6&period=30`,
    );
    // An SVG of paths only: nothing in it a browser would run or show as text.
    expect(qrSvg).toMatch(
      /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*>(<path [^<>]*\/>)+<\/svg>$/,
    );
    expect(qrSvg).not.toContain(user.email);
    expect(qrSvg).not.toMatch(/script|<text|href|on\w+=/i);

    const stored = await app.db.query<{ secret_encrypted: string; confirmed_at: Date | null }>(
      'SELECT secret_encrypted, confirmed_at FROM staff_totp WHERE user_id = $1',
      [user.id],
    );
    expect(stored.rows[0]!.confirmed_at).toBeNull();
    expect(stored.rows[0]!.secret_encrypted).toMatch(/^v1\./);
    expect(stored.rows[0]!.secret_encrypted).not.toContain(secret);
    expect(stored.rows[0]!.secret_encrypted).not.toContain(
      base32Decode(secret).toString('base64url'),
    );

    const wrong = await browser.post('/api/v1/auth/totp/enrolment/confirm', {
      code: wrongCode(secret),
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toBe('invalid_code');
    expect(await sessionsOf(user.id)).toBe(0);

    const confirmed = await browser.post('/api/v1/auth/totp/enrolment/confirm', {
      code: codeAt(secret),
    });
    expect(confirmed.status).toBe(200);
    const codes = confirmed.body.recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}$/);
    expect(confirmed.body.me).toMatchObject({ id: user.id, strongAuth: false, staffSession: true });
    expect(confirmed.headers.get('set-cookie')).toMatch(/^visitt_session=/);
    expect((await browser.get('/api/v1/me')).status).toBe(200);
    expect(await sessionsOf(user.id)).toBe(1);

    const after = await app.db.query<{ confirmed_at: Date | null; last_used_step: number }>(
      'SELECT confirmed_at, last_used_step FROM staff_totp WHERE user_id = $1',
      [user.id],
    );
    expect(after.rows[0]!.confirmed_at).not.toBeNull();
    expect(after.rows[0]!.last_used_step).toBe(totpStep(app.clock.now()));
    const hashes = await app.db.query<{ code_hash: Buffer }>(
      'SELECT code_hash FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL',
      [user.id],
    );
    expect(hashes.rows).toHaveLength(10);
    for (const { code_hash } of hashes.rows) {
      for (const code of codes) expect(code_hash.toString('latin1')).not.toContain(code);
    }
    expect((await browser.get('/api/v1/me/totp')).body).toEqual({
      enrolled: true,
      recoveryCodesLeft: 10,
    });
    // No pending sign-in is left behind.
    const pending = await app.db.query('SELECT 1 FROM pending_sign_ins WHERE user_id = $1', [
      user.id,
    ]);
    expect(pending.rowCount).toBe(0);
  });

  it('replaces an unconfirmed secret when enrolment starts again, and never a confirmed one', async () => {
    const user = await staffUser();
    const browser = new Browser(app);
    await passwordStep(browser, user.email);
    const first = (await browser.post('/api/v1/auth/totp/enrolment')).body.secret as string;
    const second = (await browser.post('/api/v1/auth/totp/enrolment')).body.secret as string;
    expect(second).not.toBe(first);
    expect(
      (await browser.post('/api/v1/auth/totp/enrolment/confirm', { code: codeAt(first) })).status,
    ).toBe(401);
    expect(
      (await browser.post('/api/v1/auth/totp/enrolment/confirm', { code: codeAt(second) })).status,
    ).toBe(200);

    // Now enrolled: a new sign-in waits for a code, and cannot set up another app.
    const again = new Browser(app);
    expect((await passwordStep(again, user.email)).body).toEqual({ next: 'totp' });
    const refused = await again.post('/api/v1/auth/totp/enrolment');
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe('wrong_sign_in_step');
  });
});

describe('the code from the authenticator app', () => {
  it('signs in with a right code, and refuses a wrong one and a reused one', async () => {
    const { user, secret } = await enrolledStaff();
    const browser = new Browser(app);
    expect((await passwordStep(browser, user.email)).body).toEqual({ next: 'totp' });
    expect(await sessionsOf(user.id)).toBe(0);
    const wrong = await browser.post('/api/v1/auth/totp', { code: wrongCode(secret) });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toBe('invalid_code');
    expect(await sessionsOf(user.id)).toBe(0);

    const code = codeAt(secret);
    const right = await browser.post('/api/v1/auth/totp', { code });
    expect(right.status).toBe(200);
    expect(right.body).toMatchObject({ id: user.id, strongAuth: false, staffSession: true });
    expect(right.body.memberships).toHaveLength(1);
    const cookies = right.headers.getSetCookie();
    expect(cookies[0]).toMatch(/^visitt_session=/);
    expect(cookies[1]).toMatch(/^visitt_pending=;/);
    expect((await browser.get('/api/v1/me')).status).toBe(200);
    const session = await app.db.query<{ auth_method: string }>(
      'SELECT auth_method FROM sessions WHERE user_id = $1',
      [user.id],
    );
    expect(session.rows).toEqual([{ auth_method: 'password' }]);

    // The same code, in the same 30 seconds, from another browser: refused.
    const other = new Browser(app);
    await passwordStep(other, user.email);
    const reused = await other.post('/api/v1/auth/totp', { code });
    expect(reused.status).toBe(401);
    expect(reused.body.error).toBe('invalid_code');
    expect(await sessionsOf(user.id)).toBe(1);
  });

  it('accepts codes one step either side of now, and not two', async () => {
    const { user, secret } = await enrolledStaff();
    const attempt = async (offset: number) => {
      const browser = new Browser(app);
      await passwordStep(browser, user.email);
      return (await browser.post('/api/v1/auth/totp', { code: codeAt(secret, offset) })).status;
    };
    expect(await attempt(-2)).toBe(401);
    expect(await attempt(2)).toBe(401);
    expect(await attempt(-1)).toBe(200);
    app.clock.advance(60_000);
    expect(await attempt(1)).toBe(200);
    // Now's step is not after the last one used (now+1): refused as reused.
    expect(await attempt(0)).toBe(401);
  });

  it('ends the pending sign-in after five wrong codes, and after five minutes', async () => {
    const { user, secret } = await enrolledStaff();
    const browser = new Browser(app);
    await passwordStep(browser, user.email);
    for (let i = 0; i < 5; i++) {
      expect((await browser.post('/api/v1/auth/totp', { code: wrongCode(secret) })).status).toBe(
        401,
      );
    }
    const dead = await browser.post('/api/v1/auth/totp', { code: codeAt(secret) });
    expect(dead.status).toBe(401);
    expect(dead.body.error).toBe('sign_in_expired');

    const slow = new Browser(app);
    await passwordStep(slow, user.email);
    app.clock.advance(5 * 60_000 + 1);
    const late = await slow.post('/api/v1/auth/totp', { code: codeAt(secret) });
    expect(late.status).toBe(401);
    expect(late.body.error).toBe('sign_in_expired');
    expect(await sessionsOf(user.id)).toBe(0);

    const none = await new Browser(app).post('/api/v1/auth/totp', { code: codeAt(secret) });
    expect(none.body.error).toBe('sign_in_expired');
  });

  it('refuses malformed codes with 400', async () => {
    const browser = new Browser(app);
    for (const body of [{ code: '12345' }, { code: 'abcdef' }, { recoveryCode: 'x' }, {}]) {
      expect((await browser.post('/api/v1/auth/totp', body)).status).toBe(400);
    }
  });
});

describe('recovery codes', () => {
  it('sign in once each, and can be replaced against a current code', async () => {
    const { user, secret, recoveryCodes } = await enrolledStaff();
    const browser = new Browser(app);
    await passwordStep(browser, user.email);
    const used = await browser.post('/api/v1/auth/totp', {
      recoveryCode: recoveryCodes[0]!.toUpperCase().replace('-', ' '),
    });
    expect(used.status).toBe(200);
    expect((await browser.get('/api/v1/me/totp')).body).toEqual({
      enrolled: true,
      recoveryCodesLeft: 9,
    });

    const again = new Browser(app);
    await passwordStep(again, user.email);
    const twice = await again.post('/api/v1/auth/totp', { recoveryCode: recoveryCodes[0] });
    expect(twice.status).toBe(401);
    expect(twice.body.error).toBe('invalid_code');

    // New codes need a current code from the app; the old ones stop working.
    expect(
      (await browser.post('/api/v1/me/totp/recovery-codes', { code: wrongCode(secret) })).status,
    ).toBe(401);
    const fresh = await browser.post('/api/v1/me/totp/recovery-codes', { code: codeAt(secret) });
    expect(fresh.status).toBe(200);
    expect(fresh.body.recoveryCodes).toHaveLength(10);
    expect(fresh.body.recoveryCodes).not.toContain(recoveryCodes[1]);
    const old = new Browser(app);
    await passwordStep(old, user.email);
    expect((await old.post('/api/v1/auth/totp', { recoveryCode: recoveryCodes[1] })).status).toBe(
      401,
    );
    expect(
      (await old.post('/api/v1/auth/totp', { recoveryCode: fresh.body.recoveryCodes[0] })).status,
    ).toBe(200);
  });

  it('are not offered to users without an app', async () => {
    const patient = new Browser(app);
    expect((await patient.post('/api/v1/me/totp/recovery-codes', { code: '123456' })).status).toBe(
      401,
    );
  });
});

describe('lockout', () => {
  it('locks the account for 15 minutes after ten wrong passwords in a row, with Retry-After and the time', async () => {
    const { user, secret } = await enrolledStaff();
    const browser = new Browser(app);
    for (let i = 0; i < 9; i++) {
      const wrong = await passwordStep(browser, user.email, 'wrong password');
      expect(wrong.status).toBe(401);
      expect(wrong.body.error).toBe('invalid_credentials');
    }
    const tenth = await passwordStep(browser, user.email, 'wrong password');
    expect(tenth.status).toBe(429);
    expect(tenth.body.error).toBe('account_locked');
    expect(tenth.headers.get('retry-after')).toBe('900');
    const until = new Date(app.clock.now() + 15 * 60_000).toISOString().replace('.000Z', 'Z');
    expect(tenth.body.message).toContain(`locked until ${until}`);

    // The right password does not help while locked.
    const locked = await passwordStep(browser, user.email);
    expect(locked.status).toBe(429);
    expect(locked.body.error).toBe('account_locked');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);

    app.clock.advance(15 * 60_000);
    expect((await passwordStep(browser, user.email)).status).toBe(200);
    expect((await browser.post('/api/v1/auth/totp', { code: codeAt(secret) })).status).toBe(200);
    const counts = await app.db.query<{ failed_sign_ins: number; locked_until: Date | null }>(
      'SELECT failed_sign_ins, locked_until FROM users WHERE id = $1',
      [user.id],
    );
    expect(counts.rows[0]).toEqual({ failed_sign_ins: 0, locked_until: null });
  });

  it('counts wrong codes too, and keeps counting across pending sign-ins', async () => {
    const { user, secret } = await enrolledStaff();
    const browser = new Browser(app);
    const statuses: number[] = [];
    for (let round = 0; round < 2; round++) {
      expect((await passwordStep(browser, user.email)).status).toBe(200);
      for (let i = 0; i < 5; i++)
        statuses.push(
          (await browser.post('/api/v1/auth/totp', { code: wrongCode(secret) })).status,
        );
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 401, 401, 401, 429]);
    const locked = await passwordStep(browser, user.email);
    expect(locked.body.error).toBe('account_locked');

    app.clock.advance(15 * 60_000);
    expect((await passwordStep(browser, user.email)).status).toBe(200);
    expect((await browser.post('/api/v1/auth/totp', { code: codeAt(secret) })).status).toBe(200);
  });

  it('does not lock for a success in between', async () => {
    const { user, secret } = await enrolledStaff();
    const browser = new Browser(app);
    for (let i = 0; i < 8; i++) await passwordStep(browser, user.email, 'wrong password');
    await passwordStep(browser, user.email);
    expect((await browser.post('/api/v1/auth/totp', { code: codeAt(secret) })).status).toBe(200);
    app.clock.advance(15 * 60_000);
    for (let i = 0; i < 9; i++)
      expect((await passwordStep(browser, user.email, 'wrong password')).status).toBe(401);
  });
});

describe('cookies over https', () => {
  it('uses a __Host- pending cookie with Secure', async () => {
    const secure = await startTestApp({
      env: { VISITT_MODE: 'demo', PUBLIC_URL: 'https://visitt.example.no' },
    });
    try {
      const clinic = await buildClinic(secure.db);
      const user = await buildUser(secure.db, { password: PASSWORD });
      await buildMembership(secure.db, clinic.id, user.id);
      const first = await new Browser(secure).post('/api/v1/auth/password', {
        email: user.email,
        password: PASSWORD,
      });
      const cookie = first.headers.get('set-cookie')!;
      expect(cookie).toMatch(/^__Host-visitt_pending=/);
      expect(cookie).toContain('Secure');
      expect(cookie).toContain('Path=/');
      expect(cookie).toContain('SameSite=Strict');
    } finally {
      await secure.close();
    }
  });
});

describe('demo accounts', () => {
  it('get the published secret, and the dev route gives a fresh code for them only', async () => {
    const demo = await startTestApp({ now: NOW });
    try {
      expect(await seedDemo(demo.db, demo.clock.now(), { secret: HARNESS_SECRET })).toBe(true);
      const browser = new Browser(demo);
      for (let i = 0; i < 2; i++) {
        const current = await browser.get(
          `/api/v1/dev/totp?email=${encodeURIComponent(DEMO.staff.email)}`,
        );
        expect(current.status).toBe(200);
        expect(current.body.code).toMatch(/^\d{6}$/);
        expect(current.body.validForSeconds).toBeGreaterThan(0);
        // What an authenticator app with the published secret shows: now, then the next step.
        expect(current.body.code).toBe(
          totpCode(base32Decode(DEMO.totpSecret), totpStep(demo.clock.now()) + i),
        );
        const signIn = new Browser(demo);
        expect(
          (
            await signIn.post('/api/v1/auth/password', {
              email: DEMO.staff.email,
              password: DEMO.staff.password,
            })
          ).body,
        ).toEqual({ next: 'totp' });
        expect((await signIn.post('/api/v1/auth/totp', { code: current.body.code })).status).toBe(
          200,
        );
      }
      for (const email of [DEMO.patient.email, 'someone@example.com', 'lege@example.no']) {
        expect(
          (await browser.get(`/api/v1/dev/totp?email=${encodeURIComponent(email)}`)).status,
        ).toBe(404);
      }
      // Once the account has its own secret, the route knows nothing.
      const { rows } = await demo.db.query<{ id: string }>(
        'SELECT id FROM users WHERE email = $1',
        [DEMO.onCall.email],
      );
      await demo.db.query('UPDATE staff_totp SET secret_encrypted = $2 WHERE user_id = $1', [
        rows[0]!.id,
        sealTotpSecret(HARNESS_SECRET, rows[0]!.id, Buffer.alloc(20, 7)),
      ]);
      expect(
        (await browser.get(`/api/v1/dev/totp?email=${encodeURIComponent(DEMO.onCall.email)}`))
          .status,
      ).toBe(404);
      // Seeding again (a restart) neither seeds nor overwrites a secret.
      expect(
        await seedDemo(demo.db, (demo.clock.now() + 1000) as Instant, { secret: HARNESS_SECRET }),
      ).toBe(false);
      expect(
        (await browser.get(`/api/v1/dev/totp?email=${encodeURIComponent(DEMO.onCall.email)}`))
          .status,
      ).toBe(404);
    } finally {
      await demo.close();
    }
  });
});
