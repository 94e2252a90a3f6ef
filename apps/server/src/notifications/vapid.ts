import webpush from 'web-push';
import { z } from 'zod';
import type { Queryable } from '../db/pool';

/** The installation's VAPID key pair (RFC 8292), both base64url as web-push takes them. */
export interface VapidKeys {
  /** Uncompressed P-256 point, 65 bytes: the browsers' `applicationServerKey`. */
  readonly publicKey: string;
  /** The 32-byte private scalar. Never leaves the server. */
  readonly privateKey: string;
}

const StoredVapidKeys = z.object({
  publicKey: z.string().refine((v) => Buffer.from(v, 'base64url').length === 65),
  privateKey: z.string().refine((v) => Buffer.from(v, 'base64url').length === 32),
});

const SETTING_KEY = 'vapid';

// Per pool, so tests on separate databases get separate keys; the promise is shared, so
// concurrent first callers in one process do one read.
const cache = new WeakMap<Queryable, Promise<VapidKeys>>();

async function readStored(db: Queryable): Promise<VapidKeys | null> {
  const { rows } = await db.query<{ value: unknown }>(
    'SELECT value FROM instance_settings WHERE key = $1',
    [SETTING_KEY],
  );
  if (!rows[0]) return null;
  const parsed = StoredVapidKeys.safeParse(rows[0].value);
  if (!parsed.success) throw new Error('instance_settings.vapid is not a VAPID key pair');
  return { publicKey: parsed.data.publicKey, privateKey: parsed.data.privateKey };
}

async function loadOrCreate(db: Queryable): Promise<VapidKeys> {
  const stored = await readStored(db);
  if (stored) return stored;
  // Several instances may start at once against one database: each offers a pair, the first
  // insert wins, and everyone reads the winner back. Every browser subscription is bound to the
  // public key it was made with, so a second pair would silently break them.
  const offered = webpush.generateVAPIDKeys();
  await db.query(
    `INSERT INTO instance_settings (key, value) VALUES ($1, $2::jsonb) ON CONFLICT (key) DO NOTHING`,
    [SETTING_KEY, JSON.stringify({ publicKey: offered.publicKey, privateKey: offered.privateKey })],
  );
  const winner = await readStored(db);
  if (!winner) throw new Error('VAPID keys vanished right after being stored');
  return winner;
}

/**
 * The installation's VAPID key pair: made once (on first use), kept in `instance_settings`
 * and shared by every instance on the database. Cached in memory after the first read. Throws
 * when the database cannot be reached (a later call tries again) or holds a malformed pair.
 */
export function getVapidKeys(db: Queryable): Promise<VapidKeys> {
  let keys = cache.get(db);
  if (!keys) {
    keys = loadOrCreate(db);
    cache.set(db, keys);
    void keys.catch(() => cache.delete(db));
  }
  return keys;
}
