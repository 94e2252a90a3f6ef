import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, DEMO_ACCESSIBILITY_EMAIL, loadConfig } from '../../config/config';
import { REPORTS_PER_IP_PER_HOUR } from '../../commands/report-accessibility-problem';
import type { Db } from '../../db/pool';
import { Browser, startTestApp, type TestApp } from '../../../test/harness';

const REPORTS = '/api/v1/accessibility/reports';
const CONTACT = 'uu-kontakt@klinikk.example.no';

interface OutboxRow {
  channel: string;
  recipient: string;
  subject: string | null;
  body_text: string;
}

/** What the demo outbox holds for `to`, oldest first. */
async function outboxFor(db: Db, to: string): Promise<OutboxRow[]> {
  const { rows } = await db.query<OutboxRow>(
    `SELECT channel, recipient, subject, body_text FROM dev_outbox
      WHERE recipient = $1 ORDER BY created_at, id`,
    [to],
  );
  return rows;
}

async function outboxCount(db: Db): Promise<number> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM dev_outbox');
  return rows[0]!.n;
}

// The demo, with its example contact address.
let demo: TestApp;
// An operator's installation in the demo mode with its own address, every log line kept.
let configured: TestApp;
const logLines: string[] = [];
beforeAll(async () => {
  demo = await startTestApp();
  configured = await startTestApp({
    shareDatabaseWith: demo,
    env: { VISITT_ACCESSIBILITY_EMAIL: CONTACT },
    logLines,
  });
});
afterAll(async () => {
  await configured?.close();
  await demo?.close();
});

describe('the accessibility contact', () => {
  it('is an example address in the demo, so reports land in the demo outbox', async () => {
    const contact = await new Browser(demo).get('/api/v1/accessibility');
    expect(contact.status).toBe(200);
    expect(contact.body).toEqual({ email: DEMO_ACCESSIBILITY_EMAIL, acceptsReports: true });
  });

  it('is the operator’s VISITT_ACCESSIBILITY_EMAIL when set', async () => {
    const contact = await new Browser(configured).get('/api/v1/accessibility');
    expect(contact.body).toEqual({ email: CONTACT, acceptsReports: true });
  });

  it('is refused at start-up when it is no e-mail address', () => {
    expect(() => loadConfig({ VISITT_ACCESSIBILITY_EMAIL: 'tilgjengelighet' })).toThrow(
      ConfigError,
    );
    try {
      loadConfig({ VISITT_ACCESSIBILITY_EMAIL: 'tilgjengelighet' });
    } catch (error) {
      expect((error as ConfigError).problems.join('\n')).toContain('VISITT_ACCESSIBILITY_EMAIL');
    }
  });
});

