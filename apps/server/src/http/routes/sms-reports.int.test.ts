import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildUser } from '../../../test/factories';
import { createTestDatabase, TestClock } from '../../../test/harness';
import { loadConfig } from '../../config/config';
import type { Db } from '../../db/pool';
import type { AppDeps } from '../../deps';
import { createLinkMobilityTransport } from '../../notifications/link-mobility';
import { createPgSignalBus, type SignalBus } from '../../signaling/bus';
import { fail } from '../../core/errors';
import { handleError } from '../errors';
import { sessionPlugin } from '../session';
import { smsReportRoutes } from './sms-reports';

const TOKEN = 'dlr-token-0123456789abcdef';
const NOW = '2026-11-30T09:00:00Z';

/** The pieces of buildApp this route relies on: zod, the error table, request.ctx, 404s. */
async function startReportApp(deps: AppDeps): Promise<{ app: FastifyInstance; baseUrl: string }> {
  const app = Fastify({ logger: false });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  await app.register(sessionPlugin, deps);
  await app.register(smsReportRoutes);
  app.setNotFoundHandler(async () => {
    throw fail('not_found');
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, baseUrl: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let bus: SignalBus;
let clock: TestClock;
let app: FastifyInstance;
let baseUrl: string;
let unconfigured: FastifyInstance;
let unconfiguredUrl: string;
let userId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  bus = await createPgSignalBus(db, database.url);
  clock = new TestClock(Date.parse(NOW));
  const deps = (env: Record<string, string>): AppDeps => ({
    config: loadConfig({ PORT: '0', LOG_LEVEL: 'silent', ...env }),
    db,
    clock,
    secret: 'test-secret-test-secret-test-secret!',
    transports: {},
    bus,
  });
  ({ app, baseUrl } = await startReportApp(deps({ SMS_REPORT_TOKEN: TOKEN })));
  ({ app: unconfigured, baseUrl: unconfiguredUrl } = await startReportApp(deps({})));
  userId = (await buildUser(db, { phone: '+4791234567' })).id;
});
afterAll(async () => {
  await app.close();
  await unconfigured.close();
  await bus.close();
  await database.drop();
});
beforeEach(() => clock.set(NOW));

interface Row {
  delivery_status: string | null;
  delivered_at: Date | null;
  updated_at: Date;
}

/** A sent SMS reminder, as the worker leaves it: status sent, LINK's messageId stored. */
async function sentSms(providerReference: string | null = `msg-${randomUUID()}`) {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO notifications (dedupe_key, user_id, kind, channel, due_at, send_before, status, attempts,
                                provider_reference, sent_at, created_at, updated_at)
     VALUES ($1, $2, 'reminder', 'sms', $3, $3::timestamptz + interval '1 day', 'sent', 1, $4, $3, $3, $3)
     RETURNING id`,
    [`test:${randomUUID()}`, userId, '2026-11-30T08:00:00Z', providerReference],
  );
  return { id: rows[0]!.id, providerReference };
}

async function row(id: string): Promise<Row> {
  const { rows } = await db.query<Row>(
    'SELECT delivery_status, delivered_at, updated_at FROM notifications WHERE id = $1',
    [id],
  );
  return rows[0]!;
}

/** Every notification's delivery columns, to show that nothing changed. */
async function allRows(): Promise<(Row & { id: string })[]> {
  const { rows } = await db.query<Row & { id: string }>(
    'SELECT id, delivery_status, delivered_at, updated_at FROM notifications ORDER BY id',
  );
  return rows;
}

/** Posts like LINK's gate: JSON, no Origin, no cookie. */
async function post(path: string, body: unknown, base = baseUrl) {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
}

/** A delivery report in LINK's JSON format (SMS REST API §0.9.2), with a field LINK may add. */
const report = (fields: Record<string, unknown>) => ({
  refId: null,
  id: 'unknown',
  operator: 'no.telenor',
  sentTimestamp: '2026-11-30T08:00:01Z',
  timestamp: '2026-11-30T08:00:05Z',
  resultCode: 1001,
  operatorResultCode: '2',
  segments: 1,
  gateCustomParameters: {},
  customParameters: { received: '2026-11-30 09:00:06' },
  someFieldLinkAddsLater: { nested: true },
  ...fields,
});

const reports = `/api/v1/sms/reports/${TOKEN}`;

describe('delivery reports from LINK Mobility', () => {
  it('marks the notification delivered, found by refId, at the time the report arrives', async () => {
    const sms = await sentSms();
    const response = await post(reports, report({ refId: sms.id, id: sms.providerReference }));
    expect(response).toEqual({ status: 200, text: 'OK' });
    expect(await row(sms.id)).toEqual({
      delivery_status: 'delivered',
      delivered_at: new Date(NOW),
      updated_at: new Date(NOW),
    });
  });

  it('marks a failed delivery (unknown number) undelivered', async () => {
    const sms = await sentSms();
    clock.advance(90_000);
    const response = await post(
      reports,
      report({ refId: sms.id, id: sms.providerReference, resultCode: 2106, operator: null }),
    );
    expect(response.status).toBe(200);
    expect(await row(sms.id)).toMatchObject({
      delivery_status: 'undelivered',
      delivered_at: new Date(Date.parse(NOW) + 90_000),
    });
  });

  it('finds the notification by LINK’s messageId when the refId is missing or not ours', async () => {
    const first = await sentSms();
    const second = await sentSms();
    await post(reports, report({ refId: null, id: first.providerReference }));
    await post(reports, report({ refId: '0', id: second.providerReference, resultCode: 1006 }));
    expect((await row(first.id)).delivery_status).toBe('delivered');
    expect((await row(second.id)).delivery_status).toBe('undelivered');
  });

  it('changes nothing for a message still on its way (sent to operator)', async () => {
    const sms = await sentSms();
    const before = await row(sms.id);
    const response = await post(reports, report({ refId: sms.id, resultCode: 1000 }));
    expect(response.status).toBe(200);
    expect(await row(sms.id)).toEqual(before);
  });

  it('keeps the first report’s time when LINK repeats it', async () => {
    const sms = await sentSms();
    await post(reports, report({ refId: sms.id }));
    clock.advance(60_000);
    await post(reports, report({ refId: sms.id }));
    expect((await row(sms.id)).delivered_at).toEqual(new Date(NOW));
  });

  it('answers 200 for an unknown message, so LINK stops resending, and changes nothing', async () => {
    await sentSms();
    const before = await allRows();
    const response = await post(reports, report({ refId: randomUUID(), id: 'not-a-message' }));
    expect(response).toEqual({ status: 200, text: 'OK' });
    expect(await allRows()).toEqual(before);
  });

  it('does not touch a notification of another channel with the same id', async () => {
    const sms = await sentSms();
    await db.query("UPDATE notifications SET channel = 'email' WHERE id = $1", [sms.id]);
    await post(reports, report({ refId: sms.id, id: sms.providerReference }));
    expect((await row(sms.id)).delivery_status).toBeNull();
  });

  it.each([
    ['a wrong token', `/api/v1/sms/reports/${TOKEN.slice(0, -1)}x`, 'configured'],
    ['a token one character short', `/api/v1/sms/reports/${TOKEN.slice(0, -1)}`, 'configured'],
    ['no token', '/api/v1/sms/reports/', 'configured'],
    ['reports not configured (no SMS_REPORT_TOKEN)', reports, 'unconfigured'],
  ])('answers 404 like an unknown path for %s, and changes nothing', async (_name, path, which) => {
    const base = which === 'configured' ? baseUrl : unconfiguredUrl;
    const before = await allRows();
    const sms = await sentSms();
    const valid = await post(path, report({ refId: sms.id }), base);
    const malformed = await post(path, '{not json', base);
    const unknownPath = await post('/api/v1/sms/nothing-here', {}, base);
    expect(valid.status).toBe(404);
    expect(malformed.status).toBe(404);
    expect(valid.text).toBe(unknownPath.text);
    expect(await row(sms.id)).toMatchObject({ delivery_status: null, delivered_at: null });
    expect((await allRows()).filter((r) => r.id !== sms.id)).toEqual(before);
  });

  it.each([
    ['invalid JSON', '{"refId": '],
    ['no resultCode', JSON.stringify({ refId: null, id: 'x' })],
    [
      'a resultCode that is not a number',
      JSON.stringify({ refId: null, id: 'x', resultCode: 'delivered' }),
    ],
    ['no id', JSON.stringify({ refId: null, resultCode: 1001 })],
    // PostgreSQL refuses a NUL in text: found by the fuzz test as a 500.
    ['a NUL in the id', JSON.stringify({ refId: null, id: 'x\u0000', resultCode: 1001 })],
    ['a NUL in the refId', JSON.stringify({ refId: 'a\u0000', id: 'x', resultCode: 1001 })],
  ])('refuses a malformed report (%s) with 400', async (_name, body) => {
    const sms = await sentSms();
    const before = await row(sms.id);
    const response = await post(reports, body);
    expect(response.status).toBe(400);
    expect(JSON.parse(response.text)).toMatchObject({ error: expect.any(String) });
    expect(await row(sms.id)).toEqual(before);
  });
});

describe('a message from sending to delivery report', () => {
  it('records the messageId LINK returns and the report LINK posts back for the refId', async () => {
    const sms = await sentSms(null);
    // LINK's side: accept the message, then post its report to our gate URL.
    let dlr: Promise<unknown> = Promise.resolve();
    const link: Server = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      req.on('end', () => {
        const sent = JSON.parse(raw);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ messageId: 'QC5BGwiuYk0AAAFiQ08nTFOS', resultCode: 1005 }));
        dlr = post(reports, report({ refId: sent.refId, id: 'QC5BGwiuYk0AAAFiQ08nTFOS' }));
      });
    });
    await new Promise<void>((resolve) => link.listen(0, '127.0.0.1', resolve));
    try {
      const transport = createLinkMobilityTransport({
        url: `http://127.0.0.1:${(link.address() as AddressInfo).port}`,
        username: 'u',
        password: 'p',
        platformId: 'COMMON_API',
        platformPartnerId: '1',
        gateId: 'gate',
        sender: 'Visitt',
      });
      const { reference } = await transport.send({
        channel: 'sms',
        to: '+4791234567',
        text: 'Timen din er bekreftet.',
        reference: sms.id,
      });
      await db.query('UPDATE notifications SET provider_reference = $2 WHERE id = $1', [
        sms.id,
        reference,
      ]);
      await dlr;
    } finally {
      await new Promise((resolve) => link.close(resolve));
    }
    const { rows } = await db.query(
      'SELECT provider_reference, delivery_status FROM notifications WHERE id = $1',
      [sms.id],
    );
    expect(rows[0]).toEqual({
      provider_reference: 'QC5BGwiuYk0AAAFiQ08nTFOS',
      delivery_status: 'delivered',
    });
  });
});
