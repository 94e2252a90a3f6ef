import { ConfigError, loadConfig } from './config/config';
import { embeddedDatabaseUrl } from './db/embedded';
import { migrate } from './db/migrate';
import { createPool } from './db/pool';
import { createLogger } from './http/app';
import { systemClock } from './lib/clock';
import { createTransports } from './notifications/transports';
import { getVapidKeys } from './notifications/vapid';
import { createWebPushTransport } from './notifications/web-push';
import { createNotificationWorker } from './notifications/worker';

/**
 * The notification worker on its own (`npm run worker -w @visitt/server`), for installations
 * that run it apart from the web instances (set NOTIFICATION_WORKER=off on those). Any number
 * may run: they share the outbox through leases. Uses DATABASE_URL, or the embedded PostgreSQL a
 * server is running in VISITT_DATA_DIR.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const log = createLogger(config.logLevel);
  const db = createPool(config.databaseUrl ?? (await embeddedDatabaseUrl(config.dataDir)), 5);
  // Safe beside running servers (advisory lock); the worker needs the newest tables too.
  await migrate(db);
  const worker = createNotificationWorker(
    {
      db,
      clock: systemClock,
      transports: createTransports(
        config,
        db,
        createWebPushTransport(db, { subject: config.vapidSubject, vapid: await getVapidKeys(db) }),
      ),
      publicUrl: config.publicUrl,
      log,
    },
    { leaseMs: config.notificationLeaseMs },
  );
  worker.start();
  log.info('notification worker started');
  const stop = async () => {
    await worker.stop();
    await db.end();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(
    `The notification worker failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
