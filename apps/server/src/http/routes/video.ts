import {
  ApiError,
  IdParams,
  MoveAppointmentBody,
  StaffAppointment,
  StaffAppointmentList,
  StaffAppointmentsQuery,
  StatusMessageBody,
  VideoJoin,
} from '@visitt/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { moveAppointment } from '../../commands/move-appointment';
import { joinVideo, sendStatusMessage, startVideo } from '../../commands/video';
import { writeAudit } from '../../db/audit';
import { listPractitionerDay } from '../../db/staff';
import { findUserPractitionerIds } from '../../db/video';
import { presentStaffAppointment } from '../../presenters/staff';
import { fail } from '../../core/errors';
import { requireUser } from '../session';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError };

export const videoRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/appointments/:id/video/start',
    {
      schema: {
        tags: ['video'],
        summary:
          'The patient starts the video consultation: from 15 minutes before until 2 hours after the start',
        description:
          '403 `too_early`, `too_late`, `not_video` or `not_allowed` (cancelled). The practitioner is told at once.',
        params: IdParams,
        response: { 200: VideoJoin, ...errors },
      },
    },
    async (request) => startVideo(requireUser(request), request.params.id),
  );

  app.get(
    '/api/v1/staff/appointments',
    {
      schema: {
        tags: ['staff'],
        summary: "The signed-in practitioner's appointments of a day, with live video room state",
        querystring: StaffAppointmentsQuery,
        response: { 200: StaffAppointmentList, ...errors },
      },
    },
    async (request) => {
      const ctx = requireUser(request);
      const practitionerIds = await findUserPractitionerIds(ctx.db, ctx.actor.userId);
      if (practitionerIds.length === 0)
        throw fail('forbidden', 'Only practitioners have a workspace.');
      const rows = await listPractitionerDay(
        ctx.db,
        practitionerIds,
        request.query.date ? { date: request.query.date } : { at: ctx.clock.now() },
      );
      await writeAudit(ctx.db, {
        at: ctx.clock.now(),
        actorUserId: ctx.actor.userId,
        actorRole: 'practitioner',
        action: 'appointment.read',
        entityType: 'appointment',
        entityIds: rows.map((r) => r.id),
        clinicIds: rows.map((r) => r.clinic.id),
        ip: ctx.ip,
        details: { via: 'workspace' },
      });
      return rows.map(presentStaffAppointment);
    },
  );

  app.post(
    '/api/v1/staff/appointments/:id/move',
    {
      schema: {
        tags: ['staff'],
        summary:
          'Move an appointment to another free time of its practitioner; the patient is told',
        params: IdParams,
        body: MoveAppointmentBody,
        response: { 200: StaffAppointment, ...errors, 409: ApiError, 422: ApiError },
      },
    },
    async (request) => moveAppointment(requireUser(request), request.params.id, request.body.start),
  );

  app.post(
    '/api/v1/staff/appointments/:id/video/join',
    {
      schema: {
        tags: ['staff', 'video'],
        summary: "The appointment's practitioner enters the video room the patient has started",
        description: '403 `not_started` until the patient starts; `too_late` after the window.',
        params: IdParams,
        response: { 200: VideoJoin, ...errors },
      },
    },
    async (request) => joinVideo(requireUser(request), request.params.id),
  );

  app.post(
    '/api/v1/staff/appointments/:id/video/status',
    {
      schema: {
        tags: ['staff', 'video'],
        summary: 'Send a short status to the patient in the waiting room',
        params: IdParams,
        body: StatusMessageBody,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await sendStatusMessage(requireUser(request), request.params.id, request.body.text);
      return reply.code(204).send(null);
    },
  );
};
