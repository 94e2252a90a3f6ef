import { createECDH, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PUSH_SUBSCRIPTIONS_PER_USER } from '../../db/push';
import { Browser, signInWithCode, startTestApp, type TestApp } from '../../../test/harness';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ now: '2026-11-30T08:00:00Z' });
});
afterAll(() => app.close());

const unique = () => randomBytes(5).toString('hex');

/** What `PushSubscription.toJSON()` gives in a browser, with fresh keys. */
function browserSubscription(endpoint = `https://fcm.googleapis.com/fcm/send/${unique()}`) {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return {
    endpoint,
    expirationTime: null,
    keys: {
      p256dh: ecdh.getPublicKey().toString('base64url'),
      auth: randomBytes(16).toString('base64url'),
    },
  };
}

async function signedIn(): Promise<{ browser: Browser; userId: string }> {
  const browser = new Browser(app);
  await signInWithCode(browser, app.db, `push-${unique()}@example.com`);
  const me = await browser.get('/api/v1/me');
  return { browser, userId: me.body.id as string };
}

const rowsOf = async (userId: string) =>
  (
    await app.db.query<{ endpoint: string; p256dh: string; auth: string; created_at: Date }>(
      'SELECT endpoint, p256dh, auth, created_at FROM push_subscriptions WHERE user_id = $1 ORDER BY created_at',
      [userId],
    )
  ).rows;

const preferenceOf = async (userId: string) =>
  (
    await app.db.query<{ enabled: boolean; changed_at: Date }>(
      "SELECT enabled, changed_at FROM channel_preferences WHERE user_id = $1 AND channel = 'push'",
      [userId],
    )
  ).rows[0] ?? null;

const unsubscribe = (browser: Browser, body: unknown) =>
  browser.request('DELETE', '/api/v1/me/push-subscriptions', body);

describe('VAPID public key', () => {
  it('is public, stable, and the same on every instance of one database', async () => {
    const first = await new Browser(app).get('/api/v1/push/vapid-public-key');
    expect(first.status).toBe(200);
    expect(first.body.publicKey).toMatch(/^B[\w-]{86}$/);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const again = await new Browser(app).get('/api/v1/push/vapid-public-key');
    expect(again.body).toEqual(first.body);

    const second = await startTestApp({ shareDatabaseWith: app });
    try {
      const other = await new Browser(second).get('/api/v1/push/vapid-public-key');
      expect(other.body).toEqual(first.body);
    } finally {
      await second.close();
    }
    const { rows } = await app.db.query(
      "SELECT value->>'publicKey' AS public_key FROM instance_settings WHERE key = 'vapid'",
    );
    expect(rows).toEqual([{ public_key: first.body.publicKey }]);
  });

  it('never hands out the private key', async () => {
    const response = await new Browser(app).get('/api/v1/push/vapid-public-key');
    expect(Object.keys(response.body)).toEqual(['publicKey']);
  });
});

