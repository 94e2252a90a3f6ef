import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config/config';
import { PENDING_TTL_MS } from './second-factor-db';

/**
 * The short-lived cookies of sign-ins under way, beside the session cookie (http/session.ts):
 * `__Host-` and `Secure` when served over https, HttpOnly always.
 */

const isHttps = (config: Config) => config.publicUrl.startsWith('https://');
const named = (config: Config, name: string) => (isHttps(config) ? `__Host-${name}` : name);

/**
 * A staff sign-in waiting for its second step. SameSite=Strict: it is only ever sent by the
 * sign-in page's own requests.
 */
const PENDING = 'visitt_pending';

export function setPendingCookie(reply: FastifyReply, config: Config, token: string): void {
  reply.setCookie(named(config, PENDING), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: isHttps(config),
    maxAge: Math.floor(PENDING_TTL_MS / 1000),
  });
}

export function clearPendingCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(named(config, PENDING), {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: isHttps(config),
  });
}

export const readPendingCookie = (request: FastifyRequest, config: Config): string | null =>
  request.cookies[named(config, PENDING)] ?? null;

/**
 * Binds an OpenID Connect round trip to the browser that started it: holds the `state`, which
 * the callback must carry too (so a callback link made in another browser, login CSRF, fails).
 * SameSite=Lax, because the identity provider's redirect back is a cross-site navigation.
 */
const OIDC = 'visitt_oidc';
export const OIDC_COOKIE_SECONDS = 10 * 60;

export function setOidcCookie(reply: FastifyReply, config: Config, state: string): void {
  reply.setCookie(named(config, OIDC), state, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: isHttps(config),
    maxAge: OIDC_COOKIE_SECONDS,
  });
}

export function clearOidcCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(named(config, OIDC), {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: isHttps(config),
  });
}

export const readOidcCookie = (request: FastifyRequest, config: Config): string | null =>
  request.cookies[named(config, OIDC)] ?? null;
