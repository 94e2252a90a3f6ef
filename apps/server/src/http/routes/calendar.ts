import {
  ApiError,
  CalendarAppointments,
  CalendarQuery,
  IdParams,
  SetAppointmentStatusBody,
  StaffAppointmentDetail,
  StaffCancelBody,
} from '@visitt/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  cancelByClinic,
  markAppointment,
  readAppointmentDetail,
  readCalendar,
} from '../../commands/calendar/appointments';
import { signedIn } from '../access';

const tags = ['staff'];
const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError };

export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/staff/calendar',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary:
          "The signed-in practitioner's appointments from one date to another (at most 31 days), with live video state",
        description:
          'Dates on each clinic’s calendar, both inclusive; a day view is `from` = `to`. 403 for someone who practises nowhere.',
        querystring: CalendarQuery,
        response: { 200: CalendarAppointments, ...errors },
      },
    },
    async (request) => readCalendar(signedIn(request), request.query),
  );

  app.get(
    '/api/v1/staff/appointments/:id',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary:
          "One appointment with the patient's name, contact and comment (its practitioner or the clinic's administrators; each view is audited)",
        params: IdParams,
        response: { 200: StaffAppointmentDetail, ...errors },
      },
    },
    async (request) => readAppointmentDetail(signedIn(request), request.params.id),
  );

  app.post(
    '/api/v1/staff/appointments/:id/status',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Mark an appointment completed or no-show, once it has begun',
        description:
          '422 `status_too_early` before it begins (a video appointment: when its window opens); 409 `already_cancelled`.',
        params: IdParams,
        body: SetAppointmentStatusBody,
        response: { 200: StaffAppointmentDetail, ...errors, 409: ApiError, 422: ApiError },
      },
    },
    async (request) => markAppointment(signedIn(request), request.params.id, request.body.status),
  );

  app.post(
    '/api/v1/staff/appointments/:id/cancel',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'The clinic cancels an appointment with a message to the patient, who is told',
        description:
          '409 `already_cancelled`; 422 `not_cancellable` once it is over, completed or a no-show.',
        params: IdParams,
        body: StaffCancelBody,
        response: { 200: StaffAppointmentDetail, ...errors, 409: ApiError, 422: ApiError },
      },
    },
    async (request) => cancelByClinic(signedIn(request), request.params.id, request.body.message),
  );
};
