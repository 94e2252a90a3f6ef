import { createHash, timingSafeEqual } from 'node:crypto';
import type { Instant } from '@visitt/domain';
import { ApiError } from '@visitt/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Queryable } from '../../db/pool';
import { classifyResultCode, LinkDeliveryReport } from '../../notifications/link-mobility';
import { fail } from '../../core/errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Compares in time independent of where the strings differ (and of their lengths). */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * Records a final delivery report on its SMS notification, found by our id (`refId`) or else by
 * LINK's messageId. Returns whether a row changed: false for reports of messages still on their
 * way, of unknown messages, and repeats of a status already recorded (so a repeat keeps the
 * first report's time).
 */
export async function recordDeliveryReport(
  db: Queryable,
  report: LinkDeliveryReport,
  now: Instant,
): Promise<boolean> {
  const kind = classifyResultCode(report.resultCode);
  if (kind === 'pending') return false;
  const status = kind === 'delivered' ? 'delivered' : 'undelivered';
  const update = (where: string, key: string) =>
    db.query(
      `UPDATE notifications
          SET delivery_status = $2, delivered_at = to_timestamp($3 / 1000.0), updated_at = to_timestamp($3 / 1000.0)
        WHERE ${where} = $1 AND channel = 'sms' AND delivery_status IS DISTINCT FROM $2`,
      [key, status, now],
    );
  if (report.refId && UUID.test(report.refId)) {
    const { rowCount } = await update('id', report.refId);
    if (rowCount) return true;
  }
  const { rowCount } = await update('provider_reference', report.id);
  return Boolean(rowCount);
}

/**
 * The callback LINK Mobility posts SMS delivery reports to (the URL of our gate). The secret path
 * token stands in for authentication; when it is wrong, or reports are not configured, the
 * route answers exactly like a path that does not exist.
 */
export const smsReportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/sms/reports/:token',
    {
      config: { access: 'public' },
      schema: {
        tags: ['sms'],
        summary: 'Delivery report from LINK Mobility (JSON gate)',
        description:
          'Always 200 once read, also for unknown messages: LINK resends until it gets a 200.',
        params: z.object({ token: z.string() }),
        body: LinkDeliveryReport,
        response: { 200: z.literal('OK'), 400: ApiError, 404: ApiError },
      },
      // Before the body is parsed or validated, so a wrong token cannot learn anything more.
      onRequest: async (request) => {
        const expected = request.ctx.config.sms.reportToken;
        const given = (request.params as { token?: string }).token ?? '';
        if (!expected || !sameSecret(given, expected)) throw fail('not_found');
      },
    },
    async (request, reply) => {
      const { ctx, body } = request;
      const changed = await recordDeliveryReport(ctx.db, body, ctx.clock.now());
      request.log.info({ resultCode: body.resultCode, changed }, 'sms delivery report');
      return reply.code(200).type('text/plain; charset=utf-8').send('OK');
    },
  );
};
