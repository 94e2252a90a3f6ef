import { constants as zlib } from 'node:zlib';
import compress from '@fastify/compress';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { ApiError } from '@visitt/contracts';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import { fail } from '../core/errors';
import { handleClientError, handleError } from './errors';
import { accessPlugin } from './access';
import { guestCookieName } from './guest-cookie';
import { createMetrics, registerMetrics } from './metrics';
import { accessibilityRoutes } from './routes/accessibility';
import { appointmentRoutes } from './routes/appointments';
import { authRoutes } from './routes/auth';
import { clinicRoutes } from './routes/clinics';
import { connectionTestRoutes } from './routes/connection-test';
import { inPersonRoutes } from './routes/in-person';
import { devRoutes } from './routes/dev';
import { meRoutes } from './routes/me';
import { videoRoutes } from './routes/video';
import { notificationRoutes } from './routes/notifications';
import { smsReportRoutes } from './routes/sms-reports';
import { pushRoutes } from './routes/push';
import { adminClinicRoutes } from './routes/admin-clinic';
import { adminHoursRoutes } from './routes/admin-hours';
import { adminStaffRoutes } from './routes/admin-staff';
import { adminTypeRoutes } from './routes/admin-types';
import { calendarRoutes } from './routes/calendar';
import { oidcRoutes } from './routes/oidc';
import { recordRoutes } from './routes/records';
import { guestRoutes } from './routes/guests';
import { staffAuthRoutes } from './routes/staff-auth';
import { attachSignaling } from '../signaling/server';
import { sessionCookieName, sessionPlugin } from './session';
import { registerWebClient } from './static';

export interface BuildAppOptions {
  /** The process's logger (see {@link createLogger}); without it nothing is logged (tests). */
  log?: FastifyBaseLogger;
  /** Folder of the built web client; not served when absent. */
  webDistDir?: string | undefined;
  /** How often signaling re-checks the sessions of its sockets (tests shorten it). */
  signalingSweepMs?: number;
  /** How long closing waits for answers under way before it cuts their connections. */
  closeGraceMs?: number;
}

/**
 * The process's structured logger (JSON lines). What the application logs about requests is
 * method, route pattern, status and timing: never URLs with their query strings, bodies,
 * cookies or IP addresses, which can hold personal data or secrets.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: {
        paths: ['req.headers', 'res.headers', '*.cookie', '*.authorization'],
        remove: true,
      },
    },
    destination,
  );
}

/** Builds the whole HTTP application on the given dependencies; the caller listens. */
export async function buildApp(
  deps: AppDeps,
  options: BuildAppOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.log
      ? {
          loggerInstance: options.log,
          // Fastify's own per-request lines carry the raw URL; ours below carry the route.
          logController: new LogController({ disableRequestLogging: true }),
        }
      : { logger: false }),
    trustProxy: deps.config.trustProxy,
    bodyLimit: 16 * 1024,
    requestIdHeader: false,
    // A malformed or too long path parameter is refused before routing: same error shape.
    frameworkErrors: (error, request, reply) => void handleError(error, request, reply),
    clientErrorHandler: handleClientError,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);

  const secure = deps.config.publicUrl.startsWith('https://');
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'", 'blob:', 'mediastream:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        manifestSrc: ["'self'"],
        workerSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(secure ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    hsts: secure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
  });
  app.addHook('onSend', async (_request, reply) => {
    // Camera and microphone only for this origin (the video room); nothing else.
    reply.header(
      'permissions-policy',
      'camera=(self), microphone=(self), geolocation=(), payment=(), usb=()',
    );
    // Time spent in the server, for browsers' devtools and the benchmarks.
    reply.header('server-timing', `app;dur=${reply.elapsedTime.toFixed(2)}`);
  });

  // Closing waits for answers under way, but not for ever: a client that stops reading (its
  // connection held open) must not keep a stopping server alive. After the grace period what is
  // left is cut.
  app.addHook('preClose', async () => {
    setTimeout(() => app.server.closeAllConnections(), options.closeGraceMs ?? 10_000).unref();
  });
  // Answers over 1 KB are compressed for clients that accept it: brotli at a quality that costs
  // about as much time as gzip, or gzip. The web client's files come precompressed from the
  // build (at the highest quality) and are sent as they are. Request bodies are never inflated:
  // the API takes small plain JSON, and a compressed body could grow past the size limit.
  await app.register(compress, {
    globalCompression: true,
    globalDecompression: false,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 6 },
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Visitt API',
        version: '1',
        description:
          'Book and hold video consultations. Times are ISO 8601 with offset. Errors are `{ "error": code, "message": text }`.',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'visitt_session' } },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });

  if (options.log) {
    const log = options.log;
    app.addHook('onResponse', async (request, reply) => {
      log.info(
        {
          method: request.method,
          route: request.routeOptions.url ?? 'unmatched',
          status: reply.statusCode,
          ms: Math.round(reply.elapsedTime),
        },
        'request',
      );
    });
  }

  const metrics = createMetrics();
  await app.register(sessionPlugin, deps);
  await app.register(accessPlugin, {
    metricsToken: deps.config.metricsToken,
    isProduction: deps.config.isProduction,
    refused: metrics.refused,
  });
  registerMetrics(app, metrics);
  app.addHook('onSend', async (request, reply) => {
    // Health data, TURN credentials, codes: nothing the API answers may be kept by a browser or a
    // proxy. Routes that set their own policy keep it. Decided on the matched route, like access.
    const route = request.routeOptions.url;
    if ((route === undefined || route.startsWith('/api/')) && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
  });

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: '200 once the database answers',
        response: { 200: z.object({ status: z.literal('ok') }), 503: ApiError },
      },
    },
    async (_request, reply) => {
      try {
        await deps.db.query('SELECT 1');
      } catch {
        return reply
          .code(503)
          .type('application/json')
          .send({ error: 'internal', message: 'The database is not ready.' });
      }
      return { status: 'ok' as const };
    },
  );

  await app.register(authRoutes);
  await app.register(meRoutes);
  await app.register(pushRoutes);
  await app.register(clinicRoutes);
  await app.register(appointmentRoutes);
  await app.register(videoRoutes);
  await app.register(connectionTestRoutes);
  await app.register(inPersonRoutes);
  await app.register(notificationRoutes);
  await app.register(smsReportRoutes);
  await app.register(staffAuthRoutes);
  await app.register(oidcRoutes);
  await app.register(adminClinicRoutes);
  await app.register(adminStaffRoutes);
  await app.register(adminTypeRoutes);
  await app.register(adminHoursRoutes);
  await app.register(calendarRoutes);
  await app.register(recordRoutes);
  await app.register(guestRoutes);
  await app.register(accessibilityRoutes);
  if (!deps.config.isProduction) await app.register(devRoutes);

  const signaling = attachSignaling(app.server, deps, {
    parseCookie: (header) => app.parseCookie(header),
    cookieName: sessionCookieName(deps.config.publicUrl),
    guestCookieName: guestCookieName(deps.config.publicUrl),
    log: app.log,
    ...(options.signalingSweepMs ? { sweepMs: options.signalingSweepMs } : {}),
  });
  app.addHook('onClose', () => signaling.close());

  const served = options.webDistDir ? await registerWebClient(app, options.webDistDir) : false;
  if (!served) {
    app.setNotFoundHandler(async () => {
      throw fail('not_found');
    });
  }
  return app;
}
