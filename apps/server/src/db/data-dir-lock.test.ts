import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirInUseError, lockDataDir } from './data-dir-lock';

let dir: string;
const lockFile = () => path.join(dir, 'visitt.lock');
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'visitt-lock-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** A process that is alive until killed. */
function sleeper() {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], {
    stdio: 'ignore',
  });
  return child;
}

describe('lockDataDir', () => {
  it('writes its pid, leaves no draft behind, and removes the lock on release', async () => {
    const lock = lockDataDir(dir);
    expect(readFileSync(lockFile(), 'utf8').split('\n')[0]).toBe(String(process.pid));
    expect(await readdir(dir)).toEqual(['visitt.lock']);
    lock.release();
    lock.release();
    expect(existsSync(lockFile())).toBe(false);
  });

  it('refuses while another live process holds the folder, naming it', async () => {
    const other = sleeper();
    try {
      writeFileSync(lockFile(), `${other.pid}\n\n`);
      expect(() => lockDataDir(dir)).toThrow(new DataDirInUseError(dir, other.pid!));
      expect(() => lockDataDir(dir)).toThrow(
        `Another Visitt server is using the data folder ${dir} (pid ${other.pid}). ` +
          'Stop it first or set VISITT_DATA_DIR to another folder.',
      );
      // The holder's lock is untouched.
      expect(readFileSync(lockFile(), 'utf8')).toBe(`${other.pid}\n\n`);
    } finally {
      other.kill('SIGKILL');
    }
  });

  it('refuses a second lock in the same process', () => {
    const lock = lockDataDir(dir);
    try {
      expect(() => lockDataDir(dir)).toThrow(DataDirInUseError);
    } finally {
      lock.release();
    }
  });

  it('takes over the lock of a process that died (kill -9)', async () => {
    const dead = sleeper();
    dead.kill('SIGKILL');
    await new Promise((resolve) => dead.once('exit', resolve));
    writeFileSync(lockFile(), `${dead.pid}\n\n`);
    const lock = lockDataDir(dir);
    expect(readFileSync(lockFile(), 'utf8').split('\n')[0]).toBe(String(process.pid));
    lock.release();
  });

  it.runIf(existsSync('/proc/self/stat'))(
    'takes over a lock whose pid now belongs to another process (reboot, container restart)',
    () => {
      // Alive pids, but not the processes that wrote these locks: their start differs.
      for (const pid of [process.ppid, process.pid]) {
        writeFileSync(lockFile(), `${pid}\nanother-boot:12345\n`);
        const lock = lockDataDir(dir);
        expect(readFileSync(lockFile(), 'utf8').split('\n')[0]).toBe(String(process.pid));
        lock.release();
      }
    },
  );

  it('does not remove a lock that is no longer its own', () => {
    const lock = lockDataDir(dir);
    writeFileSync(lockFile(), '1\n\n');
    lock.release();
    expect(readFileSync(lockFile(), 'utf8')).toBe('1\n\n');
  });
});
