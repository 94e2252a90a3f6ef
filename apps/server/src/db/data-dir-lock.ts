import {
  linkSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';

/**
 * The embedded PostgreSQL cannot start on this data folder, for a reason the operator fixes;
 * the message is one line saying what to do, shown without a stack trace.
 */
export class DataDirError extends Error {
  override name = 'DataDirError';
}

/** Another live Visitt server holds the data folder. */
export class DataDirInUseError extends DataDirError {
  override name = 'DataDirInUseError';
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `Another Visitt server is using the data folder ${dataDir} (pid ${pid}). ` +
        'Stop it first or set VISITT_DATA_DIR to another folder.',
    );
  }
}

export interface DataDirLock {
  /** Removes the lock file if it is still ours. Safe to call more than once. */
  release(): void;
}

/** Who holds a lock: a pid, and the process's start (boot id and start tick) where /proc has it. */
interface Holder {
  readonly pid: number;
  readonly start: string;
}

const LOCK_FILE = 'visitt.lock';

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/**
 * When process `pid` started, as `<boot id>:<start tick>` (Linux), or '' where /proc is
 * missing. Telling starts apart keeps a pid reused after a reboot or a container restart from
 * holding the lock.
 */
function processStart(pid: number): string {
  const stat = readText(`/proc/${pid}/stat`);
  const bootId = readText('/proc/sys/kernel/random/boot_id')?.trim();
  if (!stat || !bootId) return '';
  // Fields after the command name (which may hold spaces): state is field 3, starttime field 22.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return `${bootId}:${fields[19] ?? ''}`;
}

function parseHolder(text: string): Holder | null {
  const [pid, start = ''] = text.split('\n');
  const n = Number(pid);
  return Number.isInteger(n) && n > 0 ? { pid: n, start: start.trim() } : null;
}

/** Whether the process that wrote the lock is still running. */
function isAlive(holder: Holder): boolean {
  if (holder.pid === process.pid) {
    // Our own pid: this very process (a second start in one process) when the start matches;
    // otherwise a previous life of a container whose server always gets the same pid.
    return holder.start !== '' && holder.start === processStart(process.pid);
  }
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: alive, under another user.
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  const start = processStart(holder.pid);
  return holder.start === '' || start === '' || start === holder.start;
}

/** How long a takeover may take before another server may assume it crashed in the middle. */
const TAKEOVER_STALE_MS = 10_000;

/**
 * Runs `remove` while holding `<lock>.takeover` (a directory: creating one is atomic), waiting up
 * to about a second for another server's takeover; one left by a crash is cleared after
 * {@link TAKEOVER_STALE_MS}.
 */
function withTakeover(file: string, remove: () => void): void {
  const guard = `${file}.takeover`;
  for (let waited = 0; ; waited++) {
    try {
      mkdirSync(guard);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const since = statSync(guard, { throwIfNoEntry: false })?.mtimeMs;
    if (since === undefined) continue; // finished meanwhile
    const age = Date.now() - since;
    if (age > TAKEOVER_STALE_MS) rmSync(guard, { recursive: true, force: true });
    else if (waited >= 50)
      return; // busy: the caller tries to link again and sees the winner
    else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
  }
  try {
    remove();
  } finally {
    rmSync(guard, { recursive: true, force: true });
  }
}

/**
 * Takes the data folder for this process with a lock file (`visitt.lock`: pid and process start)
 * created atomically, or throws DataDirInUseError naming the live holder. A lock left by a
 * process that died (kill -9, power cut) is taken over, as PostgreSQL does with postmaster.pid.
 * The lock is released on `release()` and when the process exits.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  const file = path.join(dataDir, LOCK_FILE);
  const content = `${process.pid}\n${processStart(process.pid)}\n`;
  const draft = `${file}.${process.pid}`;
  // Written in full first and then linked into place, so nobody ever reads a half-written lock.
  writeFileSync(draft, content, { mode: 0o644 });
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(draft, file);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 50) throw error;
      }
      const holder = parseHolder(readText(file) ?? '');
      if (holder && isAlive(holder)) throw new DataDirInUseError(dataDir, holder.pid);
      // Stale (its process is gone), unreadable or released meanwhile. Only one starting server
      // at a time may remove it, and only after reading it again: otherwise two servers started
      // together after a crash could each remove the lock the other had just taken.
      withTakeover(file, () => {
        const again = readText(file);
        if (again === null) return;
        const current = parseHolder(again);
        if (current && isAlive(current)) throw new DataDirInUseError(dataDir, current.pid);
        unlinkSync(file);
      });
    }
  } finally {
    unlinkSync(draft);
  }
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.off('exit', release);
    if (readText(file) === content) unlinkSync(file);
  };
  process.on('exit', release);
  return { release };
}

/**
 * Whether `pid` is a running Node.js process, for telling a PostgreSQL still served by a live
 * Visitt from one orphaned by a server that was killed (an orphan's parent is init or a service
 * manager). False where /proc cannot tell.
 */
export function isNodeProcess(pid: number): boolean {
  try {
    return path.basename(readlinkSync(`/proc/${pid}/exe`)).startsWith('node');
  } catch {
    return false;
  }
}

/** The parent pid of `pid` from /proc, or null. */
export function parentPid(pid: number): number | null {
  const stat = readText(`/proc/${pid}/stat`);
  if (!stat) return null;
  const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  return Number.isInteger(ppid) ? ppid : null;
}
