import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config';
import type { RequestContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { DEMO, seedDemo } from '../../db/seed-demo';
import { Browser, startTestApp, type TestApp } from '../../../test/harness';
import { devRoutes } from './dev';

const SECRET = 'test-secret-test-secret-test-secret!';
const totpPath = `/api/v1/dev/totp?email=${encodeURIComponent(DEMO.staff.email)}`;

// Production only because PUBLIC_URL is https: nobody wrote VISITT_MODE.
let production: TestApp;
// The demo on the same database, to show the same requests do answer there.
let demo: TestApp;
beforeAll(async () => {
  production = await startTestApp({
    env: { PUBLIC_URL: 'https://visitt.example.no', VISITT_SECRET: 'x'.repeat(40) },
  });
  demo = await startTestApp({ shareDatabaseWith: production, env: { VISITT_MODE: 'demo' } });
  // The demo's staff with the published authenticator secret, as `npm start` seeds them.
  await seedDemo(production.db, production.clock.now(), { secret: SECRET });
});
afterAll(async () => {
  await demo.close();
  await production.close();
});

describe('production mode', () => {
  it('is chosen by an https PUBLIC_URL and a secret', () => {
    expect(production.config).toMatchObject({
      mode: 'production',
      modeReason: 'PUBLIC_URL is https, VISITT_SECRET is set',
    });
    expect(demo.config.mode).toBe('demo');
  });

  it('has no dev outbox and no dev authenticator codes', async () => {
    const inDemo = new Browser(demo);
    expect((await inDemo.get('/api/v1/dev/outbox')).status).toBe(200);
    expect((await inDemo.get(totpPath)).status).toBe(200);
    expect((await inDemo.get('/api/v1/dev/totp')).status).toBe(400);

    const inProduction = new Browser(production);
    const html = '/api/v1/dev/outbox/00000000-0000-4000-8000-000000000000/html';
    for (const path of ['/api/v1/dev/outbox', totpPath, '/api/v1/dev/totp', html]) {
      const response = await inProduction.get(path);
      expect(response.status, path).toBe(404);
      expect(response.body).toMatchObject({ error: 'not_found' });
    }
    const doc = (await inProduction.get('/api/openapi.json')).body as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/api/v1/dev/'))).toEqual([]);
  });

  it('serves /metrics to nobody without METRICS_TOKEN', async () => {
    expect((await new Browser(demo).get('/metrics')).status).toBe(200);
    const attempts: Record<string, string>[] = [
      {},
      { authorization: 'Bearer ' },
      { authorization: 'Bearer x' },
    ];
    for (const headers of attempts) {
      const response = await new Browser(production, headers).get('/metrics');
      expect(response.status).toBe(404);
    }
  });

  it('serves /metrics only with the METRICS_TOKEN bearer', async () => {
    const token = 'metrics-token-0123456789';
    const withToken = await startTestApp({
      shareDatabaseWith: production,
      env: {
        PUBLIC_URL: 'https://visitt.example.no',
        VISITT_SECRET: 'x'.repeat(40),
        METRICS_TOKEN: token,
      },
    });
    try {
      expect((await new Browser(withToken).get('/metrics')).status).toBe(404);
      const wrong = { authorization: `Bearer ${token}x` };
      expect((await new Browser(withToken, wrong).get('/metrics')).status).toBe(404);
      const right = await fetch(`${withToken.baseUrl}/metrics`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(right.status).toBe(200);
      expect(await right.text()).toContain('visitt_http_request_duration_seconds');
    } finally {
      await withToken.close();
    }
  });
});

describe('the dev routes plugin', () => {
  it('answers 404 in production even if it is registered there', async () => {
    const statusIn = async (env: Record<string, string>) => {
      const app = Fastify();
      app.setValidatorCompiler(validatorCompiler);
      app.setSerializerCompiler(serializerCompiler);
      app.setErrorHandler(async (error, _request, reply) =>
        reply.code(error instanceof AppError ? error.status : 500).send(),
      );
      const config = loadConfig(env);
      app.decorateRequest('ctx', null as unknown as RequestContext);
      app.addHook('onRequest', async (request) => {
        request.ctx = { config, db: production.db } as unknown as RequestContext;
      });
      await app.register(devRoutes);
      const address = await app.listen({ port: 0, host: '127.0.0.1' });
      try {
        return (await fetch(`${address}/api/v1/dev/outbox`)).status;
      } finally {
        await app.close();
      }
    };
    expect(await statusIn({ VISITT_MODE: 'demo' })).toBe(200);
    expect(
      await statusIn({ PUBLIC_URL: 'https://visitt.example.no', VISITT_SECRET: 'x'.repeat(40) }),
    ).toBe(404);
  });
});
