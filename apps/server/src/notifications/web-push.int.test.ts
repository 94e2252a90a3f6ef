import {
  createDecipheriv,
  createECDH,
  createPublicKey,
  hkdfSync,
  randomBytes,
  verify,
  type ECDH,
} from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import net, { type AddressInfo } from 'node:net';
import webpush from 'web-push';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildUser } from '../../test/factories';
import { createTestDatabase, TestClock } from '../../test/harness';
import type { Db } from '../db/pool';
import { TransportError, type OutgoingMessage } from './transport';
import { getVapidKeys, type VapidKeys } from './vapid';
import { createWebPushTransport, isNonPublicAddress, type WebPushClient } from './web-push';

const SUBJECT = 'mailto:drift@visitt.invalid';
const PUSH_ORIGIN = 'https://push.visitt.test';

/** What the local push service received. */
interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/**
 * A push service on 127.0.0.1 (plain HTTP): answers each path with the status the test set
 * (201 by default), or drops the connection for `reset`.
 */
class LocalPushService {
  readonly received: Received[] = [];
  readonly answers = new Map<string, number | 'reset'>();
  private server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '';
      this.received.push({ path, headers: req.headers, body: Buffer.concat(chunks) });
      const answer = this.answers.get(path) ?? 201;
      if (answer === 'reset') return req.socket.destroy();
      res.writeHead(answer, { location: `${PUSH_ORIGIN}/m/${randomBytes(4).toString('hex')}` });
      res.end();
    });
  });
  port = 0;

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }
  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/**
 * web-push only speaks https. This agent hands it a plain TCP connection to the local service
 * whatever the endpoint's host, so the request (VAPID header and encrypted body exactly as a
 * real push service gets them) arrives at a node:http server.
 */
class LocalServiceAgent extends https.Agent {
  constructor(private readonly port: () => number) {
    super();
  }
  override createConnection(): net.Socket {
    return net.connect(this.port(), '127.0.0.1');
  }
}

/** A browser's side of a subscription: its ECDH key pair and auth secret (RFC 8291). */
interface Device {
  endpoint: string;
  ecdh: ECDH;
  auth: Buffer;
}

function makeDevice(path: string): Device {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return { endpoint: `${PUSH_ORIGIN}${path}`, ecdh, auth: randomBytes(16) };
}