describe('POST /api/v1/accessibility/reports', () => {
  it('answers 202 and e-mails the report, in the person’s own words, to the contact', async () => {
    const text =
      'Knappen «Start videokonsultasjon» har ikke noe navn i skjermleseren (NVDA).\nPrøvde to ganger.';
    const response = await new Browser(configured).post(REPORTS, {
      text: `  ${text}  `,
      page: 'Min kalender, da jeg skulle starte timen',
      email: 'pasient.svar@example.com',
    });
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ status: 'sent' });

    const [mail, ...more] = await outboxFor(configured.db, CONTACT);
    expect(more).toEqual([]);
    expect(mail).toMatchObject({
      channel: 'email',
      subject: 'Tilgjengelighet: melding om et problem i Visitt',
    });
    // The person's words last, each line marked, so none passes for a line of the form.
    const quoted = text
      .split('\n')
      .map((line) => `> ${line}`)
      .join('\n');
    expect(mail!.body_text.endsWith(`Problemet:\n${quoted}`), mail!.body_text).toBe(true);
    expect(mail!.body_text).toContain('> Min kalender, da jeg skulle starte timen');
    expect(mail!.body_text).toContain('Svar til: pasient.svar@example.com');
    expect(mail!.body_text).toContain(configured.config.publicUrl);
    // Only to the contact: nothing goes to the person who wrote it.
    expect(await outboxFor(configured.db, 'pasient.svar@example.com')).toEqual([]);
  });

  it('takes a report with only its text, and says no answer was asked for', async () => {
    const response = await new Browser(demo).post(REPORTS, { text: 'Teksten er for liten.' });
    expect(response.status).toBe(202);
    const mail = (await outboxFor(demo.db, DEMO_ACCESSIBILITY_EMAIL)).at(-1)!;
    expect(mail.body_text).toContain('Teksten er for liten.');
    expect(mail.body_text).toContain('(ikke oppgitt)');
    expect(mail.body_text).toContain('(ingen e-postadresse oppgitt)');
  });

  it('never logs the report or the address it gives', async () => {
    const secretText = 'Unik-feiltekst-som-ikke-skal-i-loggen-4711';
    const address = 'unik-svaradresse-4711@example.com';
    const response = await new Browser(configured).post(REPORTS, {
      text: secretText,
      page: 'Unik-side-4711',
      email: address,
    });
    expect(response.status).toBe(202);
    // A refused one neither.
    await new Browser(configured).post(REPORTS, {
      text: secretText,
      email: 'ikke-en-adresse-4711',
    });
    const log = logLines.join('\n');
    expect(log).toContain('/api/v1/accessibility/reports');
    for (const secret of [secretText, address, 'Unik-side-4711', 'ikke-en-adresse-4711', CONTACT])
      expect(log).not.toContain(secret);
  });

  it('refuses empty, too long and malformed reports with 400, and sends nothing', async () => {
    const browser = new Browser(demo);
    const before = await outboxCount(demo.db);
    const refused: { body: unknown; field: string }[] = [
      { body: {}, field: 'text' },
      { body: { text: '' }, field: 'text' },
      { body: { text: '   \n  ' }, field: 'text' },
      { body: { text: 'x'.repeat(2001) }, field: 'text' },
      { body: { text: 'Nul\u0000tegn' }, field: 'text' },
      { body: { text: 'Ok', page: 'x'.repeat(501) }, field: 'page' },
      { body: { text: 'Ok', email: 'ikke-en-adresse' }, field: 'email' },
      { body: { text: 'Ok', email: '' }, field: 'email' },
      { body: { text: 'Ok', email: `${'a'.repeat(250)}@example.com` }, field: 'email' },
      { body: { text: 42 }, field: 'text' },
    ];
    for (const { body, field } of refused) {
      const response = await browser.post(REPORTS, body);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(response.body.error).toBe('validation_failed');
      expect(response.body.issues.map((i: { path: string }) => i.path)).toContain(field);
    }
    // Exactly 2000 characters is the most it takes.
    expect((await browser.post(REPORTS, { text: 'x'.repeat(2000) })).status).toBe(202);
    expect(await outboxCount(demo.db)).toBe(before + 1);
  });

  it('refuses unknown fields', async () => {
    const before = await outboxCount(demo.db);
    const response = await new Browser(demo).post(REPORTS, {
      text: 'Ok',
      name: 'Ola Nordmann',
    });
    expect(response.status).toBe(400);
    expect(response.body.error).toBe('validation_failed');
    expect(await outboxCount(demo.db)).toBe(before);
  });

  it('refuses a report sent from another site', async () => {
    const response = await new Browser(demo, { origin: 'https://evil.example' }).post(REPORTS, {
      text: 'Ok',
    });
    expect(response.status).toBe(403);
    expect(response.body.error).toBe('bad_origin');
  });

  it('is in the OpenAPI document, with its body', async () => {
    const doc = (await new Browser(demo).get('/api/openapi.json')).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    expect(Object.keys(doc.paths[REPORTS] ?? {})).toEqual(['post']);
    expect(Object.keys(doc.paths['/api/v1/accessibility'] ?? {})).toEqual(['get']);
  });
});

