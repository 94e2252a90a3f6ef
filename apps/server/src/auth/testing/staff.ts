import { expect } from 'vitest';
import type { Browser, TestApp } from '../../../test/harness';
import { base32Decode, totpCode, totpStep } from '../totp';

/**
 * Signs a staff browser in through the real two steps. An account without an authenticator app
 * sets one up (its secret is returned, with the recovery codes); one with an app needs its
 * `totpSecret`, and gets a code of a step not used yet (advance the test clock when all three
 * steps around now are used).
 */
export async function signInStaff(
  app: Pick<TestApp, 'db' | 'clock'>,
  browser: Browser,
  credentials: { email: string; password: string; totpSecret?: string },
): Promise<{ totpSecret: string; recoveryCodes: string[] }> {
  const first = await browser.post<{ next: 'totp' | 'enrol' }>('/api/v1/auth/password', {
    email: credentials.email,
    password: credentials.password,
  });
  expect(first.status, JSON.stringify(first.body)).toBe(200);
  if (first.body.next === 'enrol') {
    const enrolment = await browser.post<{ secret: string }>('/api/v1/auth/totp/enrolment');
    expect(enrolment.status, JSON.stringify(enrolment.body)).toBe(200);
    const secret = enrolment.body.secret;
    const code = totpCode(base32Decode(secret), totpStep(app.clock.now()));
    const confirmed = await browser.post<{ recoveryCodes: string[] }>(
      '/api/v1/auth/totp/enrolment/confirm',
      { code },
    );
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    return { totpSecret: secret, recoveryCodes: confirmed.body.recoveryCodes };
  }
  if (!credentials.totpSecret)
    throw new Error('this account has an authenticator app: give its secret');
  const { rows } = await app.db.query<{ last_used_step: number | null }>(
    'SELECT t.last_used_step FROM staff_totp t JOIN users u ON u.id = t.user_id WHERE u.email = $1',
    [credentials.email],
  );
  const current = totpStep(app.clock.now());
  const step = Math.max(current - 1, (rows[0]?.last_used_step ?? -Infinity) + 1);
  if (step > current + 1) throw new Error('every code around now is used: advance the clock');
  const second = await browser.post('/api/v1/auth/totp', {
    code: totpCode(base32Decode(credentials.totpSecret), step),
  });
  expect(second.status, JSON.stringify(second.body)).toBe(200);
  return { totpSecret: credentials.totpSecret, recoveryCodes: [] };
}
