import { spawn, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { findFreePort } from '../apps/server/src/db/embedded';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Address of the running Visitt server, e.g. http://127.0.0.1:41234. */
    baseUrl: string;
  }
}

const root = path.resolve(import.meta.dirname, '..');

/**
 * Starts Visitt exactly as `npm start` does (built web client, embedded PostgreSQL, demo data)
 * in a throwaway data folder, and waits until it answers /api/health.
 */
export default async function setup(project: TestProject) {
  const dataDir = path.join(root, '.tmp/e2e-data');
  await rm(dataDir, { recursive: true, force: true });
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const server: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'apps/server/src/main.ts'],
    {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        PUBLIC_URL: baseUrl,
        VISITT_DATA_DIR: dataDir,
        VISITT_MODE: 'demo',
        LOG_LEVEL: 'warn',
        DATABASE_URL: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`Visitt exited during start-up:\n${output}`);
    try {
      const health = await fetch(`${baseUrl}/api/health`);
      if (health.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`Visitt did not become healthy in 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  project.provide('baseUrl', baseUrl);
  return async () => {
    server.kill('SIGTERM');
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        server.kill('SIGKILL');
        resolve();
      }, 10_000);
      server.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  };
}
