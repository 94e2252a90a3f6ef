import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { inject } from 'vitest';
import type { Instant } from '@visitt/domain';
import { loadConfig, type Config } from '../src/config/config';
import { createPool, type Db } from '../src/db/pool';
import type { AppDeps } from '../src/deps';
import type { AccessTableRow } from '../src/http/access';
import { buildApp, createLogger } from '../src/http/app';
import type { Clock } from '../src/lib/clock';
import { createDevOutboxTransport } from '../src/notifications/dev-outbox';
import type { Transports } from '../src/notifications/transport';
import { createPgSignalBus } from '../src/signaling/bus';

/** A clock the test moves by hand. */
export class TestClock implements Clock {
  constructor(private at: number) {}
  now(): Instant {
    return this.at as Instant;
  }
  set(iso: string): void {
    this.at = Date.parse(iso);
  }
  advance(ms: number): void {
    this.at += ms;
  }
}

/** A fresh database copied from the migrated template: one per test file, dropped at the end of the run. */
export async function createTestDatabase(): Promise<{
  db: Db;
  url: string;
  drop(): Promise<void>;
}> {
  const adminUrl = inject('adminUrl');
  const template = inject('templateDatabase');
  const name = `t_${template.replace(/^visitt_template_/, '')}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = createPool(url.toString(), 10);
  return {
    db,
    url: url.toString(),
    drop: async () => {
      await db.end();
      const again = new pg.Client({ connectionString: adminUrl });
      await again.connect();
      await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await again.end();
    },
  };
}

function sharedDatabase(url: string): { db: Db; url: string; drop(): Promise<void> } {
  const db = createPool(url, 10);
  return { db, url, drop: () => db.end() };
}

export interface TestApp {
  readonly baseUrl: string;
  readonly origin: string;
  readonly db: Db;
  readonly clock: TestClock;
  readonly config: Config;
  /** Connection string of the test database (for a second instance on it). */
  readonly databaseUrl: string;
  /** Every route with its declared access. */
  readonly routes: readonly AccessTableRow[];
  close(): Promise<void>;
}

/**
 * Boots the whole application in-process on a fresh database and listens on a free port, so
 * tests call it over real HTTP.
 */
export async function startTestApp(
  options: {
    now?: string;
    env?: Record<string, string>;
    transports?: (db: Db) => Transports;
    /** Receives every log line the application writes. */
    logLines?: string[];
    /** Run as a second instance on this app's database (as several instances share one in production). */
    shareDatabaseWith?: TestApp;
    /** How often signaling re-checks the sessions of its sockets (default: as in production). */
    signalingSweepMs?: number;
    /** A built web client to serve, as `npm start` serves apps/web/dist. */
    webDistDir?: string;
  } = {},
): Promise<TestApp> {
  const database = options.shareDatabaseWith
    ? sharedDatabase(options.shareDatabaseWith.databaseUrl)
    : await createTestDatabase();
  const clock = new TestClock(Date.parse(options.now ?? '2026-11-30T06:00:00Z'));
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', ...options.env });
  const outbox = createDevOutboxTransport(database.db);
  const bus = await createPgSignalBus(database.db, database.url);
  const deps: AppDeps = {
    config,
    bus,
    db: database.db,
    clock,
    secret: 'test-secret-test-secret-test-secret!',
    transports: options.transports?.(database.db) ?? { email: outbox, sms: outbox },
  };
  const log = options.logLines
    ? createLogger('info', { write: (line: string) => void options.logLines!.push(line) })
    : undefined;
  const app = await buildApp(deps, {
    log,
    ...(options.signalingSweepMs ? { signalingSweepMs: options.signalingSweepMs } : {}),
    webDistDir: options.webDistDir,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    origin: config.allowedOrigins[0]!,
    databaseUrl: database.url,
    routes: app.accessTable,
    db: database.db,
    clock,
    config,
    close: async () => {
      await app.close();
      await bus.close();
      await database.drop();
    },
  };
}

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** A small HTTP client that keeps its own cookie, like one browser. */
export class Browser {
  private cookie: string | null = null;
  constructor(
    private readonly app: Pick<TestApp, 'baseUrl' | 'origin'>,
    private readonly extraHeaders: Record<string, string> = {},
  ) {}

  get hasSession(): boolean {
    return this.cookie !== null;
  }

  /** The session cookie as a `Cookie` header value (for WebSocket handshakes). */
  get cookieHeader(): string | null {
    return this.cookie;
  }

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const response = await fetch(`${this.app.baseUrl}${path}`, {
      method,
      headers: {
        origin: this.app.origin,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...this.extraHeaders,
        ...headers,
      },
      body: body !== undefined ? JSON.stringify(body) : null,
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const pair = setCookie.split(';')[0]!;
      this.cookie = pair.endsWith('=') ? null : pair;
    }
    const type = response.headers.get('content-type') ?? '';
    const text = await response.text();
    return {
      status: response.status,
      body: (type.includes('json') && text ? JSON.parse(text) : text) as T,
      headers: response.headers,
    };
  }

  get<T = any>(path: string, headers?: Record<string, string>) {
    return this.request<T>('GET', path, undefined, headers);
  }
  /** A GET whose answer is kept as bytes (a PDF, an image). */
  async download(path: string): Promise<{ status: number; bytes: Buffer; headers: Headers }> {
    const response = await fetch(`${this.app.baseUrl}${path}`, {
      headers: { origin: this.app.origin, ...(this.cookie ? { cookie: this.cookie } : {}) },
    });
    return {
      status: response.status,
      bytes: Buffer.from(await response.arrayBuffer()),
      headers: response.headers,
    };
  }
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', path, body, headers);
  }
  patch<T = any>(path: string, body?: unknown) {
    return this.request<T>('PATCH', path, body);
  }
  put<T = any>(path: string, body?: unknown) {
    return this.request<T>('PUT', path, body);
  }
}

/** The latest six-digit code the dev outbox holds for an address. */
export async function latestCode(db: Db, to: string): Promise<string> {
  const { rows } = await db.query<{ body_text: string }>(
    'SELECT body_text FROM dev_outbox WHERE recipient = $1 ORDER BY created_at DESC LIMIT 1',
    [to],
  );
  const code = /\b(\d{6})\b/.exec(rows[0]?.body_text ?? '')?.[1];
  if (!code) throw new Error(`no code sent to ${to}`);
  return code;
}

/**
 * Gives the user with this e-mail address a complete profile (given name, family name, date of
 * birth) unless they have one, as a patient does once before the first booking. A name the user
 * has is split into the two parts, so it stays as it was; without one, the given name is the
 * address's local part, so the display name still shows whose it is.
 */
export async function giveProfile(db: Db, email: string): Promise<void> {
  await db.query(
    `UPDATE users
        SET given_name = coalesce(given_name, substring(name from '^(\\S+) '),
                                  nullif(name, ''), left(split_part(email, '@', 1), 120)),
            family_name = coalesce(family_name, substring(name from '^\\S+ (.+)$'), 'Testesen'),
            birth_date = coalesce(birth_date, DATE '1980-05-17')
      WHERE email = $1`,
    [email],
  );
}

/**
 * Signs a browser in through the real one-time-code flow. The user gets a complete profile
 * ({@link giveProfile}) so that they can book, unless `profile` is false.
 */
export async function signInWithCode(
  browser: Browser,
  db: Db,
  email: string,
  { profile = true }: { profile?: boolean } = {},
): Promise<void> {
  const sent = await browser.post('/api/v1/auth/code', { email });
  if (sent.status !== 202)
    throw new Error(`code request failed: ${sent.status} ${JSON.stringify(sent.body)}`);
  const verified = await browser.post('/api/v1/auth/code/verify', {
    email,
    code: await latestCode(db, email),
  });
  if (verified.status !== 200)
    throw new Error(`verify failed: ${verified.status} ${JSON.stringify(verified.body)}`);
  if (profile) await giveProfile(db, email);
}
