import {
  ApiError,
  CodeSent,
  Me,
  PasswordSignInBody,
  RequestCodeBody,
  VerifyCodeBody,
} from '@visitt/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestSignInCode, verifySignInCode } from '../../commands/sign-in-code';
import { signInWithPassword } from '../../commands/sign-in-password';
import { deleteSession } from '../../db/sessions';

const tags = ['auth'];
const errors = { 400: ApiError, 401: ApiError, 429: ApiError, 503: ApiError };

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/auth/code',
    {
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
      schema: {
        tags,
        summary: 'Staff sign-in with e-mail and password; sets the session cookie',
        body: PasswordSignInBody,
        response: { 200: Me, ...errors },
      },
    },
    async (request, reply) => {
      const { token, me } = await signInWithPassword(request.ctx, request.body);
      return reply.setSessionCookie(token).send(me);
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { schema: { tags, summary: 'End the session', response: { 204: z.null() } } },
    async (request, reply) => {
      if (request.ctx.sessionToken) await deleteSession(request.ctx.db, request.ctx.sessionToken);
      return reply.clearSessionCookie().code(204).send(null);
    },
  );
};
