import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Browser,
  latestCode,
  signInWithCode,
  startTestApp,
  type TestApp,
} from '../../test/harness';

const DAY_SECONDS = 24 * 60 * 60;
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

let n = 0;
const unique = () => `kode-${++n}-${Math.random().toString(36).slice(2, 8)}@example.com`;
const wrongFor = (code: string) => (code === '000000' ? '111111' : '000000');

/** Asks for a sign-in code for `email` and returns it (as the mailbox would). */
async function requestCode(browser: Browser, email: string): Promise<string> {
  const sent = await browser.post('/api/v1/auth/code', { email });
  expect(sent.status, JSON.stringify(sent.body)).toBe(202);
  return latestCode(app.db, email);
}

/** Types `count` wrong codes for the address's newest code; each must be an ordinary refusal. */
async function tryWrong(browser: Browser, email: string, code: string, count: number) {
  for (let i = 0; i < count; i++) {
    const attempt = await browser.post('/api/v1/auth/code/verify', {
      email,
      code: wrongFor(code),
    });
    expect(attempt.status).toBe(401);
    expect(attempt.body.error).toBe('invalid_code');
  }
}

/** 19 wrong tries over four codes, a minute apart; returns the fifth code, still unused. */
async function nineteenWrongTries(browser: Browser, email: string): Promise<string> {
  for (let c = 0; c < 4; c++) {
    const code = await requestCode(browser, email);
    await tryWrong(browser, email, code, c < 3 ? 5 : 4);
    app.clock.advance(60_000);
  }
  return requestCode(browser, email);
}

const sentTo = async (address: string) =>
  (await app.db.query('SELECT 1 FROM dev_outbox WHERE recipient = $1', [address])).rowCount;

describe('the daily cap of wrong codes per address', () => {
  it('refuses the 21st wrong try across several codes, and the right code too, until tries age out', async () => {
    const browser = new Browser(app);
    const email = unique();
    const start = app.clock.now();
    const code = await nineteenWrongTries(browser, email);
    await tryWrong(browser, email, code, 1); // the 20th: still an ordinary refusal

    const elapsed = (app.clock.now() - start) / 1000;
    for (const attempt of [code, wrongFor(code)]) {
      const refused = await browser.post('/api/v1/auth/code/verify', { email, code: attempt });
      expect(refused.status).toBe(429);
      expect(refused.body.error).toBe('rate_limited');
      // Until the first code's tries leave the 24-hour window.
      expect(Number(refused.headers.get('retry-after'))).toBe(DAY_SECONDS - elapsed);
    }
    expect(browser.hasSession).toBe(false);
    // The refused tries were not counted, and the right code was not used up.
    const rows = await app.db.query<{ attempts: number; consumed_at: Date | null }>(
      'SELECT attempts, consumed_at FROM sign_in_codes WHERE address = $1 ORDER BY created_at',
      [email],
    );
    expect(rows.rows.map((r) => r.attempts)).toEqual([5, 5, 5, 4, 1]);
    expect(rows.rows.at(-1)!.consumed_at).toBeNull();

    // No new code goes out either (past the limit of 5 codes per 15 minutes, so it is the cap).
    app.clock.advance(15 * 60_000);
    const later = (app.clock.now() - start) / 1000;
    const before = await sentTo(email);
    const again = await browser.post('/api/v1/auth/code', { email });
    expect(again.status).toBe(429);
    expect(again.body.error).toBe('rate_limited');
    expect(Number(again.headers.get('retry-after'))).toBe(DAY_SECONDS - later);
    expect(await sentTo(email)).toBe(before);

    // A day after the first code, its five tries no longer count: codes work again.
    app.clock.advance((DAY_SECONDS - later) * 1000);
    const fresh = await requestCode(browser, email);
    const signedIn = await browser.post('/api/v1/auth/code/verify', { email, code: fresh });
    expect(signedIn.status).toBe(200);
  });

  it('counts per address: another address from the same browser is not affected', async () => {
    const browser = new Browser(app);
    const capped = unique();
    const code = await nineteenWrongTries(browser, capped);
    await tryWrong(browser, capped, code, 1);
    expect((await browser.post('/api/v1/auth/code/verify', { email: capped, code })).status).toBe(
      429,
    );

    const other = unique();
    const otherCode = await requestCode(browser, other);
    await tryWrong(browser, other, otherCode, 1);
    const verified = await browser.post('/api/v1/auth/code/verify', {
      email: other,
      code: otherCode,
    });
    expect(verified.status).toBe(200);
    expect(verified.body.email).toBe(other);
  });

  it('is the same cap for contact codes: wrong sign-in codes count against adding the address', async () => {
    const patient = new Browser(app);
    await signInWithCode(patient, app.db, unique());
    const target = unique();
    // Someone else made 19 wrong sign-in tries for the address …
    const attacker = new Browser(app);
    await nineteenWrongTries(attacker, target);
    await signInWithCode(patient, app.db, (await patient.get('/api/v1/me')).body.email);

    // … so the patient adding it as their contact address gets one wrong try, then none.
    expect((await patient.post('/api/v1/me/contact/code', { email: target })).status).toBe(202);
    const code = await latestCode(app.db, target);
    const wrong = await patient.post('/api/v1/me/contact/verify', {
      email: target,
      code: wrongFor(code),
    });
    expect(wrong.status).toBe(401);
    const right = await patient.post('/api/v1/me/contact/verify', { email: target, code });
    expect(right.status).toBe(429);
    expect(right.body.error).toBe('rate_limited');
    expect((await patient.get('/api/v1/me/notifications')).body.email.address).not.toBe(target);
    // And the wrong contact try counted for sign-in too.
    expect((await attacker.post('/api/v1/auth/code', { email: target })).status).toBe(429);
  });
});

