import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBookableClinic } from '../../test/factories';
import { Browser, signInWithCode, startTestApp, type TestApp } from '../../test/harness';

let app: TestApp;
let browser: Browser;
let ids: { clinic: string; practitioner: string; type: string };
beforeAll(async () => {
  app = await startTestApp();
  const { clinic, practitioner, type } = await buildBookableClinic(app.db);
  ids = { clinic: clinic.id, practitioner: practitioner.id, type: type.id };
  browser = new Browser(app);
  await signInWithCode(browser, app.db, 'fuzz@example.com');
});
afterAll(() => app.close());

/** Anything a client could send: well-formed values of the wrong kind, near-misses, junk. */
const field = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.uuid(),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom(
    '2026-12-01T10:00:00+01:00',
    '2026-13-01T10:00:00+01:00',
    '',
    ' ',
    '\u0000',
    '💥',
  ),
  fc.array(fc.string(), { maxLength: 3 }),
);

const expectRefusedCleanly = (response: { status: number; body: any }) => {
  expect(response.status).toBeGreaterThanOrEqual(200);
  expect(response.status).toBeLessThan(500);
  if (response.status >= 400) {
    expect(typeof response.body.error).toBe('string');
    expect(typeof response.body.message).toBe('string');
  }
};

describe('bad input never makes a 500', () => {
  it('booking bodies', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            practitionerId: fc.oneof(field, fc.constant(ids.practitioner)),
            appointmentTypeId: fc.oneof(field, fc.constant(ids.type)),
            start: field,
            comment: field,
            extra: field,
          },
          { requiredKeys: [] },
        ),
        async (body) => expectRefusedCleanly(await browser.post('/api/v1/appointments', body)),
      ),
      { numRuns: 150 },
    );
  });

  it('sign-in bodies', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ email: field, phone: field, code: field }, { requiredKeys: [] }),
        fc.constantFrom('/api/v1/auth/code', '/api/v1/auth/code/verify', '/api/v1/auth/password'),
        async (body, path) => expectRefusedCleanly(await new Browser(app).post(path, body)),
      ),
      { numRuns: 150 },
    );
  });

  it('slot and search queries', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.constantFrom(
            'practitionerId',
            'appointmentTypeId',
            'from',
            'to',
            'q',
            'modality',
            'x',
          ),
          field,
        ),
        fc.constantFrom(
          `/api/v1/clinics/${ids.clinic}/slots`,
          '/api/v1/clinics',
          `/api/v1/clinics/${ids.clinic}/practitioners`,
        ),
        async (query, path) => {
          const qs = new URLSearchParams(
            Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]),
          ).toString();
          expectRefusedCleanly(await browser.get(`${path}?${qs}`));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('raw bodies that are not JSON objects', async () => {
    for (const [type, raw] of [
      ['application/json', '{'],
      ['application/json', 'null'],
      ['application/json', '"text"'],
      ['application/json', '[1,2]'],
      ['text/plain', 'hello'],
      ['application/x-www-form-urlencoded', 'a=1'],
      ['application/json', JSON.stringify({ comment: 'x'.repeat(40_000) })],
    ] as const) {
      const response = await fetch(`${app.baseUrl}/api/v1/appointments`, {
        method: 'POST',
        headers: { 'content-type': type, origin: app.origin },
        body: raw,
      });
      const body = await response.json();
      expectRefusedCleanly({ status: response.status, body });
    }
  });
});

describe('text PostgreSQL cannot store', () => {
  it('refuses NUL characters with 400 instead of failing in the database', async () => {
    const search = await browser.get('/api/v1/clinics?q=%00');
    expect(search.status).toBe(400);
    const booking = await browser.post('/api/v1/appointments', {
      practitionerId: ids.practitioner,
      appointmentTypeId: ids.type,
      start: '2026-12-01T11:00:00+01:00',
      comment: 'før\u0000etter',
    });
    expect(booking.status).toBe(400);
    expect(booking.body.error).toBe('validation_failed');
  });
});