describe('push subscriptions', () => {
  it('answers 401 when signed out, and writes nothing', async () => {
    const browser = new Browser(app);
    const subscription = browserSubscription();
    expect((await browser.get('/api/v1/me/push-subscriptions')).status).toBe(401);
    const post = await browser.post('/api/v1/me/push-subscriptions', subscription);
    expect(post.status).toBe(401);
    expect(post.body.error).toBe('unauthorized');
    expect((await unsubscribe(browser, { endpoint: subscription.endpoint })).status).toBe(401);
    const { rowCount } = await app.db.query(
      'SELECT 1 FROM push_subscriptions WHERE endpoint = $1',
      [subscription.endpoint],
    );
    expect(rowCount).toBe(0);
  });

  it('subscribes this browser and records the consent with its time', async () => {
    const { browser, userId } = await signedIn();
    const subscription = browserSubscription();
    const created = await browser.post('/api/v1/me/push-subscriptions', subscription);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      enabled: true,
      changedAt: '2026-11-30T08:00:00.000Z',
      devices: [
        {
          endpoint: subscription.endpoint,
          createdAt: '2026-11-30T08:00:00.000Z',
          lastUsedAt: null,
        },
      ],
    });
    expect(await rowsOf(userId)).toEqual([
      {
        endpoint: subscription.endpoint,
        p256dh: subscription.keys.p256dh,
        auth: subscription.keys.auth,
        created_at: new Date('2026-11-30T08:00:00Z'),
      },
    ]);
    expect(await preferenceOf(userId)).toEqual({
      enabled: true,
      changed_at: new Date('2026-11-30T08:00:00Z'),
    });
    const listed = await browser.get('/api/v1/me/push-subscriptions');
    expect(listed.body).toEqual(created.body);
  });

  it('takes the same browser again with new keys, keeping one row and the first consent time', async () => {
    const { browser, userId } = await signedIn();
    const subscription = browserSubscription();
    await browser.post('/api/v1/me/push-subscriptions', subscription);
    const firstConsent = (await preferenceOf(userId))!.changed_at;

    app.clock.advance(60_000);
    const renewed = { ...browserSubscription(subscription.endpoint) };
    expect((await browser.post('/api/v1/me/push-subscriptions', renewed)).status).toBe(201);
    const rows = await rowsOf(userId);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.p256dh).toBe(renewed.keys.p256dh);
    expect(rows[0]!.auth).toBe(renewed.keys.auth);

    const laptop = browserSubscription();
    expect((await browser.post('/api/v1/me/push-subscriptions', laptop)).status).toBe(201);
    expect(await rowsOf(userId)).toHaveLength(2);
    expect((await preferenceOf(userId))!.changed_at).toEqual(firstConsent);
  });

  it('moves an endpoint to the user who subscribes it now (a shared computer)', async () => {
    const first = await signedIn();
    const second = await signedIn();
    const subscription = browserSubscription();
    await first.browser.post('/api/v1/me/push-subscriptions', subscription);
    const moved = await second.browser.post('/api/v1/me/push-subscriptions', subscription);
    expect(moved.status).toBe(201);
    expect(await rowsOf(first.userId)).toEqual([]);
    expect((await rowsOf(second.userId)).map((r) => r.endpoint)).toEqual([subscription.endpoint]);
    const firstView = await first.browser.get('/api/v1/me/push-subscriptions');
    expect(firstView.body).toMatchObject({ enabled: false, devices: [] });
  });

  it(`keeps at most ${MAX_PUSH_SUBSCRIPTIONS_PER_USER} devices per user, dropping the oldest`, async () => {
    const { browser, userId } = await signedIn();
    const endpoints: string[] = [];
    for (let i = 0; i <= MAX_PUSH_SUBSCRIPTIONS_PER_USER; i++) {
      app.clock.advance(1000);
      const subscription = browserSubscription();
      endpoints.push(subscription.endpoint);
      expect((await browser.post('/api/v1/me/push-subscriptions', subscription)).status).toBe(201);
    }
    const kept = (await rowsOf(userId)).map((r) => r.endpoint);
    expect(kept).toEqual(endpoints.slice(1));
  });

  it.each([
    ['an http endpoint', { endpoint: 'http://push.example.com/x' }],
    ['an IP address', { endpoint: 'https://10.0.0.5/x' }],
    ['an IPv6 address', { endpoint: 'https://[::1]/x' }],
    ['localhost', { endpoint: 'https://localhost:8443/x' }],
    ['a user in the URL', { endpoint: 'https://user:pw@push.example.com/x' }],
    ['no URL at all', { endpoint: 'not a url' }],
    ['an endpoint too long', { endpoint: `https://push.example.com/${'a'.repeat(2100)}` }],
    ['a short p256dh', { keys: { p256dh: 'BAAA', auth: randomBytes(16).toString('base64url') } }],
    [
      'a compressed p256dh',
      {
        keys: {
          p256dh: Buffer.concat([Buffer.from([3]), randomBytes(64)]).toString('base64url'),
          auth: randomBytes(16).toString('base64url'),
        },
      },
    ],
    [
      'a p256dh off the curve',
      {
        keys: {
          p256dh: Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 1)]).toString('base64url'),
          auth: randomBytes(16).toString('base64url'),
        },
      },
    ],
    ['an auth of 15 bytes', { keys: { auth: randomBytes(15).toString('base64url') } }],
    ['an auth of 17 bytes', { keys: { auth: randomBytes(17).toString('base64url') } }],
    ['standard base64 instead of base64url', { keys: { auth: '+/+/+/+/+/+/+/+/+/+/+w' } }],
    ['an unknown field', { extra: true }],
    ['an unknown key', { keys: { aes128gcm: 'x' } }],
    ['no keys', { keys: undefined }],
    ['an expirationTime as text', { expirationTime: '2027-01-01' }],
  ])('refuses %s with 400 and writes nothing', async (_label, change) => {
    const { browser, userId } = await signedIn();
    const valid = browserSubscription();
    const body: Record<string, unknown> = { ...valid, ...change };
    if ('keys' in change && change.keys) body.keys = { ...valid.keys, ...change.keys };
    const response = await browser.post('/api/v1/me/push-subscriptions', body);
    expect(response.status).toBe(400);
    expect(response.body.error).toBe('validation_failed');
    expect(await rowsOf(userId)).toEqual([]);
    expect(await preferenceOf(userId)).toBeNull();
  });

  it.each([
    'https://fcm.googleapis.com/fcm/send/dXx1:APA91bH-Kq9_x',
    'https://updates.push.services.mozilla.com/wpush/v2/gAAAAABm-xyz',
    'https://web.push.apple.com/QGuQyavXutnMei-2N4XcKQ',
    'https://wns2-par02p.notify.windows.com/w/?token=BQYAAAB%2bxyz%3d',
  ])('accepts the endpoint of a real push service: %s', async (endpoint) => {
    const { browser } = await signedIn();
    const response = await browser.post(
      '/api/v1/me/push-subscriptions',
      browserSubscription(endpoint),
    );
    expect(response.status).toBe(201);
    expect(response.body.devices).toEqual([expect.objectContaining({ endpoint })]);
  });

  it('accepts padded base64url keys and an expirationTime', async () => {
    const { browser } = await signedIn();
    const subscription = browserSubscription();
    const response = await browser.post('/api/v1/me/push-subscriptions', {
      ...subscription,
      expirationTime: Date.parse('2027-01-01T00:00:00Z'),
      keys: { p256dh: `${subscription.keys.p256dh}=`, auth: `${subscription.keys.auth}==` },
    });
    expect(response.status).toBe(201);
  });

  it('unsubscribes; push turns off (with the time) once no device is left', async () => {
    const { browser, userId } = await signedIn();
    const phone = browserSubscription();
    const laptop = browserSubscription();
    await browser.post('/api/v1/me/push-subscriptions', phone);
    await browser.post('/api/v1/me/push-subscriptions', laptop);

    app.clock.advance(5 * 60_000);
    const first = await unsubscribe(browser, { endpoint: phone.endpoint });
    expect(first.status).toBe(204);
    expect(first.body).toBe('');
    expect((await rowsOf(userId)).map((r) => r.endpoint)).toEqual([laptop.endpoint]);
    expect((await preferenceOf(userId))!.enabled).toBe(true);

    app.clock.advance(60_000);
    const offAt = new Date(app.clock.now());
    expect((await unsubscribe(browser, { endpoint: laptop.endpoint })).status).toBe(204);
    expect(await rowsOf(userId)).toEqual([]);
    expect(await preferenceOf(userId)).toEqual({ enabled: false, changed_at: offAt });
    const view = await browser.get('/api/v1/me/push-subscriptions');
    expect(view.body).toEqual({ enabled: false, changedAt: offAt.toISOString(), devices: [] });

    // Again: nothing to do, and the time of the choice stays.
    app.clock.advance(60_000);
    expect((await unsubscribe(browser, { endpoint: laptop.endpoint })).status).toBe(204);
    expect((await preferenceOf(userId))!.changed_at).toEqual(offAt);
  });

  it("leaves another user's subscription alone", async () => {
    const owner = await signedIn();
    const other = await signedIn();
    const subscription = browserSubscription();
    await owner.browser.post('/api/v1/me/push-subscriptions', subscription);
    expect((await unsubscribe(other.browser, { endpoint: subscription.endpoint })).status).toBe(
      204,
    );
    expect(await rowsOf(owner.userId)).toHaveLength(1);
    expect((await preferenceOf(owner.userId))!.enabled).toBe(true);
  });

  it('refuses an unsubscribe without an endpoint, or with other fields', async () => {
    const { browser } = await signedIn();
    expect((await unsubscribe(browser, {})).status).toBe(400);
    expect((await unsubscribe(browser, { endpoint: 'x', keys: {} })).status).toBe(400);
  });

  it('refuses a subscribe from another site', async () => {
    const { browser, userId } = await signedIn();
    const response = await browser.post('/api/v1/me/push-subscriptions', browserSubscription(), {
      origin: 'https://evil.example',
    });
    expect(response.status).toBe(403);
    expect(await rowsOf(userId)).toEqual([]);
  });
});
