import {
  ApiError,
  ChannelPreferenceBody,
  ClinicParams,
  CodeSent,
  ContactCodeBody,
  ContactVerifyBody,
  MyNotifications,
  NotificationChannelParams,
  NotificationSettings,
} from '@visitt/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  presentMyNotifications,
  readNotificationSettings,
  requestContactCode,
  saveNotificationSettings,
  setChannelPreference,
  verifyContact,
} from '../../commands/notification-preferences';
import { signedIn } from '../access';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError };

export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/me/notifications',
    {
      config: { access: 'user' },
      schema: {
        tags: ['me'],
        summary: 'Where and how I get messages',
        response: { 200: MyNotifications, ...errors },
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      return presentMyNotifications(ctx.db, ctx.actor.userId);
    },
  );

  app.put(
    '/api/v1/me/notifications/:channel',
    {
      config: { access: 'user' },
      schema: {
        tags: ['me'],
        summary: 'Turn a channel on or off (the choice is stored with its time)',
        params: NotificationChannelParams,
        body: ChannelPreferenceBody,
        response: { 200: MyNotifications, ...errors, 422: ApiError },
      },
    },
    async (request) =>
      setChannelPreference(signedIn(request), request.params.channel, request.body.enabled),
  );

  app.post(
    '/api/v1/me/contact/code',
    {
      config: { access: 'user' },
      schema: {
        tags: ['me'],
        summary:
          'Send a code to a new e-mail address or mobile number (needs a sign-in within 15 minutes)',
        body: ContactCodeBody,
        response: { 202: CodeSent, ...errors, 422: ApiError, 429: ApiError, 503: ApiError },
      },
    },
    async (request, reply) =>
      reply.code(202).send(await requestContactCode(signedIn(request), request.body)),
  );

  app.post(
    '/api/v1/me/contact/verify',
    {
      config: { access: 'user' },
      schema: {
        tags: ['me'],
        summary: 'Make the new address mine with the code; it is verified and switched on',
        body: ContactVerifyBody,
        response: { 200: MyNotifications, ...errors, 409: ApiError, 429: ApiError },
      },
    },
    async (request) => verifyContact(signedIn(request), request.body),
  );

  app.get(
    '/api/v1/admin/clinics/:clinicId/notification-settings',
    {
      config: { access: 'clinic_admin' },
      schema: {
        tags: ['admin'],
        summary: "The clinic's notification settings (administrators)",
        params: ClinicParams,
        response: { 200: NotificationSettings, ...errors },
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      return readNotificationSettings(ctx.db, request.params.clinicId);
    },
  );

  app.put(
    '/api/v1/admin/clinics/:clinicId/notification-settings',
    {
      config: { access: 'clinic_admin' },
      schema: {
        tags: ['admin'],
        summary:
          'Change which messages the clinic sends, on which channels, and when reminders go out',
        params: ClinicParams,
        body: NotificationSettings,
        response: { 200: NotificationSettings, ...errors },
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      return saveNotificationSettings(ctx, request.params.clinicId, request.body);
    },
  );
};
