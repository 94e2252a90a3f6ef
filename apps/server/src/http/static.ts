import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const DOCUMENT_ONLY_HEADERS = [
  'content-security-policy',
  'cross-origin-opener-policy',
  'origin-agent-cluster',
  'permissions-policy',
  'referrer-policy',
  'server-timing',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
];

/**
 * Serves the built web client from `dir`, with the single-page app's index.html for any other
 * GET that asks for HTML. The build writes a brotli and a gzip copy beside each file worth
 * compressing; the one the browser accepts is sent (`Vary: accept-encoding`). Hashed assets are
 * cached for a year as immutable; everything else (index.html, sw.js, the manifest) is checked
 * with the server on each use.
 */
export async function registerWebClient(app: FastifyInstance, dir: string): Promise<boolean> {
  const root = path.resolve(dir);
  if (!existsSync(path.join(root, 'index.html'))) return false;
  await app.register(async (files) => {
    // The client's files are public: declared here for every route the static plugin adds.
    files.addHook('onRoute', (route) => {
      route.config = { ...route.config, access: 'public' };
    });
    // A built script or style sheet is not a document: the headers that only govern documents
    // (their policy, framing, features, timing) are left off, a few hundred bytes on each of the
    // first page's files. `nosniff`, the resource policy and HSTS stay.
    files.addHook('onSend', async (request, reply) => {
      if (!request.url.startsWith('/assets/')) return;
      for (const header of DOCUMENT_ONLY_HEADERS) reply.removeHeader(header);
    });
    await files.register(fastifyStatic, {
      root,
      wildcard: false,
      index: false,
      preCompressed: true,
      setHeaders: (res, file) => {
        res.header(
          'cache-control',
          file.includes(`${path.sep}assets${path.sep}`)
            ? 'public, max-age=31536000, immutable'
            : 'no-cache',
        );
      },
    });
    // In the same scope as the plugin, whose `sendFile` it uses.
    files.setNotFoundHandler(async (request, reply) => {
      const wantsHtml =
        request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
      if (wantsHtml && !request.url.startsWith('/api/')) {
        return reply.header('cache-control', 'no-cache').sendFile('index.html');
      }
      return reply
        .code(404)
        .type('application/json')
        .send({ error: 'not_found', message: 'Not found.' });
    });
  });
  return true;
}
