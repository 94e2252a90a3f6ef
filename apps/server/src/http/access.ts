import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import type { Counter } from 'prom-client';
import type { SignedInContext } from '../core/context';
import { fail } from '../core/errors';
import { authorize } from '../policies/authorize';
import { guestOfBrowser } from '../commands/guests/visit';
import { touchGuestBrowser, type GuestLinkRow } from '../db/guests';
import { guestCookieName } from './guest-cookie';

/**
 * Who may call a route. Every route declares it (`config: { access }`), and it is decided on the
 * route the router matched, never on the URL's text, before the body is validated:
 * - `public`: anyone, signed in or not;
 * - `user`: any signed-in session (401 otherwise);
 * - `staff`: a staff sign-in (password and authenticator code, or the staff identity provider):
 *   401 without a session, 403 `staff_sign_in_required` for any other session;
 * - `clinic_admin`: a staff sign-in of an active administrator of the route's `:clinicId`: 403 for
 *   other staff of the clinic, 404 for everyone else (after the parameters are validated);
 * - `guest`: a browser holding a guest link that may be opened now (its guest cookie): 401
 *   `guest_link_required` without one, the link's refusal (revoked, removed, the room closed)
 *   otherwise; the handler gets the guest in `request.ctx.guest` (entering also needs the room's
 *   window);
 * - `operator`: the metrics scraper, with `Authorization: Bearer $METRICS_TOKEN`; without a token
 *   configured, open in the demo only. Anything else gets 404, as if there were nothing here.
 */
export const ACCESS_LEVELS = [
  'public',
  'user',
  'staff',
  'clinic_admin',
  'guest',
  'operator',
] as const;
export type Access = (typeof ACCESS_LEVELS)[number];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyInstance {
    /** Every route with its declared access, as registered (for the route-table tests). */
    readonly accessTable: readonly AccessTableRow[];
  }
}

export interface AccessTableRow {
  readonly method: string;
  readonly url: string;
  readonly access: Access | undefined;
}

/** A route's declared access, or a problem with the declaration. */
export function declarationProblem(route: Pick<RouteOptions, 'url' | 'config'>): string | null {
  const access = (route.config as { access?: unknown } | undefined)?.access;
  if (access === undefined) return 'declares no access (config.access)';
  if (!ACCESS_LEVELS.includes(access as Access))
    return `declares unknown access ${JSON.stringify(access)}`;
  if (access === 'clinic_admin' && !route.url.includes(':clinicId'))
    return 'declares clinic_admin without a :clinicId parameter';
  return null;
}

const sameSecret = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * Enforces every route's declared {@link Access}. Routes are checked as they are registered and
 * the server refuses to start (`ready()` rejects) while any route lacks a valid declaration.
 * Registered after the session plugin, so `request.ctx.actor` is known.
 */
export const accessPlugin = fp(
  async (
    app: FastifyInstance,
    options: { metricsToken: string | undefined; isProduction: boolean; refused: Counter },
  ) => {
    const undeclared: string[] = [];
    // Checked at ready, not here: a plugin's own routes (the web client's files) get their
    // declaration from a hook of the plugin's scope, which runs after this one.
    const routes: RouteOptions[] = [];
    app.addHook('onRoute', (route) => {
      routes.push(route);
    });
    app.decorate('accessTable', {
      getter: () =>
        routes.flatMap((route) =>
          [route.method].flat().map((method) => ({
            method,
            url: route.url,
            access: route.config?.access,
          })),
        ),
    });
    app.addHook('onReady', async () => {
      for (const route of routes) {
        const problem = declarationProblem(route);
        if (problem) undeclared.push(`${String(route.method)} ${route.url} ${problem}`);
      }
      if (undeclared.length > 0)
        throw new Error(`Routes without a valid access declaration:\n${undeclared.join('\n')}`);
    });

    const refuse = (request: FastifyRequest, reason: string, code: Parameters<typeof fail>[0]) => {
      options.refused.inc({ route: request.routeOptions.url ?? 'unmatched', reason });
      return fail(code);
    };

    app.addHook('onRequest', async (request) => {
      const access = request.routeOptions.config.access;
      // No matched route (the not-found handler) has nothing to protect.
      if (access === undefined || access === 'public') return;
      if (access === 'operator') {
        const token = options.metricsToken;
        const given = request.headers.authorization ?? '';
        const allowed = token ? sameSecret(given, `Bearer ${token}`) : !options.isProduction;
        if (!allowed) throw refuse(request, 'operator', 'not_found');
        return;
      }
      if (access === 'guest') {
        const cookie = request.cookies[guestCookieName(request.ctx.config.publicUrl)] ?? null;
        const now = request.ctx.clock.now();
        const guest = await guestOfBrowser(request.ctx.db, cookie, now);
        if (!guest) throw refuse(request, 'no_guest_link', 'guest_link_required');
        await touchGuestBrowser(request.ctx.db, guest.id, now);
        request.ctx = { ...request.ctx, guest };
        return;
      }
      const actor = request.ctx.actor;
      if (access === 'user') {
        if (!actor) throw fail('unauthorized');
        return;
      }
      if (!actor) throw refuse(request, 'signed_out', 'unauthorized');
      // staff and clinic_admin: a one-time code to an inbox never opens the workspace or the
      // clinic's settings, whatever memberships the user has.
      if (!actor.staff) throw refuse(request, 'not_staff_session', 'staff_sign_in_required');
    });

    // The clinic is known only once the parameters are validated (a malformed id is a 400).
    app.addHook('preHandler', async (request) => {
      if (request.routeOptions.config.access !== 'clinic_admin') return;
      const { clinicId } = request.params as { clinicId: string };
      try {
        await authorize(signedIn(request), 'clinic.administer', { clinicId });
      } catch (error) {
        options.refused.inc({
          route: request.routeOptions.url ?? 'unmatched',
          reason: 'not_admin',
        });
        throw error;
      }
    });
  },
  { name: 'visitt-access', dependencies: ['visitt-session'] },
);

/**
 * The context with its signed-in actor, for the handlers of routes declared `user`, `staff` or
 * `clinic_admin` (which never run without one); 401 if a public route asks with nobody signed in.
 */
export function signedIn(request: FastifyRequest): SignedInContext {
  if (!request.ctx.actor) throw fail('unauthorized');
  return request.ctx as SignedInContext;
}

/** The guest of a route declared `guest` (the access hook has found and checked them). */
export function asGuest(request: FastifyRequest): GuestLinkRow {
  if (!request.ctx.guest) throw fail('guest_link_required');
  return request.ctx.guest;
}