describe('the rate limit', () => {
  it(`takes ${REPORTS_PER_IP_PER_HOUR} reports per client per hour, then 429 with Retry-After`, async () => {
    // Behind a proxy, so two clients can be told apart by their forwarded addresses.
    const app = await startTestApp({ env: { VISITT_MODE: 'demo', TRUST_PROXY: 'true' } });
    try {
      const first = new Browser(app, { 'x-forwarded-for': '203.0.113.10' });
      const second = new Browser(app, { 'x-forwarded-for': '203.0.113.20' });
      const statuses: number[] = [];
      for (let i = 0; i <= REPORTS_PER_IP_PER_HOUR; i++)
        statuses.push((await first.post(REPORTS, { text: `Melding ${i}` })).status);
      expect(statuses).toEqual([...Array<number>(REPORTS_PER_IP_PER_HOUR).fill(202), 429]);

      const limited = await first.post(REPORTS, { text: 'En til' });
      expect(limited.status).toBe(429);
      expect(limited.body.error).toBe('rate_limited');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await outboxFor(app.db, DEMO_ACCESSIBILITY_EMAIL)).toHaveLength(
        REPORTS_PER_IP_PER_HOUR,
      );
      // Another client is not held back by the first.
      expect((await second.post(REPORTS, { text: 'Fra en annen' })).status).toBe(202);
      // The counter keeps no address: only a keyed hash.
      const { rows } = await app.db.query<{ key_hash: Buffer }>(
        "SELECT key_hash FROM rate_limits WHERE bucket = 'accessibility-report:ip'",
      );
      expect(rows).toHaveLength(2);
      for (const row of rows)
        expect(Buffer.from(row.key_hash).toString()).not.toContain('203.0.113');

      app.clock.advance(60 * 60_000);
      expect((await first.post(REPORTS, { text: 'En time senere' })).status).toBe(202);
    } finally {
      await app.close();
    }
  });
});

describe('in production', () => {
  const production = { PUBLIC_URL: 'https://visitt.example.no', VISITT_SECRET: 'x'.repeat(40) };

  it('answers 503 without VISITT_ACCESSIBILITY_EMAIL, and says no address is set', async () => {
    const app = await startTestApp({ shareDatabaseWith: demo, env: production });
    try {
      expect(app.config.mode).toBe('production');
      const browser = new Browser(app);
      expect((await browser.get('/api/v1/accessibility')).body).toEqual({
        email: null,
        acceptsReports: false,
      });
      const before = await outboxCount(app.db);
      const response = await browser.post(REPORTS, { text: 'Skjemaet kan ikke brukes.' });
      expect(response.status).toBe(503);
      expect(response.body.error).toBe('channel_unavailable');
      expect(response.body.message).toContain('VISITT_ACCESSIBILITY_EMAIL');
      expect(await outboxCount(app.db)).toBe(before);
    } finally {
      await app.close();
    }
  });

  it('sends to the operator’s address when it is set', async () => {
    const address = 'uu@drift.example.no';
    const app = await startTestApp({
      shareDatabaseWith: demo,
      env: { ...production, VISITT_ACCESSIBILITY_EMAIL: address },
    });
    try {
      const browser = new Browser(app);
      expect((await browser.get('/api/v1/accessibility')).body).toEqual({
        email: address,
        acceptsReports: true,
      });
      expect((await browser.post(REPORTS, { text: 'Kontrasten er for svak.' })).status).toBe(202);
      expect((await outboxFor(app.db, address)).map((m) => m.body_text).join()).toContain(
        'Kontrasten er for svak.',
      );
    } finally {
      await app.close();
    }
  });

  it('answers 503 when the installation cannot send e-mail, with the address still shown', async () => {
    const address = 'uu@drift.example.no';
    const app = await startTestApp({
      shareDatabaseWith: demo,
      env: { ...production, VISITT_ACCESSIBILITY_EMAIL: address },
      transports: () => ({}),
    });
    try {
      const browser = new Browser(app);
      expect((await browser.get('/api/v1/accessibility')).body).toEqual({
        email: address,
        acceptsReports: false,
      });
      const response = await browser.post(REPORTS, { text: 'Ok' });
      expect(response.status).toBe(503);
      expect(response.body.error).toBe('channel_unavailable');
    } finally {
      await app.close();
    }
  });
});
