import {
  ApiError,
  EnrolmentConfirmed,
  Me,
  RecoveryCodes,
  SecondFactorBody,
  TotpCodeBody,
  TotpEnrolment,
  TotpStatus,
} from '@visitt/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { clearPendingCookie, readPendingCookie } from '../../auth/cookies';
import {
  confirmTotpEnrolment,
  readTotpStatus,
  regenerateRecoveryCodes,
  startTotpEnrolment,
  verifySecondFactor,
} from '../../auth/staff-sign-in';
import { signedIn } from '../access';

const tags = ['auth'];
const errors = { 400: ApiError, 401: ApiError, 404: ApiError, 409: ApiError, 429: ApiError };

/**
 * Staff sign-in's second step (TOTP from an authenticator app, or a recovery code), setting the
 * app up at first sign-in, and the signed-in user's recovery codes.
 */
export const staffAuthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/auth/totp',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Staff sign-in, step two: the code from the authenticator app, or a recovery code',
        description:
          'Needs the `visitt_pending` cookie from POST /api/v1/auth/password. Starts the session. 401 `invalid_code` (the fifth wrong code ends the pending sign-in) or `sign_in_expired`; 409 `wrong_sign_in_step` when the app must be set up first; 429 `account_locked`.',
        body: SecondFactorBody,
        response: { 200: Me, ...errors },
      },
    },
    async (request, reply) => {
      const { config } = request.ctx;
      const { token, me } = await verifySecondFactor(
        request.ctx,
        readPendingCookie(request, config),
        request.body,
      );
      // The session cookie first: clients that keep one cookie keep that one.
      reply.setSessionCookie(token);
      clearPendingCookie(reply, config);
      return reply.send(me);
    },
  );

  app.post(
    '/api/v1/auth/totp/enrolment',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Staff sign-in, first time: a new authenticator secret (link, QR code, base32)',
        description:
          'Only while the pending sign-in says `enrol`. Replaces an earlier unconfirmed secret. Confirm it with a code from the app.',
        response: { 200: TotpEnrolment, ...errors },
      },
    },
    async (request) =>
      startTotpEnrolment(request.ctx, readPendingCookie(request, request.ctx.config)),
  );

  app.post(
    '/api/v1/auth/totp/enrolment/confirm',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Confirm the authenticator app with a code from it; starts the session',
        description:
          'Answers with ten recovery codes, shown this once. 401 `invalid_code` or `sign_in_expired`; 429 `account_locked`.',
        body: TotpCodeBody,
        response: { 200: EnrolmentConfirmed, ...errors },
      },
    },
    async (request, reply) => {
      const { config } = request.ctx;
      const { token, confirmed } = await confirmTotpEnrolment(
        request.ctx,
        readPendingCookie(request, config),
        request.body,
      );
      reply.setSessionCookie(token);
      clearPendingCookie(reply, config);
      return reply.send(confirmed);
    },
  );

  app.get(
    '/api/v1/me/totp',
    {
      config: { access: 'staff' },
      schema: {
        tags: ['me'],
        summary: 'Whether an authenticator app is set up, and how many recovery codes are left',
        response: { 200: TotpStatus, 401: ApiError },
      },
    },
    async (request) => readTotpStatus(signedIn(request)),
  );

  app.post(
    '/api/v1/me/totp/recovery-codes',
    {
      config: { access: 'staff' },
      schema: {
        tags: ['me'],
        summary: 'New recovery codes (the old ones stop working), against a current code',
        description:
          '404 `not_found` without an authenticator app; 401 `invalid_code`; 429 `account_locked`.',
        body: TotpCodeBody,
        response: { 200: RecoveryCodes, ...errors },
      },
    },
    async (request) => regenerateRecoveryCodes(signedIn(request), request.body),
  );
};
