import { createECDH } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/harness';
import { createPool } from '../db/pool';
import { getVapidKeys } from './vapid';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

const storedRows = async () =>
  (
    await database.db.query<{ value: { publicKey: string; privateKey: string } }>(
      "SELECT value FROM instance_settings WHERE key = 'vapid'",
    )
  ).rows;

describe('getVapidKeys', () => {
  it('makes one key pair when many instances start at once, and every one gets it', async () => {
    // Separate pools are separate processes as far as the in-memory cache is concerned.
    const pools = Array.from({ length: 8 }, () => createPool(database.url, 2));
    try {
      const keys = await Promise.all(pools.map((pool) => getVapidKeys(pool)));
      const rows = await storedRows();
      expect(rows).toHaveLength(1);
      for (const k of keys) expect(k).toEqual(rows[0]!.value);
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
    }
  });

  it('keeps a usable P-256 pair: the public key is the private key’s point', async () => {
    const keys = await getVapidKeys(database.db);
    const ecdh = createECDH('prime256v1');
    ecdh.setPrivateKey(Buffer.from(keys.privateKey, 'base64url'));
    expect(ecdh.getPublicKey().toString('base64url')).toBe(keys.publicKey);
    expect(Buffer.from(keys.publicKey, 'base64url')).toHaveLength(65);
    expect(Buffer.from(keys.privateKey, 'base64url')).toHaveLength(32);
  });

  it('reads the database once and then answers from memory', async () => {
    const first = await getVapidKeys(database.db);
    await database.db.query("DELETE FROM instance_settings WHERE key = 'vapid'");
    expect(await getVapidKeys(database.db)).toEqual(first);
    // A new process would make a new pair now; put the old one back for the other tests.
    await database.db.query("INSERT INTO instance_settings (key, value) VALUES ('vapid', $1)", [
      JSON.stringify(first),
    ]);
  });

  it('refuses a malformed stored pair and tries again on the next call', async () => {
    const pool = createPool(database.url, 1);
    const good = (await storedRows())[0]!.value;
    try {
      await database.db.query(
        `UPDATE instance_settings SET value = '{"publicKey":"x","privateKey":"y"}' WHERE key = 'vapid'`,
      );
      await expect(getVapidKeys(pool)).rejects.toThrow(/not a VAPID key pair/);
      await database.db.query("UPDATE instance_settings SET value = $1 WHERE key = 'vapid'", [
        JSON.stringify(good),
      ]);
      expect(await getVapidKeys(pool)).toEqual(good);
    } finally {
      await pool.end();
    }
  });
});