async function subscribe(db: Db, userId: string, device: Device): Promise<string> {
  // Straight into the table: the route's rules (a DNS name, no test host) are tested elsewhere.
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO push_subscriptions (user_id, endpoint, p256dh, auth, created_at)
     VALUES ($1, $2, $3, $4, now()) RETURNING id`,
    [
      userId,
      device.endpoint,
      device.ecdh.getPublicKey().toString('base64url'),
      device.auth.toString('base64url'),
    ],
  );
  return rows[0]!.id;
}

/** Decrypts an aes128gcm Web Push body (RFC 8188 framing, RFC 8291 keys) as the browser does. */
function decrypt(body: Buffer, device: Device): string {
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body[20]!;
  const asPublic = body.subarray(21, 21 + idLength);
  const record = body.subarray(21 + idLength);
  expect(idLength).toBe(65);
  expect(record.length).toBeLessThanOrEqual(recordSize);

  const uaPublic = device.ecdh.getPublicKey();
  const ecdhSecret = device.ecdh.computeSecret(asPublic);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), uaPublic, asPublic]);
  const ikm = Buffer.from(hkdfSync('sha256', ecdhSecret, device.auth, keyInfo, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, 'Content-Encoding: aes128gcm\0', 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, 'Content-Encoding: nonce\0', 12));

  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const padded = Buffer.concat([
    decipher.update(record.subarray(0, record.length - 16)),
    decipher.final(),
  ]);
  // The last (here: only) record ends with the delimiter 0x02, then zero or more 0x00.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  expect(padded[end]).toBe(0x02);
  return padded.subarray(0, end).toString('utf8');
}

/** Checks the `Authorization: vapid t=<JWT>, k=<public key>` header (RFC 8292). */
function expectValidVapid(authorization: string | undefined, keys: VapidKeys, audience: string) {
  const match = /^vapid t=([\w-]+)\.([\w-]+)\.([\w-]+), k=([\w-]+)$/.exec(authorization ?? '');
  expect(match, 'vapid authorization header').not.toBeNull();
  const [, header, claims, signature, k] = match!;
  expect(k).toBe(keys.publicKey);
  expect(JSON.parse(Buffer.from(header!, 'base64url').toString())).toMatchObject({ alg: 'ES256' });

  const point = Buffer.from(k!, 'base64url');
  const publicKey = createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: point.subarray(1, 33).toString('base64url'),
      y: point.subarray(33).toString('base64url'),
    },
    format: 'jwk',
  });
  const signed = verify(
    'sha256',
    Buffer.from(`${header}.${claims}`),
    { key: publicKey, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature!, 'base64url'),
  );
  expect(signed, 'ES256 signature').toBe(true);

  const jwt = JSON.parse(Buffer.from(claims!, 'base64url').toString()) as Record<string, unknown>;
  expect(jwt.aud).toBe(audience);
  expect(jwt.sub).toBe(SUBJECT);
  // The JWT is made by the library with the machine's clock, not the test's.
  const nowSeconds = Date.now() / 1000;
  expect(jwt.exp).toBeGreaterThan(nowSeconds);
  expect(jwt.exp).toBeLessThanOrEqual(nowSeconds + 24 * 3600);
}

const message = (to: string): Extract<OutgoingMessage, { channel: 'push' }> => ({
  channel: 'push',
  to,
  push: {
    title: 'Pasient i videorommet',
    body: 'Kari venter på deg – æøå',
    url: '/arbeidsflate',
    tag: 'patient-started-7f0c1c2e-93a1-4c59-9a53-3f4f0c2a4b11',
  },
  reference: 'ref-1',
});

async function sendError(promise: Promise<unknown>): Promise<TransportError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TransportError);
  return error as TransportError;
}

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let vapid: VapidKeys;
const service = new LocalPushService();
const clock = new TestClock(Date.parse('2026-11-30T08:00:00Z'));
const client: WebPushClient = {
  sendNotification: (subscription, payload, options) =>
    webpush.sendNotification(subscription, payload, {
      ...options,
      agent: new LocalServiceAgent(() => service.port),
    }),
};
const transport = () =>
  createWebPushTransport(db, { subject: SUBJECT, vapid, webPush: client, clock });

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  vapid = await getVapidKeys(db);
  await service.start();
});
afterAll(async () => {
  await service.close();
  await database.drop();
});
beforeEach(() => {
  service.received.length = 0;
  service.answers.clear();
});

const subscriptionIds = async (userId: string) =>
  (
    await db.query<{ id: string }>('SELECT id FROM push_subscriptions WHERE user_id = $1', [userId])
  ).rows.map((r) => r.id);

describe('web push transport', () => {
  it('sends the payload encrypted (aes128gcm) with a valid VAPID signature and notes the use', async () => {
    const user = await buildUser(db);
    const device = makeDevice('/wpush/v2/phone');
    const id = await subscribe(db, user.id, device);

    const result = await transport().send(message(user.id));
    expect(result).toEqual({ reference: null });

    expect(service.received).toHaveLength(1);
    const [request] = service.received;
    expect(request!.path).toBe('/wpush/v2/phone');
    expect(request!.headers['content-encoding']).toBe('aes128gcm');
    expect(request!.headers.ttl).toBe('3600');
    expect(request!.headers.urgency).toBe('high');
    expect(request!.headers.topic).toMatch(/^[\w-]{32}$/);
    expectValidVapid(request!.headers.authorization, vapid, PUSH_ORIGIN);
    expect(request!.body.includes(Buffer.from('videorommet'))).toBe(false);
    expect(JSON.parse(decrypt(request!.body, device))).toEqual(message(user.id).push);

    const { rows } = await db.query<{ last_used_at: Date }>(
      'SELECT last_used_at FROM push_subscriptions WHERE id = $1',
      [id],
    );
    expect(rows[0]!.last_used_at.getTime()).toBe(clock.now());
  });

  it('gives messages with the same tag the same topic, other tags another', async () => {
    const user = await buildUser(db);
    await subscribe(db, user.id, makeDevice('/topic'));
    const m = message(user.id);
    await transport().send(m);
    await transport().send(m);
    await transport().send({ ...m, push: { ...m.push, tag: 'reminder-1' } });
    const topics = service.received.map((r) => r.headers.topic);
    expect(topics[0]).toBe(topics[1]);
    expect(topics[2]).not.toBe(topics[0]);
  });

  it.each([410, 404])(
    'deletes a subscription the push service answers %i for, and fails permanently',
    async (status) => {
      const user = await buildUser(db);
      await subscribe(db, user.id, makeDevice(`/gone-${status}`));
      service.answers.set(`/gone-${status}`, status);
      const error = await sendError(transport().send(message(user.id)));
      expect(error.permanent).toBe(true);
      expect(await subscriptionIds(user.id)).toEqual([]);
    },
  );

  it.each([500, 503, 429])('fails transiently on %i and keeps the subscription', async (status) => {
    const user = await buildUser(db);
    const id = await subscribe(db, user.id, makeDevice(`/busy-${status}`));
    service.answers.set(`/busy-${status}`, status);
    const error = await sendError(transport().send(message(user.id)));
    expect(error.permanent).toBe(false);
    expect(error.message).toContain(`HTTP ${status}`);
    expect(await subscriptionIds(user.id)).toEqual([id]);
    const { rows } = await db.query('SELECT last_used_at FROM push_subscriptions WHERE id = $1', [
      id,
    ]);
    expect(rows[0]!.last_used_at).toBeNull();
  });

  it('fails transiently when the connection drops, without naming the endpoint', async () => {
    const user = await buildUser(db);
    await subscribe(db, user.id, makeDevice('/drop'));
    service.answers.set('/drop', 'reset');
    const error = await sendError(transport().send(message(user.id)));
    expect(error.permanent).toBe(false);
    expect(error.message).not.toContain('push.visitt.test');
    expect(error.message).not.toContain('/drop');
  });

  it('fails permanently, without retrying, when the push service refuses the request (403)', async () => {
    const user = await buildUser(db);
    const id = await subscribe(db, user.id, makeDevice('/forbidden'));
    service.answers.set('/forbidden', 403);
    const error = await sendError(transport().send(message(user.id)));
    expect(error.permanent).toBe(true);
    // Not gone: a refused VAPID signature may be our own fault, so the device is kept.
    expect(await subscriptionIds(user.id)).toEqual([id]);
  });

  it('counts as sent when one of two devices accepts and the other is gone', async () => {
    const user = await buildUser(db);
    const phone = makeDevice('/two/phone');
    const laptop = makeDevice('/two/laptop');
    const phoneId = await subscribe(db, user.id, phone);
    await subscribe(db, user.id, laptop);
    service.answers.set('/two/laptop', 410);

    await expect(transport().send(message(user.id))).resolves.toEqual({ reference: null });
    expect(service.received.map((r) => r.path).sort()).toEqual(['/two/laptop', '/two/phone']);
    const delivered = service.received.find((r) => r.path === '/two/phone')!;
    expect(JSON.parse(decrypt(delivered.body, phone))).toEqual(message(user.id).push);
    expect(await subscriptionIds(user.id)).toEqual([phoneId]);
  });

  it('retries (transient) when one device is gone and the other is busy', async () => {
    const user = await buildUser(db);
    await subscribe(db, user.id, makeDevice('/mixed/gone'));
    const busyId = await subscribe(db, user.id, makeDevice('/mixed/busy'));
    service.answers.set('/mixed/gone', 410);
    service.answers.set('/mixed/busy', 502);
    const error = await sendError(transport().send(message(user.id)));
    expect(error.permanent).toBe(false);
    expect(error.message).toMatch(
      /1 gone, 1 transient \(HTTP 502\)|1 transient \(HTTP 502\), 1 gone/,
    );
    expect(await subscriptionIds(user.id)).toEqual([busyId]);
  });

  it('fails permanently when the user has no device', async () => {
    const user = await buildUser(db);
    const error = await sendError(transport().send(message(user.id)));
    expect(error.permanent).toBe(true);
    expect(service.received).toHaveLength(0);
  });

  it('refuses messages of other channels', async () => {
    const error = await sendError(
      transport().send({ channel: 'sms', to: '+4791234567', text: 'x', reference: 'r' }),
    );
    expect(error.permanent).toBe(true);
  });

  it('never posts to loopback or private addresses (the real client, no test agent)', async () => {
    const user = await buildUser(db);
    await subscribe(db, user.id, {
      ...makeDevice(''),
      endpoint: `https://127.0.0.1:${service.port}/literal`,
    });
    await subscribe(db, user.id, {
      ...makeDevice(''),
      endpoint: `https://localhost:${service.port}/by-name`,
    });
    const real = createWebPushTransport(db, { subject: SUBJECT, vapid, clock });
    const error = await sendError(real.send(message(user.id)));
    expect(error.permanent).toBe(true);
    expect(error.message).toContain('2 refused (non-public address)');
    expect(service.received).toHaveLength(0);
    // Refused, not gone: the rows stay for an operator to look at.
    expect(await subscriptionIds(user.id)).toHaveLength(2);
  });
});

describe('isNonPublicAddress', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.20.0.1', true],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['::1', true],
    ['::', true],
    ['fd00::1', true],
    ['fe80::1', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:7f00:1', true],
    ['::ffff:8efa:4a0a', false],
    ['not-an-ip', true],
    ['142.250.74.10', false],
    ['2a00:1450:400f:80d::200a', false],
  ])('%s → %s', (address, expected) => {
    expect(isNonPublicAddress(address)).toBe(expected);
  });
});
