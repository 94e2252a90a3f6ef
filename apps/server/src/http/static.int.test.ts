import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness';

const webRoot = path.resolve(import.meta.dirname, '../../../web');
let out: string;
let app: TestApp;
let entry: string;

/** A GET as a browser sends it, with the raw bytes and headers (nothing decompressed). */
function get(pathname: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: Record<string, string>; body: Buffer }>(
    (resolve, reject) => {
      const req = request(`${app.baseUrl}${pathname}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode!,
            headers: res.headers as Record<string, string>,
            body: Buffer.concat(chunks),
          }),
        );
      });
      req.on('error', reject);
      req.end();
    },
  );
}

const decode = (encoding: string | undefined, body: Buffer) =>
  encoding === 'br' ? brotliDecompressSync(body) : encoding === 'gzip' ? gunzipSync(body) : body;

beforeAll(async () => {
  // The real production build, as `npm start` builds it.
  out = await mkdtemp(path.join(tmpdir(), 'visitt-static-'));
  await build({ root: webRoot, logLevel: 'silent', build: { outDir: out, emptyOutDir: true } });
  const html = await readFile(path.join(out, 'index.html'), 'utf8');
  entry = /<script type="module" crossorigin src="([^"]+)"/.exec(html)![1]!;
  app = await startTestApp({ webDistDir: out });
}, 120_000);
afterAll(async () => {
  await app?.close();
  await rm(out, { recursive: true, force: true });
});

describe('the web client as served', () => {
  it('sends each script in the encoding the browser accepts, from the build, cached as immutable', async () => {
    const original = await readFile(path.join(out, entry));
    for (const [accept, encoding] of [
      ['gzip, deflate, br, zstd', 'br'],
      ['gzip', 'gzip'],
      ['identity', undefined],
    ] as const) {
      const answer = await get(entry, { 'accept-encoding': accept });
      expect(answer.status, accept).toBe(200);
      expect(answer.headers['content-encoding'], accept).toBe(encoding);
      expect(answer.headers.vary, accept).toMatch(/accept-encoding/i);
      expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(answer.headers['content-type']).toMatch(/^(text|application)\/javascript/);
      // A script is not a document: no document policy on it, but never sniffed.
      expect(answer.headers['content-security-policy']).toBeUndefined();
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(decode(encoding, answer.body).equals(original), accept).toBe(true);
      if (encoding) expect(answer.body.length).toBeLessThan(original.length / 2.5);
    }
  });

  it('sends index.html compressed and never cached, for the page paths too', async () => {
    const original = await readFile(path.join(out, 'index.html'));
    for (const pathname of ['/', '/timer', '/klinikk/x/bestill/tid']) {
      const answer = await get(pathname, {
        accept: 'text/html',
        'accept-encoding': 'gzip, deflate, br',
      });
      expect(answer.status, pathname).toBe(200);
      expect(answer.headers['cache-control'], pathname).toBe('no-cache');
      expect(answer.headers['content-security-policy'], pathname).toContain("default-src 'self'");
      expect(decode(answer.headers['content-encoding'], answer.body).equals(original)).toBe(true);
      if (original.length >= 1024) expect(answer.headers['content-encoding']).toBe('br');
    }
  });

  it('has no source maps to hand out', async () => {
    const files = await readdir(path.join(out, 'assets'));
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    const answer = await get(`${entry}.map`, { accept: '*/*' });
    expect(answer.status).toBe(404);
  });

  it('compresses API answers over 1 KB, and leaves small ones as they are', async () => {
    const large = await get('/api/openapi.json', { 'accept-encoding': 'gzip, br' });
    expect(large.status).toBe(200);
    expect(large.headers['content-encoding']).toBe('br');
    expect(large.headers.vary).toMatch(/accept-encoding/i);
    const doc = JSON.parse(decode('br', large.body).toString('utf8')) as { openapi: string };
    expect(doc.openapi).toMatch(/^3\./);

    const gzipped = await get('/api/openapi.json', { 'accept-encoding': 'gzip' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gzipped.body).toString('utf8'))).toEqual(doc);

    // A compressed request body is not inflated: read as it is, it is not JSON.
    const body = gzipSync(JSON.stringify({ email: 'pasient@example.com' }));
    const posted = await fetch(`${app.baseUrl}/api/v1/auth/code`, {
      method: 'POST',
      headers: {
        origin: app.origin,
        'content-type': 'application/json',
        'content-encoding': 'gzip',
      },
      body,
    });
    expect(posted.status).toBe(400);

    const small = await get('/api/v1/me', { 'accept-encoding': 'gzip, br' });
    expect(small.status).toBe(401);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.headers['cache-control']).toBe('no-store');
  });
});
