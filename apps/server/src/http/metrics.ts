import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import type { Config } from '../config/config';

/**
 * Prometheus metrics: process defaults and one histogram of request durations by route
 * pattern (never the raw URL, which holds ids). Served at GET /metrics; in production only
 * with `Authorization: Bearer $METRICS_TOKEN`.
 */
export function registerMetrics(app: FastifyInstance, config: Config): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'visitt_http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    duration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    const token = config.metricsToken;
    const allowed = token
      ? request.headers.authorization === `Bearer ${token}`
      : !config.isProduction;
    if (!allowed)
      return reply
        .code(404)
        .type('application/json')
        .send({ error: 'not_found', message: 'Not found.' });
    return reply.type(registry.contentType).send(await registry.metrics());
  });
  return registry;
}
