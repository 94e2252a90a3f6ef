import { ApiError, Appointment, BookAppointmentBody, IdParams } from '@visitt/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { bookAppointment } from '../../commands/book-appointment';
import { cancelAppointment } from '../../commands/cancel-appointment';
import { readAppointment } from '../../commands/read-appointments';
import { findUser } from '../../db/users';
import { localeFromAcceptLanguage } from '../../notifications/texts';
import { presentAppointment } from '../../presenters/appointment';
import { presentIcs } from '../../presenters/ics';
import { signedIn } from '../access';

const tags = ['appointments'];
const errors = { 400: ApiError, 401: ApiError, 404: ApiError };

export const appointmentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/appointments',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Book a free slot for the signed-in patient',
        body: BookAppointmentBody,
        response: { 201: Appointment, ...errors, 409: ApiError, 422: ApiError },
      },
    },
    async (request, reply) => {
      const ctx = signedIn(request);
      const appointment = await bookAppointment(ctx, request.body);
      return reply.code(201).send(presentAppointment(appointment, ctx.clock.now()));
    },
  );

  app.get(
    '/api/v1/appointments/:id',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'One of the patient’s appointments',
        params: IdParams,
        response: { 200: Appointment, ...errors },
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      return presentAppointment(await readAppointment(ctx, request.params.id), ctx.clock.now());
    },
  );

  app.post(
    '/api/v1/appointments/:id/cancel',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Cancel, until the cancellation deadline',
        params: IdParams,
        response: { 200: Appointment, ...errors, 409: ApiError, 422: ApiError },
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      return presentAppointment(await cancelAppointment(ctx, request.params.id), ctx.clock.now());
    },
  );

  app.get(
    '/api/v1/appointments/:id/calendar.ics',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'The appointment as an iCalendar file',
        params: IdParams,
        produces: ['text/calendar'],
        response: { 200: z.string(), ...errors },
      },
    },
    async (request, reply) => {
      const ctx = signedIn(request);
      const appointment = await readAppointment(ctx, request.params.id, 'calendar');
      const locale =
        (await findUser(ctx.db, ctx.actor.userId))?.locale ??
        localeFromAcceptLanguage(ctx.acceptLanguage);
      const ics = presentIcs(appointment, {
        locale,
        publicUrl: ctx.config.publicUrl,
        now: ctx.clock.now(),
      });
      return reply
        .type('text/calendar; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="visitt-${appointment.id.slice(0, 8)}.ics"`,
        )
        .header('cache-control', 'no-store')
        .send(ics);
    },
  );
};
