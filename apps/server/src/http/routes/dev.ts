import {
  ApiError,
  DevTotp,
  DevTotpQuery,
  IdParams,
  OutboxList,
  OutboxQuery,
} from '@visitt/contracts';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { currentDemoTotp } from '../../auth/demo-totp';
import { fail } from '../../core/errors';

/**
 * The demo's mail catcher and authenticator codes. Registered only outside production mode, so
 * in production the paths do not exist at all.
 */
export const devRoutes: FastifyPluginAsyncZod = async (app) => {
  // Second lock on the door: should the plugin ever be registered in production, it answers
  // as if it were not there (before validation, so not even a 400 gives it away).
  app.addHook('onRequest', async (request) => {
    if (request.ctx.config.isProduction) throw fail('not_found');
  });
  app.get(
    '/api/v1/dev/outbox',
    {
      config: { access: 'public' },
      schema: {
        tags: ['dev'],
        summary: 'Messages the demo would have sent (not in production)',
        querystring: OutboxQuery,
        response: { 200: OutboxList },
      },
    },
    async (request) => {
      const { rows } = await request.ctx.db.query<{
        id: string;
        channel: 'email' | 'sms' | 'push';
        recipient: string;
        subject: string | null;
        body_text: string;
        body_html: string | null;
        attachments: { filename: string; contentType: string; content: string }[];
        created_at: Date;
      }>(
        `SELECT id, channel, recipient, subject, body_text, body_html, attachments, created_at FROM dev_outbox
          WHERE $1::text IS NULL OR recipient = $1 ORDER BY created_at DESC, id LIMIT 100`,
        [request.query.to ?? null],
      );
      return rows.map((r) => ({
        id: r.id,
        channel: r.channel,
        to: r.recipient,
        subject: r.subject,
        text: r.body_text,
        html: r.body_html,
        attachments: r.attachments,
        createdAt: r.created_at.toISOString(),
      }));
    },
  );

  // An e-mail's HTML part as its own document, for the inbox's sandboxed frame: with a policy of
  // its own that lets its inline styles work (the app's does not), and nothing else — no
  // scripts, no requests, no forms, shown only in a frame of this site.
  app.get(
    '/api/v1/dev/outbox/:id/html',
    {
      config: { access: 'public' },
      schema: {
        tags: ['dev'],
        summary: "An e-mail's HTML part, as a document for the demo inbox (not in production)",
        params: IdParams,
        response: { 200: z.string(), 404: ApiError },
      },
    },
    async (request, reply) => {
      const { rows } = await request.ctx.db.query<{ body_html: string | null }>(
        'SELECT body_html FROM dev_outbox WHERE id = $1',
        [request.params.id],
      );
      const html = rows[0]?.body_html;
      if (!html) throw fail('not_found');
      return reply
        .type('text/html; charset=utf-8')
        .header(
          'content-security-policy',
          "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'; sandbox",
        )
        .header('x-frame-options', 'SAMEORIGIN')
        .send(html);
    },
  );

  app.get(
    '/api/v1/dev/totp',
    {
      config: { access: 'public' },
      schema: {
        tags: ['dev'],
        summary: 'The current authenticator code of a demo staff account (not in production)',
        description:
          'Only for the staff accounts the demo seed creates, while they keep the demo secret. 404 otherwise.',
        querystring: DevTotpQuery,
        response: { 200: DevTotp, 400: ApiError, 404: ApiError, 429: ApiError },
      },
    },
    async (request) => currentDemoTotp(request.ctx, request.query.email),
  );
};
