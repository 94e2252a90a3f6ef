import { AuthProviders, OidcKindParams, OidcStartQuery, type OidcKind } from '@visitt/contracts';
import type { FastifyBaseLogger, FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { clearOidcCookie, readOidcCookie, setOidcCookie } from '../../auth/cookies';
import {
  finishOidcSignIn,
  listIdentityProviders,
  OidcRefusal,
  refusalLocation,
  startOidcSignIn,
} from '../../auth/oidc-sign-in';

const tags = ['auth'];

/** A refusal as a redirect to the sign-in page with `?feil=<code>`; the reason goes to the log. */
function redirectRefused(
  reply: FastifyReply,
  log: FastifyBaseLogger,
  kind: OidcKind,
  error: unknown,
): FastifyReply {
  if (!(error instanceof OidcRefusal)) throw error;
  log.warn(
    { kind, code: error.code, reason: error.reason, ...error.detail },
    'oidc sign-in refused',
  );
  return reply.redirect(refusalLocation(kind, error.code, error.returnTo), 302);
}

/**
 * OpenID Connect sign-in: patients (ID-porten style) and staff (HelseID style). Browser
 * navigations, so every answer is a redirect: to the provider, back into the app, or to the
 * sign-in page with an error code.
 */
export const oidcRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/auth/providers',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The OpenID Connect providers configured here (for the sign-in buttons)',
        response: { 200: AuthProviders },
      },
    },
    async (request) => listIdentityProviders(request.ctx.config),
  );

  app.get(
    '/api/v1/auth/oidc/:kind/start',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Sign in with the identity provider: redirects (302) to it',
        description:
          '`next`: a path on this site to return to. `link=1`: link the identity to the signed-in account (staff: from the workspace). Sets the short-lived `visitt_oidc` cookie. On refusal redirects to `/logg-inn?feil=<code>` (patient) or `/ansatt/logg-inn?feil=<code>` (staff).',
        params: OidcKindParams,
        querystring: OidcStartQuery,
      },
    },
    async (request, reply) => {
      const { kind } = request.params;
      try {
        const { location, state } = await startOidcSignIn(request.ctx, kind, request.query);
        setOidcCookie(reply, request.ctx.config, state);
        return reply.redirect(location, 302);
      } catch (error) {
        return redirectRefused(reply, request.log, kind, error);
      }
    },
  );

  app.get(
    '/api/v1/auth/oidc/:kind/callback',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Where the identity provider returns (the registered redirect URI)',
        description:
          'Starts the session and redirects to the path given at the start; on refusal to the sign-in page with `?feil=` `oidc_failed`, `oidc_acr_too_low`, `oidc_not_linked`, `oidc_identity_in_use` or `oidc_unavailable`.',
        params: OidcKindParams,
      },
    },
    async (request, reply) => {
      const { kind } = request.params;
      const { config } = request.ctx;
      const search = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      const bound = readOidcCookie(request, config);
      try {
        const { token, returnTo } = await finishOidcSignIn(request.ctx, kind, search, bound);
        // The session cookie first: clients that keep one cookie keep that one.
        reply.setSessionCookie(token);
        clearOidcCookie(reply, config);
        return reply.redirect(returnTo, 302);
      } catch (error) {
        clearOidcCookie(reply, config);
        return redirectRefused(reply, request.log, kind, error);
      }
    },
  );
};
