import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { chooseMode, ConfigError, loadConfig, type Config } from './config/config';
import { DataDirError } from './db/data-dir-lock';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded';
import { migrate } from './db/migrate';
import { createPool, type Db } from './db/pool';
import { deleteOldRateLimits } from './db/rate-limits';
import { DEMO, seedDemo } from './db/seed-demo';
import { deleteExpiredSessions } from './db/sessions';
import type { AppDeps } from './deps';
import { buildApp, createLogger } from './http/app';
import { markNoShows } from './jobs/no-show';
import { systemClock } from './lib/clock';
import { createTransports } from './notifications/transports';
import { getVapidKeys } from './notifications/vapid';
import { createWebPushTransport } from './notifications/web-push';
import { createNotificationWorker } from './notifications/worker';
import { createPgSignalBus } from './signaling/bus';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The demo keeps a generated secret in its data folder; production must configure one. */
async function resolveSecret(config: Config): Promise<string> {
  if (config.secret) return config.secret;
  const file = path.join(path.resolve(config.dataDir), 'secret');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  await mkdir(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

async function waitForDatabase(db: Db, log: Logger): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await db.query('SELECT 1');
      return;
    } catch (error) {
      if (attempt >= 30) throw error;
      log.warn({ attempt }, 'database not reachable yet, retrying');
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

async function main(): Promise<void> {
  // Said first, so whoever reads a production problem list below also reads why it is production.
  const choice = chooseMode(process.env);
  process.stdout.write(`Visitt starts in ${choice.mode} mode (${choice.reason})\n`);
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      const hint =
        choice.mode === 'production' && !choice.isExplicit
          ? `\nThis is production because ${choice.reason}. Only to try the demo with these settings (never for a real clinic), set VISITT_MODE=demo.`
          : '';
      process.stderr.write(`${error.message}${hint}\n`);
      process.exit(1);
    }
    throw error;
  }
  const log = createLogger(config.logLevel);

  let embedded: EmbeddedDatabase | null = null;
  let url = config.databaseUrl;
  if (!url) {
    log.info({ dataDir: path.resolve(config.dataDir) }, 'starting embedded PostgreSQL');
    embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      onLog: (line) => log.debug(line.trim()),
    });
    url = embedded.url;
  }
  const db = createPool(url, config.databasePoolSize);
  await waitForDatabase(db, log);
  const { applied } = await migrate(db);
  if (applied.length > 0) log.info({ applied }, 'migrations applied');
  const secret = await resolveSecret(config);
  if (!config.isProduction && (await seedDemo(db, systemClock.now(), { secret }))) {
    log.info('demo data created');
  }

  const bus = await createPgSignalBus(db, url, (error) =>
    log.warn({ err: { message: String(error) } }, 'signal bus trouble'),
  );
  const deps: AppDeps = {
    config,
    db,
    clock: systemClock,
    secret,
    transports: createTransports(
      config,
      db,
      createWebPushTransport(db, { subject: config.vapidSubject, vapid: await getVapidKeys(db) }),
    ),
    bus,
  };
  const webDistDir = config.webDistDir ?? path.resolve(here, '../../web/dist');
  const app = await buildApp(deps, { log, webDistDir });
  await app.listen({ port: config.port, host: config.host });

  // The outbox worker runs here unless the installation runs it on its own (src/worker.ts).
  const worker =
    config.notificationWorker === 'inline'
      ? createNotificationWorker({
          db,
          clock: systemClock,
          transports: deps.transports,
          publicUrl: config.publicUrl,
          log,
        })
      : null;
  worker?.start();

  const cleanup = setInterval(() => {
    const now = systemClock.now();
    Promise.all([
      deleteExpiredSessions(db, now, config.sessionIdleMs),
      deleteOldRateLimits(db, now),
    ]).catch((error: unknown) => log.warn({ err: error }, 'cleanup failed'));
  }, 10 * 60_000);
  cleanup.unref();
  // Video appointments nobody came to become no-shows once their window has passed.
  const noShows = setInterval(() => {
    markNoShows(db, bus, systemClock.now()).catch((error: unknown) =>
      log.warn({ err: { message: String(error) } }, 'no-show job failed'),
    );
  }, 60_000);
  noShows.unref();

  const address = config.publicUrl;
  const lines = [
    '',
    `  Visitt is running at ${address}  (${config.mode} mode)`,
    `  API documentation: ${address}/api/openapi.json`,
  ];
  if (!config.isProduction) {
    lines.push(
      '',
      `  Patient: sign in with ${DEMO.patient.email} (or ${DEMO.patient.phone}); the code appears in`,
      `           the demo outbox at ${address}/utboks`,
      `  Staff:   ${DEMO.staff.email} / ${DEMO.staff.password}  (${DEMO.clinicName}, administrator and practitioner)`,
      `           ${DEMO.onCall.email} / ${DEMO.onCall.password}  (Dr. ${DEMO.onCall.name}, video consultations around the clock)`,
      `  Staff sign-in: ${address}/ansatt/logg-inn — then the authenticator code: secret ${DEMO.totpSecret}`,
      `           in any authenticator app, or the current code at ${address}/api/v1/dev/totp?email=${DEMO.staff.email}`,
      '',
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down');
    clearInterval(cleanup);
    clearInterval(noShows);
    await worker?.stop();
    await app.close().catch(() => undefined);
    await bus.close();
    await db.end().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof DataDirError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  process.stderr.write(
    `Visitt failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
