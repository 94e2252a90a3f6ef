import {
  ApiError,
  AppointmentList,
  Me,
  MyAppointmentsQuery,
  UpdateMeBody,
} from '@visitt/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { readMyAppointments } from '../../commands/read-appointments';
import { updateMe } from '../../commands/update-me';
import { presentAppointment } from '../../presenters/appointment';
import { presentMe } from '../../presenters/me';
import { signedIn } from '../access';

const tags = ['me'];

export const meRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/me',
    {
      config: { access: 'user' },
      schema: { tags, summary: 'The signed-in user', response: { 200: Me, 401: ApiError } },
    },
    async (request) => {
      const ctx = signedIn(request);
      return presentMe(ctx.db, ctx.actor.userId, ctx.actor);
    },
  );

  app.patch(
    '/api/v1/me',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Change name, given and family name, date of birth or language',
        body: UpdateMeBody,
        response: { 200: Me, 400: ApiError, 401: ApiError },
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      await updateMe(ctx, request.body);
      return presentMe(ctx.db, ctx.actor.userId, ctx.actor);
    },
  );

  app.get(
    '/api/v1/me/appointments',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: "The signed-in patient's appointments",
        querystring: MyAppointmentsQuery,
        response: { 200: AppointmentList, 400: ApiError, 401: ApiError },
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      const now = ctx.clock.now();
      return (await readMyAppointments(ctx, request.query)).map((a) => presentAppointment(a, now));
    },
  );
};
