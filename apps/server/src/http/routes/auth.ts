import {
  ApiError,
  CodeSent,
  Me,
  PasswordSignInBody,
  PasswordStep,
  RequestCodeBody,
  VerifyCodeBody,
} from '@visitt/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readPendingCookie, setPendingCookie } from '../../auth/cookies';
import { requestSignInCode, verifySignInCode } from '../../commands/sign-in-code';
import { signInWithPassword } from '../../commands/sign-in-password';
import { deleteSession } from '../../db/sessions';

const tags = ['auth'];
const errors = { 400: ApiError, 401: ApiError, 422: ApiError, 429: ApiError, 503: ApiError };

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/auth/code',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Send a one-time sign-in code by e-mail or SMS',
        body: RequestCodeBody,
        response: { 202: CodeSent, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(202).send(await requestSignInCode(request.ctx, request.body)),
  );

  app.post(
    '/api/v1/auth/code/verify',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Sign in with the code; sets the session cookie',
        body: VerifyCodeBody,
        response: { 200: Me, ...errors },
      },
    },
    async (request, reply) => {
      const { token, me } = await verifySignInCode(request.ctx, request.body);
      return reply.setSessionCookie(token).send(me);
    },
  );

  app.post(
    '/api/v1/auth/password',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Staff sign-in, step one: e-mail and password',
        description:
          'No session yet: sets the short-lived `visitt_pending` cookie and says what comes next — `totp` (POST /api/v1/auth/totp) or `enrol` (set up the authenticator app first). 401 `invalid_credentials`; 429 `account_locked` (with `Retry-After`) after 10 failed attempts in a row, or `rate_limited`.',
        body: PasswordSignInBody,
        response: { 200: PasswordStep, ...errors },
      },
    },
    async (request, reply) => {
      const { config } = request.ctx;
      const { pendingToken, step } = await signInWithPassword(
        request.ctx,
        request.body,
        readPendingCookie(request, config),
      );
      setPendingCookie(reply, config, pendingToken);
      return reply.send(step);
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'End the session', response: { 204: z.null() } },
    },
    async (request, reply) => {
      if (request.ctx.sessionToken) await deleteSession(request.ctx.db, request.ctx.sessionToken);
      return reply.clearSessionCookie().code(204).send(null);
    },
  );
};
