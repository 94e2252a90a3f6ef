import { generateKeyPairSync } from 'node:crypto';
import type { ClientMetadata } from 'oidc-provider';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildClinic, buildMembership, buildUser } from '../../test/factories';
import { latestCode, startTestApp, type TestApp } from '../../test/harness';
import { CookieClient } from './testing/cookie-client';
import { onApp, signInWithProvider, type OidcFlow } from './testing/oidc-flow';
import {
  startOidcProvider,
  startTamperingProxy,
  type TestAccount,
  type TestOidcProvider,
} from './testing/oidc-provider';
import { base32Decode, totpCode, totpStep } from './totp';

/**
 * OpenID Connect sign-in against a real OpenID Provider (oidc-provider) on a local port. The
 * browser's part is played by a cookie-keeping HTTP client following redirects by hand; the
 * provider's login page signs the test's account in at once, at the `acr` the test chose.
 */

const PUBLIC_URL = 'http://visitt.localhost';
const PATIENT_CALLBACK = `${PUBLIC_URL}/api/v1/auth/oidc/patient/callback`;
const STAFF_CALLBACK = `${PUBLIC_URL}/api/v1/auth/oidc/staff/callback`;
const PATIENT = { id: 'visitt-patient', secret: 'patient-client-secret-0123456789' };
const OTHER = { id: 'another-app', secret: 'another-client-secret-0123456789' };

function staffKeys() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const meta = { kid: 'visitt-staff-1', alg: 'RS256', use: 'sig' };
  return {
    privateJwk: JSON.stringify({ ...privateKey.export({ format: 'jwk' }), ...meta }),
    publicJwk: { ...publicKey.export({ format: 'jwk' }), ...meta },
  };
}

const patientClient = (redirect = PATIENT_CALLBACK): ClientMetadata => ({
  client_id: PATIENT.id,
  client_secret: PATIENT.secret,
  redirect_uris: [redirect],
  grant_types: ['authorization_code'],
  response_types: ['code'],
  token_endpoint_auth_method: 'client_secret_basic',
});

const patientEnv = (issuer: string): Record<string, string> => ({
  PUBLIC_URL,
  OIDC_PATIENT_ISSUER: issuer,
  OIDC_PATIENT_CLIENT_ID: PATIENT.id,
  OIDC_PATIENT_CLIENT_SECRET: PATIENT.secret,
  OIDC_PATIENT_ACR_VALUES: 'idporten-loa-high',
});

const HIGH: TestAccount = { sub: 'p-1', pid: '01017012345', acr: 'idporten-loa-high' };

let provider: TestOidcProvider;
let app: TestApp;
const logLines: string[] = [];

beforeAll(async () => {
  const keys = staffKeys();
  provider = await startOidcProvider({
    clients: [
      patientClient(),
      {
        client_id: 'visitt-staff',
        redirect_uris: [STAFF_CALLBACK],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'private_key_jwt',
        token_endpoint_auth_signing_alg: 'RS256',
        jwks: { keys: [keys.publicJwk] },
      },
    ],
  });
  app = await startTestApp({
    logLines,
    env: {
      ...patientEnv(provider.issuer),
      OIDC_STAFF_ISSUER: provider.issuer,
      OIDC_STAFF_CLIENT_ID: 'visitt-staff',
      OIDC_STAFF_PRIVATE_KEY: keys.privateJwk,
      OIDC_STAFF_ACR_VALUES: 'idporten-loa-substantial idporten-loa-high',
    },
  });
});
afterAll(async () => {
  await app?.close();
  await provider?.close();
});
beforeEach(async () => {
  provider.account = HIGH;
  await app.db.query('DELETE FROM oidc_requests');
});

type Flow = OidcFlow;

/** {@link signInWithProvider} on `options.target` (default: the main app). */
const signInFlow = (
  browser: CookieClient,
  options: Parameters<typeof signInWithProvider>[2] & { target?: TestApp } = {},
) => signInWithProvider(options.target ?? app, browser, options);

const refusedWith = (flow: Flow, code: string, page = '/logg-inn') => {
  expect(flow.done.status).toBe(302);
  expect(flow.done.location).toBe(`${page}?feil=${code}`);
};

async function me(browser: CookieClient, target = app) {
  return browser.get(`${target.baseUrl}/api/v1/me`);
}

