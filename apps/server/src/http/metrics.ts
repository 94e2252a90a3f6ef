import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

export interface AppMetrics {
  readonly registry: Registry;
  readonly duration: Histogram<'method' | 'route' | 'status'>;
  /** Requests refused by a route's access declaration or the clinic policy, by route and reason. */
  readonly refused: Counter<'route' | 'reason'>;
}

/**
 * Prometheus metrics: process defaults, one histogram of request durations by route pattern
 * (never the raw URL, which holds ids), and the count of refused attempts on protected routes.
 * Served at GET /metrics, declared `operator` (see `access.ts`): in production only with
 * `Authorization: Bearer $METRICS_TOKEN`.
 */
export function createMetrics(): AppMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'visitt_http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const refused = new Counter({
    name: 'visitt_access_refused_total',
    help: 'Requests refused on protected routes (staff, clinic administration, metrics), by route and reason',
    labelNames: ['route', 'reason'] as const,
    registers: [registry],
  });
  return { registry, duration, refused };
}

/** Observes every response and serves the registry at GET /metrics. */
export function registerMetrics(app: FastifyInstance, { registry, duration }: AppMetrics): void {
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
  app.get(
    '/metrics',
    { config: { access: 'operator' }, schema: { hide: true } },
    async (_request, reply) => reply.type(registry.contentType).send(await registry.metrics()),
  );
}
