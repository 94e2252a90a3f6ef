import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config/config';
import { migrate } from '../db/migrate';
import { buildBookableClinic } from '../../test/factories';
import {
  Browser,
  latestCode,
  signInWithCode,
  startTestApp,
  type TestApp,
} from '../../test/harness';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe('system endpoints', () => {
  it('answers health once the database is ready', async () => {
    const health = await new Browser(app).get('/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok' });
  });

  it('publishes an OpenAPI document with the patient core', async () => {
    const doc = await new Browser(app).get('/api/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.1.0');
    for (const path of [
      '/api/v1/auth/code',
      '/api/v1/auth/code/verify',
      '/api/v1/clinics',
      '/api/v1/clinics/{clinicId}/practitioners',
      '/api/v1/clinics/{clinicId}/appointment-types',
      '/api/v1/clinics/{clinicId}/slots',
      '/api/v1/appointments',
      '/api/v1/me/appointments',
      '/api/v1/appointments/{id}/cancel',
      '/api/v1/appointments/{id}/calendar.ics',
    ]) {
      expect(doc.body.paths, path).toHaveProperty([path]);
    }
    expect(doc.body.components.schemas).toHaveProperty('Appointment');
    expect(doc.body.components.schemas).toHaveProperty('ApiError');
  });

  it('sends a strict Content-Security-Policy and no-referrer', async () => {
    const response = await new Browser(app).get('/api/health');
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('answers unknown API paths with the JSON error shape', async () => {
    const response = await new Browser(app).get('/api/v1/nothing-here');
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ error: 'not_found', message: expect.any(String) });
  });

  it('shows the dev outbox in the demo', async () => {
    const browser = new Browser(app);
    await browser.post('/api/v1/auth/code', { email: 'outbox@example.com' });
    const outbox = await browser.get('/api/v1/dev/outbox?to=outbox@example.com');
    expect(outbox.status).toBe(200);
    expect(outbox.body).toEqual([
      expect.objectContaining({
        channel: 'email',
        to: 'outbox@example.com',
        subject: 'Din innloggingskode til Visitt',
      }),
    ]);
    expect(outbox.body[0].text).toMatch(/\b\d{6}\b/);
  });

  it('serves Prometheus metrics in the demo', async () => {
    const metrics = await new Browser(app).get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.body).toContain('visitt_http_request_duration_seconds');
    expect(metrics.body).toContain('process_cpu_user_seconds_total');
  });

  it('runs migrations again as a no-op', async () => {
    expect(await migrate(app.db)).toEqual({ applied: [] });
  });
});

describe('logs', () => {
  it('carry routes and statuses, never addresses, codes, comments, cookies or query strings', async () => {
    const lines: string[] = [];
    const logged = await startTestApp({ logLines: lines });
    try {
      const { practitioner, type } = await buildBookableClinic(logged.db);
      const browser = new Browser(logged);
      await signInWithCode(browser, logged.db, 'very.private@example.com');
      const code = await latestCode(logged.db, 'very.private@example.com');
      await browser.get('/api/v1/clinics?q=hemmeligsted');
      const booked = await browser.post('/api/v1/appointments', {
        practitionerId: practitioner.id,
        appointmentTypeId: type.id,
        start: '2026-12-01T10:00:00+01:00',
        comment: 'Sensitiv helseopplysning',
      });
      expect(booked.status).toBe(201);
      await browser.post('/api/v1/auth/code', { phone: '+47 400 00 001' });
      const text = lines.join('');
      expect(text).toContain('"route":"/api/v1/appointments"');
      expect(text).toContain('"status":201');
      for (const secret of [
        'very.private',
        code,
        'hemmeligsted',
        'Sensitiv',
        'visitt_session',
        '40000001',
      ]) {
        expect(text, secret).not.toContain(secret);
      }
      // No client address in request lines (the server's own listen line has its address).
      const requestLines = lines.filter((line) => line.includes('"msg":"request"'));
      expect(requestLines.length).toBeGreaterThan(3);
      for (const line of requestLines) expect(line).not.toContain('127.0.0.1');
    } finally {
      await logged.close();
    }
  });
});

describe('production mode', () => {
  it('refuses to start without a secret and an https address, listing every problem', () => {
    expect(() => loadConfig({ VISITT_MODE: 'production', PORT: 'abc' })).toThrow(ConfigError);
    try {
      loadConfig({
        VISITT_MODE: 'production',
        PUBLIC_URL: 'http://visitt.example.no',
        PORT: 'abc',
      });
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toContain('PORT');
      expect(problems).toContain('VISITT_SECRET');
      expect(problems).toContain('PUBLIC_URL: must be https');
    }
  });

  it('has no dev outbox and no public metrics', async () => {
    const prod = await startTestApp({
      env: {
        VISITT_MODE: 'production',
        PUBLIC_URL: 'https://visitt.example.no',
        VISITT_SECRET: 'x'.repeat(40),
      },
    });
    try {
      const browser = new Browser(prod);
      expect((await browser.get('/api/v1/dev/outbox')).status).toBe(404);
      expect((await browser.get('/metrics')).status).toBe(404);
      expect((await browser.get('/api/health')).status).toBe(200);
    } finally {
      await prod.close();
    }
  });
});