async function count(sql: string, values: unknown[] = []): Promise<number> {
  const { rows } = await app.db.query<{ n: number }>(sql, values);
  return rows[0]!.n;
}

describe('patients with an ID-porten-style provider', () => {
  it('signs a new person in strongly, and the same person again by their identity number', async () => {
    const browser = new CookieClient(app.origin);
    const flow = await signInFlow(browser, { query: '?next=/timer?vis=alle' });
    const sent = flow.authorize.searchParams;
    expect(flow.authorize.origin).toBe(provider.url);
    expect(sent.get('response_type')).toBe('code');
    expect(sent.get('client_id')).toBe(PATIENT.id);
    expect(sent.get('redirect_uri')).toBe(PATIENT_CALLBACK);
    expect(sent.get('scope')).toBe('openid profile');
    expect(sent.get('code_challenge_method')).toBe('S256');
    expect(sent.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(sent.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(sent.get('nonce')).toMatch(/^[\w-]{20,}$/);
    expect(sent.get('acr_values')).toBe('idporten-loa-high');
    expect(flow.callback.searchParams.get('iss')).toBe(provider.issuer);

    expect(flow.done.status).toBe(302);
    expect(flow.done.location).toBe('/timer?vis=alle');
    const signedIn = await me(browser);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toMatchObject({
      email: null,
      phone: null,
      strongAuth: true,
      staffSession: false,
    });
    const userId = signedIn.body.id as string;
    const session = await app.db.query<{ auth_method: string; acr: string }>(
      'SELECT auth_method, acr FROM sessions WHERE user_id = $1',
      [userId],
    );
    expect(session.rows).toEqual([{ auth_method: 'oidc', acr: 'idporten-loa-high' }]);
    const identity = await app.db.query<{ subject_hash: Buffer; provider: string }>(
      'SELECT subject_hash, provider FROM user_identities WHERE user_id = $1',
      [userId],
    );
    expect(identity.rows).toHaveLength(1);
    expect(identity.rows[0]!.provider).toBe('patient_oidc');
    expect(identity.rows[0]!.subject_hash.toString('latin1')).not.toContain(HIGH.pid);
    // The round trip is used up, and the binding cookie gone.
    expect(await count('SELECT count(*)::int AS n FROM oidc_requests')).toBe(0);
    expect(browser.cookie(app.baseUrl, 'visitt_oidc')).toBeUndefined();

    const again = new CookieClient(app.origin);
    const second = await signInFlow(again);
    expect(second.done.location).toBe('/');
    expect((await me(again)).body.id).toBe(userId);
  });

  it('sets the binding cookie HttpOnly and SameSite=Lax, and stores the state only as a hash', async () => {
    const browser = new CookieClient(app.origin);
    const start = await browser.get(`${app.baseUrl}/api/v1/auth/oidc/patient/start`);
    const cookie = start.headers.getSetCookie().find((c) => c.startsWith('visitt_oidc='))!;
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Max-Age=600');
    const state = new URL(start.location!).searchParams.get('state')!;
    const { rows } = await app.db.query<{ state_hash: Buffer; return_to: string }>(
      'SELECT state_hash, return_to FROM oidc_requests',
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.state_hash.toString('latin1')).not.toContain(state);
    expect(rows[0]!.return_to).toBe('/');
  });

  it('returns only to paths on this site', async () => {
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const browser = new CookieClient(app.origin);
      const flow = await signInFlow(browser, { query: `?next=${encodeURIComponent(next)}` });
      expect(flow.done.location).toBe('/');
    }
  });

  it('refuses a wrong state, and a callback brought by another browser', async () => {
    const browser = new CookieClient(app.origin);
    const wrong = await signInFlow(browser, {
      beforeCallback: (callback) => callback.searchParams.set('state', 'not-the-state'),
    });
    refusedWith(wrong, 'oidc_failed');
    expect((await me(browser)).status).toBe(401);

    // Login CSRF: the callback URL of one browser's round trip, opened in another browser.
    const victim = new CookieClient(app.origin);
    const stolen = await signInFlow(browser, { callbackBrowser: victim });
    refusedWith(stolen, 'oidc_failed');
    expect((await me(victim)).status).toBe(401);
    // …while the browser that started it can still finish.
    const own = await browser.get(onApp(app, stolen.callback));
    expect(own.location).toBe('/');
    expect((await me(browser)).status).toBe(200);
    expect(logLines.join('\n')).toContain('state not bound to this browser');
  });

  it('refuses an ID token whose nonce is not the one sent', async () => {
    const browser = new CookieClient(app.origin);
    const flow = await signInFlow(browser, {
      beforeCallback: async () => {
        await app.db.query("UPDATE oidc_requests SET nonce = 'tampered-nonce-value'");
      },
    });
    refusedWith(flow, 'oidc_failed');
    expect((await me(browser)).status).toBe(401);
    const refusal = logLines.filter((l) => l.includes('oidc sign-in refused')).at(-1)!;
    expect(refusal).toMatch(/nonce/);
    // What the log says holds no identity number, code or token.
    expect(refusal).not.toContain(HIGH.pid);
    expect(refusal).not.toContain(flow.callback.searchParams.get('code')!);
  });

  it('refuses an authorization response naming another issuer', async () => {
    const browser = new CookieClient(app.origin);
    const flow = await signInFlow(browser, {
      beforeCallback: (callback) => callback.searchParams.set('iss', 'https://evil.example'),
    });
    refusedWith(flow, 'oidc_failed');
  });

  it('refuses a replayed callback, and the provider refuses a replayed code', async () => {
    const browser = new CookieClient(app.origin);
    let saved: Record<string, unknown> | undefined;
    let state = '';
    const flow = await signInFlow(browser, {
      beforeCallback: async (callback) => {
        state = callback.searchParams.get('state')!;
        saved = (await app.db.query('SELECT * FROM oidc_requests')).rows[0] as Record<
          string,
          unknown
        >;
      },
    });
    expect(flow.done.location).toBe('/');
    const firstUser = (await me(browser)).body.id as string;

    // The same callback again, even with the binding cookie put back: the state is used up.
    const replay = new CookieClient(app.origin);
    replay.setCookie(app.baseUrl, 'visitt_oidc', state);
    const again = await replay.get(onApp(app, flow.callback));
    expect(again.location).toBe('/logg-inn?feil=oidc_failed');
    // With our record of the round trip restored, the provider itself refuses the used code.
    await app.db.query(
      `INSERT INTO oidc_requests (state_hash, provider, code_verifier, nonce, return_to, link_user_id, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        saved!.state_hash,
        saved!.provider,
        saved!.code_verifier,
        saved!.nonce,
        saved!.return_to,
        saved!.link_user_id,
        saved!.created_at,
        saved!.expires_at,
      ],
    );
    replay.setCookie(app.baseUrl, 'visitt_oidc', state);
    const reused = await replay.get(onApp(app, flow.callback));
    expect(reused.location).toBe('/logg-inn?feil=oidc_failed');
    expect((await me(replay)).status).toBe(401);
    expect(logLines.filter((l) => l.includes('oidc sign-in refused')).at(-1)).toContain(
      'invalid_grant',
    );
    expect(firstUser).toBeTruthy();
  });

  it('needs PKCE: the provider refuses a request without it, and so do we without a verifier', async () => {
    // An authorization request without code_challenge: the provider answers with an error.
    const browser = new CookieClient(app.origin);
    const flow = await signInFlow(browser, {
      beforeProvider: (authorize) => {
        authorize.searchParams.delete('code_challenge');
        authorize.searchParams.delete('code_challenge_method');
      },
    });
    expect(flow.callback.searchParams.get('error')).toBe('invalid_request');
    expect(flow.callback.searchParams.get('error_description')).toMatch(/PKCE/);
    expect(flow.callback.searchParams.has('code')).toBe(false);
    refusedWith(flow, 'oidc_failed');

    // A round trip whose verifier is missing, or not the one the challenge was made from.
    for (const verifier of ['', 'x'.repeat(43)]) {
      const other = new CookieClient(app.origin);
      const refused = await signInFlow(other, {
        beforeCallback: async () => {
          await app.db.query('UPDATE oidc_requests SET code_verifier = $1', [verifier]);
        },
      });
      refusedWith(refused, 'oidc_failed');
      expect((await me(other)).status).toBe(401);
    }
  });

  it('refuses a sign-in at too low a level of assurance, creating nobody', async () => {
    provider.account = { sub: 'p-low', pid: '02027012345', acr: 'idporten-loa-substantial' };
    const users = await count('SELECT count(*)::int AS n FROM users');
    const browser = new CookieClient(app.origin);
    const flow = await signInFlow(browser);
    refusedWith(flow, 'oidc_acr_too_low');
    expect((await me(browser)).status).toBe(401);
    expect(await count('SELECT count(*)::int AS n FROM users')).toBe(users);

    // Started on the way to a page, the refusal keeps the way for a new try.
    const onTheWay = await signInFlow(new CookieClient(app.origin), { query: '?next=/varsler' });
    expect(onTheWay.done.location).toBe('/logg-inn?feil=oidc_acr_too_low&neste=%2Fvarsler');
    expect(logLines.filter((l) => l.includes('oidc sign-in refused')).at(-1)).toContain(
      'idporten-loa-substantial',
    );
  });

  it('refuses an ID token without the identity number', async () => {
    provider.account = { sub: 'p-nopid', acr: 'idporten-loa-high' };
    const flow = await signInFlow(new CookieClient(app.origin));
    refusedWith(flow, 'oidc_failed');
  });

  it('fills in who the person is from the ID token, keeping what the patient gave themselves', async () => {
    provider.account = {
      sub: 'p-profile',
      pid: '17058012345',
      acr: 'idporten-loa-high',
      givenName: 'Kari',
      familyName: 'Nordmann',
      birthdate: '1980-05-17',
    };
    const browser = new CookieClient(app.origin);
    await signInFlow(browser);
    expect((await me(browser)).body).toMatchObject({
      name: 'Kari Nordmann',
      givenName: 'Kari',
      familyName: 'Nordmann',
      birthDate: '1980-05-17',
    });

    // A patient who gave a given name of their own links an identity: it fills only the rest,
    // and a date of birth in the future or a name with a line break is left out.
    provider.account = {
      sub: 'p-profile-2',
      pid: '18058012345',
      acr: 'idporten-loa-high',
      givenName: 'Per',
      familyName: 'Line\nbreak',
      birthdate: '2999-01-01',
    };
    const email = `profile-${Date.now()}@example.com`;
    const own = new CookieClient(app.origin);
    await own.post(`${app.baseUrl}/api/v1/auth/code`, { email });
    await own.post(`${app.baseUrl}/api/v1/auth/code/verify`, {
      email,
      code: await latestCode(app.db, email),
    });
    expect(
      (await own.request('PATCH', `${app.baseUrl}/api/v1/me`, { givenName: 'Peder' })).status,
    ).toBe(200);
    await signInFlow(own, { query: '?link=1' });
    expect((await me(own)).body).toMatchObject({
      givenName: 'Peder',
      familyName: null,
      birthDate: null,
    });
    provider.account = { ...provider.account, familyName: 'Ås', birthdate: '1980-05-18' };
    await signInFlow(own);
    expect((await me(own)).body).toMatchObject({
      name: 'Peder Ås',
      givenName: 'Peder',
      familyName: 'Ås',
      birthDate: '1980-05-18',
    });
  });

  it('links the identity to a patient signed in by code, once', async () => {
    provider.account = { sub: 'p-link', pid: '03037012345', acr: 'idporten-loa-high' };
    const email = `linked-${Date.now()}@example.com`;
    const browser = new CookieClient(app.origin);
    await browser.post(`${app.baseUrl}/api/v1/auth/code`, { email });
    const verified = await browser.post(`${app.baseUrl}/api/v1/auth/code/verify`, {
      email,
      code: await latestCode(app.db, email),
    });
    expect(verified.body).toMatchObject({ strongAuth: false, staffSession: false });
    const flow = await signInFlow(browser, { query: '?link=1&next=/varsler' });
    expect(flow.done.location).toBe('/varsler');
    const linked = await me(browser);
    expect(linked.body).toMatchObject({ id: verified.body.id, email, strongAuth: true });

    // Signing in by the identity later gives the same account.
    const later = new CookieClient(app.origin);
    await signInFlow(later);
    expect((await me(later)).body.id).toBe(verified.body.id);

    // Another account cannot take the same identity.
    const other = new CookieClient(app.origin);
    const otherEmail = `other-${Date.now()}@example.com`;
    await other.post(`${app.baseUrl}/api/v1/auth/code`, { email: otherEmail });
    await other.post(`${app.baseUrl}/api/v1/auth/code/verify`, {
      email: otherEmail,
      code: await latestCode(app.db, otherEmail),
    });
    refusedWith(await signInFlow(other, { query: '?link=1' }), 'oidc_identity_in_use');

    // Linking needs a session.
    const start = await new CookieClient(app.origin).get(
      `${app.baseUrl}/api/v1/auth/oidc/patient/start?link=1`,
    );
    expect(start.location).toBe('/logg-inn?feil=unauthorized');
  });
});

/** Signs a staff member in with password and a newly set up authenticator app. */
async function signInStaffByPassword(browser: CookieClient, email: string, password: string) {
  expect(
    (await browser.post(`${app.baseUrl}/api/v1/auth/password`, { email, password })).body,
  ).toEqual({ next: 'enrol' });
  const enrolment = await browser.post(`${app.baseUrl}/api/v1/auth/totp/enrolment`);
  const code = totpCode(base32Decode(enrolment.body.secret as string), totpStep(app.clock.now()));
  expect(
    (await browser.post(`${app.baseUrl}/api/v1/auth/totp/enrolment/confirm`, { code })).status,
  ).toBe(200);
}

describe('staff with a HelseID-style provider (private_key_jwt)', () => {
  it('refuses an identity no staff account is linked to; links one from a signed-in workspace', async () => {
    provider.account = { sub: 'hpr-1', pid: '04047012345', acr: 'idporten-loa-substantial' };
    const stranger = new CookieClient(app.origin);
    const refused = await signInFlow(stranger, { kind: 'staff' });
    refusedWith(refused, 'oidc_not_linked', '/ansatt/logg-inn');
    expect(
      await count('SELECT count(*)::int AS n FROM user_identities WHERE provider = $1', [
        'staff_oidc',
      ]),
    ).toBe(0);

    const clinic = await buildClinic(app.db);
    const staff = await buildUser(app.db, { password: 'staff password' });
    await buildMembership(app.db, clinic.id, staff.id, ['practitioner']);
    const workspace = new CookieClient(app.origin);
    await signInStaffByPassword(workspace, staff.email, 'staff password');
    const linked = await signInFlow(workspace, { kind: 'staff', query: '?link=1' });
    expect(linked.done.location).toBe('/arbeidsflate');
    expect((await me(workspace)).body).toMatchObject({
      id: staff.id,
      strongAuth: true,
      staffSession: true,
    });

    const later = new CookieClient(app.origin);
    const signedIn = await signInFlow(later, { kind: 'staff', query: '?next=/arbeidsflate' });
    expect(signedIn.done.location).toBe('/arbeidsflate');
    const who = await me(later);
    expect(who.body).toMatchObject({ id: staff.id, strongAuth: true, staffSession: true });
    expect(who.body.memberships).toHaveLength(1);
    const session = await app.db.query<{ auth_method: string; acr: string }>(
      'SELECT auth_method, acr FROM sessions WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1',
      [staff.id],
    );
    expect(session.rows[0]).toEqual({ auth_method: 'oidc', acr: 'idporten-loa-substantial' });

    // Staff who are no longer active cannot sign in by it.
    await app.db.query('UPDATE clinic_memberships SET active = false WHERE user_id = $1', [
      staff.id,
    ]);
    refusedWith(
      await signInFlow(new CookieClient(app.origin), { kind: 'staff' }),
      'oidc_not_linked',
      '/ansatt/logg-inn',
    );
  });

  it('lets only staff link the staff provider', async () => {
    const patient = new CookieClient(app.origin);
    const email = `not-staff-${Date.now()}@example.com`;
    await patient.post(`${app.baseUrl}/api/v1/auth/code`, { email });
    await patient.post(`${app.baseUrl}/api/v1/auth/code/verify`, {
      email,
      code: await latestCode(app.db, email),
    });
    const start = await patient.get(`${app.baseUrl}/api/v1/auth/oidc/staff/start?link=1`);
    expect(start.location).toBe('/ansatt/logg-inn?feil=forbidden');
  });

  it('lets staff link the staff provider only from a staff session, not an e-mail code one', async () => {
    const clinic = await buildClinic(app.db);
    const staff = await buildUser(app.db, { email: `code-staff-${Date.now()}@example.com` });
    await buildMembership(app.db, clinic.id, staff.id, ['practitioner']);
    const byCode = new CookieClient(app.origin);
    await byCode.post(`${app.baseUrl}/api/v1/auth/code`, { email: staff.email });
    await byCode.post(`${app.baseUrl}/api/v1/auth/code/verify`, {
      email: staff.email,
      code: await latestCode(app.db, staff.email),
    });
    const start = await byCode.get(`${app.baseUrl}/api/v1/auth/oidc/staff/start?link=1`);
    expect(start.location).toBe('/ansatt/logg-inn?feil=forbidden');
  });
});

describe('configuration', () => {
  it('lists the configured providers for the sign-in buttons', async () => {
    const providers = await new CookieClient().get(`${app.baseUrl}/api/v1/auth/providers`);
    expect(providers.body).toEqual({
      patient: { name: 'ID-porten', startPath: '/api/v1/auth/oidc/patient/start' },
      staff: { name: 'HelseID', startPath: '/api/v1/auth/oidc/staff/start' },
    });
  });
});

describe('a provider that is not the configured one', () => {
  it('refuses an ID token from another issuer than discovery promised', async () => {
    let realUrl = '';
    const proxy = await startTamperingProxy(() => realUrl, { issuerIsProxy: true });
    const other = await startOidcProvider({ clients: [patientClient()], account: HIGH });
    realUrl = other.url;
    const target = await startTestApp({
      env: {
        ...patientEnv(proxy.url),
        OIDC_STAFF_ISSUER: 'http://127.0.0.1:9',
        OIDC_STAFF_CLIENT_ID: 'x',
        OIDC_STAFF_CLIENT_SECRET: 'y',
        OIDC_STAFF_ACR_VALUES: 'a',
      },
    });
    try {
      const browser = new CookieClient(target.origin);
      const flow = await signInFlow(browser, {
        target,
        // Without RFC 9207's `iss` in the response, only the ID token can tell.
        beforeCallback: (callback) => callback.searchParams.delete('iss'),
      });
      refusedWith(flow, 'oidc_failed');
      expect((await me(browser, target)).status).toBe(401);

      // A provider that cannot be reached: the sign-in page says so.
      const down = await browser.get(`${target.baseUrl}/api/v1/auth/oidc/staff/start`);
      expect(down.location).toBe('/ansatt/logg-inn?feil=oidc_unavailable');
    } finally {
      await target.close();
      await other.close();
      await proxy.close();
    }
  });

  it('refuses an ID token issued to another client', async () => {
    let realUrl = '';
    const proxy = await startTamperingProxy(() => realUrl, {
      tokenClient: { id: OTHER.id, secret: OTHER.secret },
    });
    const shared = await startOidcProvider({
      clients: [
        patientClient(),
        {
          ...patientClient(),
          ...{ client_id: OTHER.id, client_secret: OTHER.secret },
          token_endpoint_auth_method: 'client_secret_post',
        },
      ],
      account: HIGH,
      issuer: () => proxy.url,
    });
    realUrl = shared.url;
    const target = await startTestApp({ env: patientEnv(proxy.url) });
    try {
      const browser = new CookieClient(target.origin);
      const flow = await signInFlow(browser, {
        target,
        // The code is obtained for the other client, and redeemed with its credentials.
        beforeProvider: (authorize) => authorize.searchParams.set('client_id', OTHER.id),
      });
      expect(flow.callback.searchParams.has('code')).toBe(true);
      refusedWith(flow, 'oidc_failed');
      expect((await me(browser, target)).status).toBe(401);
    } finally {
      await target.close();
      await shared.close();
      await proxy.close();
    }
  });

  it('sends the patient sign-in page an error when no provider is configured', async () => {
    const plain = await startTestApp();
    try {
      const browser = new CookieClient(plain.origin);
      expect((await browser.get(`${plain.baseUrl}/api/v1/auth/providers`)).body).toEqual({
        patient: null,
        staff: null,
      });
      const start = await browser.get(`${plain.baseUrl}/api/v1/auth/oidc/patient/start`);
      expect(start.location).toBe('/logg-inn?feil=oidc_unavailable');
    } finally {
      await plain.close();
    }
  });
});
