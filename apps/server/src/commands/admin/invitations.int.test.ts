import { randomBytes } from 'node:crypto';
import type { Instant } from '@visitt/domain';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildClinic, buildUser, signInAs } from '../../../test/factories';
import { startTestApp, type TestApp } from '../../../test/harness';
import { insertInvitation } from '../../db/invitations';
import { sha256 } from '../../lib/crypto';
import * as passwords from '../sign-in-password';
import { ACCEPT_LIMITS } from './invitations';

// The real argon2 hash, only counted: the tests ask whether acceptance ran it.
vi.mock('../sign-in-password', async (importOriginal) => {
  const real = await importOriginal<typeof passwords>();
  return { ...real, hashPassword: vi.fn(real.hashPassword) };
});
const hashPassword = vi.mocked(passwords.hashPassword);

const HOUR = 60 * 60_000;
const PASSWORD = 'et langt og godt passord';
let app: TestApp;
let clinic: { id: string; name: string };
let admin: { id: string };

beforeAll(async () => {
  app = await startTestApp();
  clinic = await buildClinic(app.db);
  admin = await buildUser(app.db);
});
afterAll(() => app.close());
beforeEach(() => {
  // Each test starts in fresh rate-limit windows.
  app.clock.advance(HOUR);
  hashPassword.mockClear();
});

const newToken = () => randomBytes(32).toString('base64url');
let n = 0;

/** An open invitation to a fresh address, its link's token, and a signed-in user of that address. */
async function invite(options: { expiresInMs?: number } = {}) {
  const email = `invitert-${++n}@example.com`;
  const token = newToken();
  const now = app.clock.now();
  await insertInvitation(app.db, {
    clinicId: clinic.id,
    email,
    roles: ['practitioner'],
    practitionerName: null,
    practitionerTitle: null,
    tokenHash: sha256(token),
    invitedBy: admin.id,
    now,
    expiresAt: (now + (options.expiresInMs ?? 7 * 24 * HOUR)) as Instant,
  });
  const user = await buildUser(app.db, { email });
  return { token, email, userId: user.id, browser: await signInAs(app, user.id, 'code_email') };
}

describe('accepting an invitation', () => {
  it('checks the link before hashing the password: a bad one never runs argon2', async () => {
    const { browser } = await invite();
    const expired = await invite({ expiresInMs: 1000 });
    const forSomeoneElse = await invite();
    app.clock.advance(2000);

    const refusals: [string, number, string][] = [
      [newToken(), 404, 'not_found'],
      [expired.token, 410, 'invitation_expired'],
      [forSomeoneElse.token, 403, 'invitation_email_mismatch'],
    ];
    for (const [token, status, error] of refusals) {
      const refused = await browser.post(`/api/v1/invitations/${token}/accept`, {
        password: PASSWORD,
      });
      expect(refused.status, error).toBe(status);
      expect(refused.body.error).toBe(error);
    }
    expect(hashPassword).not.toHaveBeenCalled();

    // The right link hashes once, and the password is set.
    hashPassword.mockClear();
    const accepted = await forSomeoneElse.browser.post(
      `/api/v1/invitations/${forSomeoneElse.token}/accept`,
      { password: PASSWORD },
    );
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.hasPassword).toBe(true);
    expect(hashPassword).toHaveBeenCalledTimes(1);
  });

  it('refuses the attempt after the limit per link with 429, even for its invited user', async () => {
    const { token, userId, browser } = await invite();
    const stranger = await signInAs(app, (await buildUser(app.db)).id, 'code_email');
    for (let i = 0; i < ACCEPT_LIMITS.perToken.limit; i++) {
      const refused = await stranger.post(`/api/v1/invitations/${token}/accept`);
      expect(refused.status).toBe(403);
    }
    const limited = await browser.post(`/api/v1/invitations/${token}/accept`, {
      password: PASSWORD,
    });
    expect(limited.status).toBe(429);
    expect(limited.body.error).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(hashPassword).not.toHaveBeenCalled();

    // Other links are not held up, and this one works again in the next window.
    const other = await invite();
    expect((await other.browser.post(`/api/v1/invitations/${other.token}/accept`)).status).toBe(
      200,
    );
    app.clock.advance(ACCEPT_LIMITS.perToken.windowMs);
    const later = await signInAs(app, userId, 'code_email'); // the earlier session idled out
    expect((await later.post(`/api/v1/invitations/${token}/accept`)).status).toBe(200);
  });

  it('refuses the attempt after the limit per IP address with 429, whatever the link', async () => {
    const { token, browser } = await invite();
    for (let i = 0; i < ACCEPT_LIMITS.perIp.limit; i++) {
      expect((await browser.post(`/api/v1/invitations/${newToken()}/accept`)).status).toBe(404);
    }
    const limited = await browser.post(`/api/v1/invitations/${token}/accept`);
    expect(limited.status).toBe(429);
    expect(limited.body.error).toBe('rate_limited');
    const memberships = await app.db.query(
      'SELECT 1 FROM clinic_memberships m JOIN users u ON u.id = m.user_id WHERE u.email = $1',
      [(await browser.get('/api/v1/me')).body.email],
    );
    expect(memberships.rowCount).toBe(0);
  });
});
