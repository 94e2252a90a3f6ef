import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import path from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
let out: string;

/** Runs the real production build (vite.config.ts) into a folder of its own. */
async function buildInto(folder: string, env: Record<string, string | undefined>) {
  const saved = process.env.VISITT_WEB_SOURCEMAP;
  process.env.VISITT_WEB_SOURCEMAP = env.VISITT_WEB_SOURCEMAP;
  if (env.VISITT_WEB_SOURCEMAP === undefined) delete process.env.VISITT_WEB_SOURCEMAP;
  try {
    await build({
      root,
      logLevel: 'silent',
      build: { outDir: path.join(out, folder), emptyOutDir: true },
    });
  } finally {
    if (saved === undefined) delete process.env.VISITT_WEB_SOURCEMAP;
    else process.env.VISITT_WEB_SOURCEMAP = saved;
  }
  const assets = path.join(out, folder, 'assets');
  const files = await readdir(assets);
  const scripts = await Promise.all(
    files.filter((f) => f.endsWith('.js')).map((f) => readFile(path.join(assets, f), 'utf8')),
  );
  return {
    dir: path.join(out, folder),
    files,
    maps: files.filter((f) => f.endsWith('.map')),
    scripts: scripts.length,
    mapReferences: scripts.filter((text) => text.includes('sourceMappingURL')).length,
  };
}

beforeAll(async () => {
  out = await mkdtemp(path.join(tmpdir(), 'visitt-web-build-'));
});
afterAll(() => rm(out, { recursive: true, force: true }));

describe('the production build', () => {
  it('has no source maps, nor references to them', { timeout: 60_000 }, async () => {
    const plain = await buildInto('plain', {});
    expect(plain.scripts).toBeGreaterThan(0);
    expect(plain.maps).toEqual([]);
    expect(plain.mapReferences).toBe(0);
  });

  it('writes a brotli and a gzip copy of every script and style sheet, and of index.html', async () => {
    const { dir, files } = await buildInto('plain-again', {});
    const originals = [
      'index.html',
      ...files.filter((f) => /\.(js|css)$/.test(f)).map((f) => `assets/${f}`),
    ];
    for (const name of originals) {
      const original = await readFile(path.join(dir, name));
      if (original.length < 1024) continue;
      const br = await readFile(path.join(dir, `${name}.br`));
      const gz = await readFile(path.join(dir, `${name}.gz`));
      expect(brotliDecompressSync(br).equals(original), name).toBe(true);
      expect(gunzipSync(gz).equals(original), name).toBe(true);
      expect(br.length, name).toBeLessThan(original.length);
    }
  }, 60_000);

  it('has them only when VISITT_WEB_SOURCEMAP=true asks', { timeout: 60_000 }, async () => {
    const debug = await buildInto('debug', { VISITT_WEB_SOURCEMAP: 'true' });
    expect(debug.maps.length).toBeGreaterThan(0);
    expect(debug.mapReferences).toBeGreaterThan(0);
  });
});
