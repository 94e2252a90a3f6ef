import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataDirError } from './data-dir-lock';
import { findFreePort, startEmbeddedPostgres } from './embedded';

const root = path.resolve(import.meta.dirname, '../../../..');

interface Server {
  readonly child: ChildProcess;
  readonly baseUrl: string;
  output(): string;
  /** Resolves with the exit code once the process has ended. */
  readonly exited: Promise<number | null>;
}

/** `node --import tsx apps/server/src/main.ts` as `npm start` runs it, in the demo. */
async function startServer(dataDir: string): Promise<Server> {
  const port = await findFreePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      VISITT_MODE: 'demo',
      DATABASE_URL: '',
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      VISITT_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, baseUrl: `http://127.0.0.1:${port}`, output: () => output, exited };
}

async function health(server: Server): Promise<number | null> {
  try {
    return (await fetch(`${server.baseUrl}/api/health`)).status;
  } catch {
    return null;
  }
}

async function waitForHealth(server: Server): Promise<void> {
  const deadline = Date.now() + 90_000;
  while ((await health(server)) !== 200) {
    if (server.child.exitCode !== null)
      throw new Error(`Visitt exited during start-up:\n${server.output()}`);
    if (Date.now() > deadline) throw new Error(`Visitt did not start:\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The exit code, or 'running' if the process has not ended within `ms`. */
async function exitCodeWithin(server: Server, ms: number): Promise<number | null | 'running'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'running'>((resolve) => (timer = setTimeout(resolve, ms, 'running')));
  try {
    return await Promise.race([server.exited, late]);
  } finally {
    clearTimeout(timer);
  }
}

async function stop(server: Server, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill(signal);
  await server.exited;
}

let tmp: string;
const running: Server[] = [];

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'visitt-data-dir-'));
  // mkdtemp makes the folder 700; PostgreSQL runs as `postgres` when the tests run as root.
  await chmod(tmp, 0o755);
});
afterAll(async () => {
  for (const server of running) await stop(server);
  await rm(tmp, { recursive: true, force: true });
});

describe('one server per data folder', () => {
  it(
    'refuses a second server while the first keeps serving, and restarts after a kill -9',
    {
      timeout: 240_000,
    },
    async () => {
      const dataDir = path.join(tmp, 'shared');
      const first = await startServer(dataDir);
      running.push(first);
      await waitForHealth(first);

      const second = await startServer(dataDir);
      running.push(second);
      expect(await exitCodeWithin(second, 30_000)).toBe(1);
      const lines = second.output().trim().split('\n');
      expect(lines).toEqual([
        'Visitt starts in demo mode (VISITT_MODE is demo)',
        `Another Visitt server is using the data folder ${dataDir} (pid ${first.child.pid}). ` +
          'Stop it first or set VISITT_DATA_DIR to another folder.',
      ]);
      // The first one's PostgreSQL was left alone: the database still answers.
      expect(await health(first)).toBe(200);
      expect((await fetch(`${first.baseUrl}/api/v1/clinics`)).status).toBe(200);

      // kill -9 leaves a stale lock and an orphaned PostgreSQL behind; a restart takes over both.
      const orphan = Number(
        (await readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0],
      );
      await stop(first, 'SIGKILL');
      expect(existsSync(path.join(dataDir, 'visitt.lock'))).toBe(true);
      expect(isRunning(orphan)).toBe(true);

      const restarted = await startServer(dataDir);
      running.push(restarted);
      await waitForHealth(restarted);
      expect(isRunning(orphan)).toBe(false);
      await stop(restarted);
      expect(await restarted.exited).toBe(0);
      expect(existsSync(path.join(dataDir, 'visitt.lock'))).toBe(false);
      expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
    },
  );
});

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe.runIf(process.getuid?.() === 0)(
  'as root, a data folder the postgres user cannot enter',
  () => {
    it('is refused up front with one line saying what to do', { timeout: 60_000 }, async () => {
      const closed = path.join(tmp, 'closed');
      await mkdir(closed, { mode: 0o700 });
      await chmod(closed, 0o700);
      const dataDir = path.join(closed, 'data');
      const message =
        `PostgreSQL runs as user postgres, which cannot enter ${closed}: set VISITT_DATA_DIR to ` +
        'a folder it can reach (e.g. /var/lib/visitt), or run Visitt as another user than root.';

      await expect(startEmbeddedPostgres({ dataDir })).rejects.toThrow(new DataDirError(message));
      expect(existsSync(path.join(dataDir, 'pg'))).toBe(false);
      expect(existsSync(path.join(dataDir, 'visitt.lock'))).toBe(false);

      const server = await startServer(dataDir);
      running.push(server);
      expect(await exitCodeWithin(server, 30_000)).toBe(1);
      expect(server.output().trim().split('\n')).toEqual([
        'Visitt starts in demo mode (VISITT_MODE is demo)',
        message,
      ]);
    });
  },
);

describe('servers started together after a crash', () => {
  /** Processes that each try to take the lock at the same instant `at`; what each got. */
  function race(dataDir: string, count: number, at: number): Promise<string[]> {
    const lockModule = path.join(import.meta.dirname, 'data-dir-lock.ts');
    const script = `
      const { lockDataDir } = await import(${JSON.stringify(lockModule)});
      while (Date.now() < ${at}) {}
      try { lockDataDir(${JSON.stringify(dataDir)}); console.log('GOT'); }
      catch (error) { console.log('NO ' + error.name); }
      setTimeout(() => process.exit(0), 300);`;
    return Promise.all(
      Array.from(
        { length: count },
        () =>
          new Promise<string>((resolve) => {
            const child = spawn(
              process.execPath,
              ['--import', 'tsx', '--input-type=module', '-e', script],
              { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
            );
            let out = '';
            child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
            child.once('exit', () => resolve(out.trim()));
          }),
      ),
    );
  }

  it('let exactly one of them take over a stale lock', { timeout: 60_000 }, async () => {
    const base = await mkdtemp(path.join(tmpdir(), 'visitt-lock-race-'));
    try {
      for (let round = 0; round < 6; round++) {
        const dataDir = path.join(base, String(round));
        await mkdir(dataDir);
        // Left by a server that was killed: its process is gone.
        await writeFile(path.join(dataDir, 'visitt.lock'), '999999\n\n');
        const outcomes = await race(dataDir, 3, Date.now() + 1500);
        expect(
          outcomes.filter((o) => o === 'GOT'),
          outcomes.join(', '),
        ).toHaveLength(1);
        expect(outcomes.filter((o) => o === 'NO DataDirInUseError')).toHaveLength(2);
      }
    } finally {
      await rm(base, { recursive: true, force: true });
    }
  });
});