describe('SMS countries', () => {
  it('refuses a sign-in code to a number outside the allowed countries, storing and sending nothing', async () => {
    const browser = new Browser(app);
    for (const phone of ['+1 212 555 0100', '+44 7700 900123', '+882 1234 5678']) {
      const refused = await browser.post('/api/v1/auth/code', { phone });
      expect(refused.status, phone).toBe(422);
      expect(refused.body.error).toBe('sms_country_not_allowed');
    }
    const stored = await app.db.query(
      "SELECT 1 FROM sign_in_codes WHERE address IN ('+12125550100', '+447700900123', '+88212345678')",
    );
    expect(stored.rowCount).toBe(0);
    expect(await sentTo('+12125550100')).toBe(0);
    // The Nordic countries are allowed by default.
    for (const phone of ['+47 912 34 111', '+46 70 123 45 67', '+358 40 123 4567']) {
      expect((await browser.post('/api/v1/auth/code', { phone })).status, phone).toBe(202);
    }
  });

  it('refuses a contact code to such a number', async () => {
    const patient = new Browser(app);
    await signInWithCode(patient, app.db, unique());
    const refused = await patient.post('/api/v1/me/contact/code', { phone: '+1 212 555 0199' });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toBe('sms_country_not_allowed');
    expect(await sentTo('+12125550199')).toBe(0);
    expect((await patient.post('/api/v1/me/contact/code', { phone: '+4791234222' })).status).toBe(
      202,
    );
  });

  it('follows the configured list', async () => {
    const swedish = await startTestApp({ env: { SMS_ALLOWED_COUNTRY_CODES: '+46' } });
    try {
      const browser = new Browser(swedish);
      const norwegian = await browser.post('/api/v1/auth/code', { phone: '+4791234333' });
      expect(norwegian.status).toBe(422);
      expect(norwegian.body.error).toBe('sms_country_not_allowed');
      expect((await browser.post('/api/v1/auth/code', { phone: '+46701234333' })).status).toBe(202);
    } finally {
      await swedish.close();
    }
  });
});
