import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { findSession, touchSession } from '../db/sessions';
import type { AppDeps } from '../deps';
import type { RequestContext } from '../core/context';
import { fail } from '../core/errors';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
  }
}

/** `__Host-` and `Secure` when served over https; plain name on local http. */
export function sessionCookieName(publicUrl: string): string {
  return publicUrl.startsWith('https://') ? '__Host-visitt_session' : 'visitt_session';
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Reads the session cookie into `request.ctx.actor` and refuses state-changing requests from
 * other sites: checked here on the server, whatever the browser's SameSite support. Who may call
 * which route is decided after this, on the matched route (`access.ts`).
 */
export const sessionPlugin = fp(
  async (app: FastifyInstance, deps: AppDeps) => {
    const name = sessionCookieName(deps.config.publicUrl);
    const secure = deps.config.publicUrl.startsWith('https://');
    await app.register(cookie);

    app.decorateRequest('ctx', null as unknown as RequestContext);
    app.addHook('onRequest', async (request) => {
      if (!SAFE_METHODS.has(request.method)) {
        const origin = request.headers.origin;
        const site = request.headers['sec-fetch-site'];
        const allowed = origin
          ? deps.config.allowedOrigins.includes(origin)
          : site !== 'cross-site';
        if (!allowed) throw fail('bad_origin');
      }
      const token = request.cookies[name] ?? null;
      const now = deps.clock.now();
      const session = token
        ? await findSession(deps.db, token, now, deps.config.sessionIdleMs)
        : null;
      if (session) await touchSession(deps.db, session, now);
      request.ctx = {
        ...deps,
        actor: session
          ? {
              userId: session.userId,
              authMethod: session.authMethod,
              signedInAt: session.createdAt,
              staff: session.staff,
              acr: session.acr,
            }
          : null,
        ip: request.ip,
        acceptLanguage: request.headers['accept-language'],
        sessionToken: token,
      };
    });

    app.decorateReply('setSessionCookie', function (this: FastifyReply, token: string) {
      return this.setCookie(name, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure,
        maxAge: Math.floor(deps.config.sessionAbsoluteMs / 1000),
      });
    });
    app.decorateReply('clearSessionCookie', function (this: FastifyReply) {
      return this.clearCookie(name, { path: '/', httpOnly: true, sameSite: 'lax', secure });
    });
  },
  { name: 'visitt-session' },
);

declare module 'fastify' {
  interface FastifyReply {
    setSessionCookie(token: string): FastifyReply;
    clearSessionCookie(): FastifyReply;
  }
}
