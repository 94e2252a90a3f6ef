import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, startTestApp, type TestApp } from '../../../test/harness';
import { TEST_CREDENTIALS_SECONDS, TESTS_PER_IP } from '../../commands/connection-test';

const NOW = '2026-11-30T09:00:00Z';
const TURN_SECRET = 'turn-secret-for-connection-tests';
let withRelay: TestApp;
let withoutRelay: TestApp;

beforeAll(async () => {
  withRelay = await startTestApp({
    now: NOW,
    env: {
      ICE_STUN_URLS: 'stun:stun.example.no:3478',
      ICE_TURN_URLS: 'turn:turn.example.no:3478?transport=udp',
      TURN_SECRET,
    },
  });
  withoutRelay = await startTestApp({ now: NOW });
});
afterAll(async () => {
  await withRelay.close();
  await withoutRelay.close();
});

describe('POST /api/v1/connection-test', () => {
  it('gives anyone, signed in or not, TURN credentials for five minutes and asks for the relay', async () => {
    const response = await new Browser(withRelay).post('/api/v1/connection-test', {});
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('no-store');
    const body = response.body as {
      iceServers: { urls: string[]; username?: string; credential?: string }[];
      iceTransportPolicy: string;
      hasRelay: boolean;
      credentialsExpireAt: string;
    };
    expect(body).toMatchObject({ iceTransportPolicy: 'relay', hasRelay: true });
    expect(body.iceServers[0]).toEqual({ urls: ['stun:stun.example.no:3478'] });
    const turn = body.iceServers[1]!;
    expect(turn.urls).toEqual(['turn:turn.example.no:3478?transport=udp']);
    // coturn's REST scheme: `<expiry>:<name>`, the password an HMAC of it under the secret.
    const [expiry, name] = turn.username!.split(':');
    expect(Number(expiry) * 1000).toBe(Date.parse(NOW) + TEST_CREDENTIALS_SECONDS * 1000);
    expect(body.credentialsExpireAt).toBe(new Date(Number(expiry) * 1000).toISOString());
    expect(name).toMatch(/^test-[0-9a-f]{16}$/);
    expect(turn.credential).toBe(
      createHmac('sha1', TURN_SECRET).update(turn.username!).digest('base64'),
    );
    // Each test its own throwaway name.
    const again = await new Browser(withRelay).post('/api/v1/connection-test', {});
    expect(again.body.iceServers[1].username).not.toBe(turn.username);
  });

  it('says when there is no relay to test through', async () => {
    const response = await new Browser(withoutRelay).post('/api/v1/connection-test', {});
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      iceServers: [],
      iceTransportPolicy: 'all',
      hasRelay: false,
      credentialsExpireAt: null,
    });
  });

  it('refuses a body it does not expect, and more tests from one address than a household needs', async () => {
    const browser = new Browser(withoutRelay);
    const extra = await browser.post('/api/v1/connection-test', { turn: 'mine' });
    expect(extra.status).toBe(400);
    let status = 200;
    let tries = 0;
    // The earlier tests of this file came from the same address.
    while (status === 200 && tries++ <= TESTS_PER_IP) {
      status = (await browser.post('/api/v1/connection-test', {})).status;
    }
    expect(status).toBe(429);
    const refused = await browser.post('/api/v1/connection-test', {});
    expect(refused.body.error).toBe('rate_limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
