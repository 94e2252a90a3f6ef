import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLinkMobilityTransport, type LinkMobilityOptions } from './link-mobility';
import { TransportError, type OutgoingMessage } from './transport';

/** What the fake gateway saw of one request. */
interface Seen {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  raw: Buffer;
  body: any;
}

type Answer = (seen: Seen, res: ServerResponse) => void;

const json = (status: number, body: unknown): Answer => {
  return (_seen, res) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
};

/** Plays LINK's Common platform: records each request and answers with `answer`. */
let gateway: Server;
let gatewayUrl: string;
let seen: Seen[] = [];
let answer: Answer;

beforeAll(async () => {
  gateway = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const entry: Seen = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        raw,
        body: raw.length ? JSON.parse(raw.toString('utf8')) : undefined,
      };
      seen.push(entry);
      answer(entry, res);
    });
  });
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  gatewayUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`;
});
afterAll(async () => {
  gateway.closeAllConnections();
  await new Promise((resolve) => gateway.close(resolve));
});
beforeEach(() => {
  seen = [];
  answer = json(200, {
    messageId: 'Dcshuhod0PMAAAFQ+/PbnR3x',
    resultCode: 1005,
    description: 'Queued',
  });
});

const PHONE = '+4791234567';
const TEXT =
  'Påminnelse: time hos Dr. Ødegård på Ærøy legekontor i morgen kl. 10.00. Avbestill på visitt.no';
const REFERENCE = '0b7f5a2e-4c1d-4e8a-9a57-2f3c1d9e6b10';

const options = (overrides: Partial<LinkMobilityOptions> = {}): LinkMobilityOptions => ({
  url: gatewayUrl,
  username: 'visitt-user',
  password: 'sec:ret æ',
  platformId: 'COMMON_API',
  platformPartnerId: '4242',
  gateId: 'BVldZyQt',
  sender: 'Visitt',
  ...overrides,
});

const sms = (overrides: Partial<Extract<OutgoingMessage, { channel: 'sms' }>> = {}) =>
  ({ channel: 'sms', to: PHONE, text: TEXT, reference: REFERENCE, ...overrides }) as const;

/** The TransportError a send fails with (fails the test when it resolves). */
async function failure(promise: Promise<unknown>): Promise<TransportError> {
  const error = await promise.then(
    () => expect.fail('the send should have failed'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TransportError);
  const transportError = error as TransportError;
  // Neither the number nor the text leaks into what is logged or stored.
  expect(transportError.message).not.toContain('91234567');
  expect(transportError.message).not.toContain('Påminnelse');
  return transportError;
}

describe('sending an SMS through LINK Mobility', () => {
  it('posts the message to /sms/send as LINK documents it and returns the messageId', async () => {
    const transport = createLinkMobilityTransport(options());
    expect(transport.name).toBe('link-mobility');

    await expect(transport.send(sms())).resolves.toEqual({ reference: 'Dcshuhod0PMAAAFQ+/PbnR3x' });

    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(request!.method).toBe('POST');
    expect(request!.path).toBe('/sms/send');
    expect(request!.headers.authorization).toBe(
      `Basic ${Buffer.from('visitt-user:sec:ret æ').toString('base64')}`,
    );
    expect(request!.headers['content-type']).toMatch(/^application\/json(;\s*charset=utf-8)?$/i);
    expect(request!.body).toEqual({
      source: 'Visitt',
      sourceTON: 'ALPHANUMERIC',
      destination: '+4791234567',
      destinationTON: 'MSISDN',
      dcs: 'TEXT',
      userData: TEXT,
      platformId: 'COMMON_API',
      platformPartnerId: '4242',
      refId: REFERENCE,
      useDeliveryReport: true,
      deliveryReportGates: ['BVldZyQt'],
      ignoreResponse: false,
    });
    // æøå arrive as UTF-8 bytes, not escaped or transliterated.
    expect(request!.raw.includes(Buffer.from('Ødegård på Ærøy', 'utf8'))).toBe(true);
  });

  it('reads the sender as a phone number (MSISDN) or a short number, and asks for no reports without a gate', async () => {
    await createLinkMobilityTransport(options({ sender: '+4740001234', gateId: undefined })).send(
      sms(),
    );
    await createLinkMobilityTransport(options({ sender: '2333' })).send(sms());

    expect(seen[0]!.body).toMatchObject({ source: '+4740001234', sourceTON: 'MSISDN' });
    expect(seen[0]!.body.useDeliveryReport).toBe(false);
    expect(seen[0]!.body).not.toHaveProperty('deliveryReportGates');
    expect(seen[1]!.body).toMatchObject({ source: '2333', sourceTON: 'SHORTNUMBER' });
  });

  it('accepts the base URL with or without /sms and the full /sms/send endpoint', async () => {
    for (const url of [gatewayUrl, `${gatewayUrl}/`, `${gatewayUrl}/sms`, `${gatewayUrl}/sms/send`])
      await createLinkMobilityTransport(options({ url })).send(sms());
    expect(seen.map((s) => s.path)).toEqual(['/sms/send', '/sms/send', '/sms/send', '/sms/send']);
  });

  it('takes 204 No Content as accepted, without a reference', async () => {
    answer = (_seen, res) => {
      res.writeHead(204);
      res.end();
    };
    await expect(createLinkMobilityTransport(options()).send(sms())).resolves.toEqual({
      reference: null,
    });
  });

  it.each([
    ['401 wrong credentials', 401, { resultCode: 106100, description: 'Invalid authentication' }],
    ['403 access denied', 403, { resultCode: 106101, description: 'Access denied' }],
    [
      '400 invalid destination',
      400,
      { resultCode: 2106, description: 'Invalid destination +4791234567' },
    ],
  ])('fails permanently on %s', async (_name, status, body) => {
    answer = json(status, body);
    const error = await failure(createLinkMobilityTransport(options()).send(sms()));
    expect(error.permanent).toBe(true);
    expect(error.message).toContain(String(status));
    expect(error.message).toContain(String(body.resultCode));
  });

  it.each([
    ['500', 500],
    ['502', 502],
    ['503', 503],
    ['429 (throttled)', 429],
  ])('fails transiently on HTTP %s', async (_name, status) => {
    answer = (_seen, res) => {
      res.writeHead(status, { 'content-type': 'text/html' });
      res.end('<html>Service unavailable</html>');
    };
    const error = await failure(createLinkMobilityTransport(options()).send(sms()));
    expect(error.permanent).toBe(false);
  });

  it.each([
    [2104, 'unknown subscriber', true],
    [2105, 'destination permanently barred', true],
    [4001, 'invalid message content', true],
    [3, 'maximum throttling exceeded', false],
    [105, 'internal LINK error', false],
  ])('classifies result code %i (%s) in a 200 answer', async (resultCode, _name, permanent) => {
    answer = json(200, { messageId: 'x', resultCode, description: 'refused' });
    const error = await failure(createLinkMobilityTransport(options()).send(sms()));
    expect(error.permanent).toBe(permanent);
    expect(error.message).toContain(String(resultCode));
  });

  it('fails transiently when a 200 answer is not LINK’s (a wrong URL)', async () => {
    answer = (_seen, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>Welcome</html>');
    };
    const error = await failure(createLinkMobilityTransport(options()).send(sms()));
    expect(error.permanent).toBe(false);
  });

  it('gives up after the timeout and fails transiently', async () => {
    answer = (_seen, res) => {
      setTimeout(() => json(200, { messageId: 'late', resultCode: 1005 })(_seen, res), 2_000);
    };
    const started = performance.now();
    const error = await failure(
      createLinkMobilityTransport(options({ timeoutMs: 200 })).send(sms()),
    );
    expect(error.permanent).toBe(false);
    expect(error.message).toMatch(/200 ms/);
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  it('fails transiently when the gateway cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));

    const error = await failure(createLinkMobilityTransport(options({ url })).send(sms()));
    expect(error.permanent).toBe(false);
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('refuses, without calling the gateway, what it cannot send', async () => {
    const transport = createLinkMobilityTransport(options());
    const notE164 = await failure(transport.send(sms({ to: '91234567' })));
    const email = await failure(
      transport.send({
        channel: 'email',
        to: 'a@example.no',
        subject: 's',
        text: 't',
        reference: 'r',
      }),
    );
    expect([notE164.permanent, email.permanent]).toEqual([true, true]);
    expect(seen).toHaveLength(0);
  });

  it('uses the fetch it is given', async () => {
    const calls: string[] = [];
    const fakeFetch: typeof fetch = async (input, init) => {
      calls.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      return fetch(input, init);
    };
    await createLinkMobilityTransport(options({ fetch: fakeFetch })).send(sms());
    expect(calls).toEqual([`${gatewayUrl}/sms/send`]);
  });
});
