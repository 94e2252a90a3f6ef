import {
  ApiError,
  IdParams,
  MoveAppointmentBody,
  PhoneSwitch,
  PhoneSwitchBody,
  PractitionerWhereaboutsAnswer,
  StaffAppointment,
  StaffAppointmentList,
  StaffAppointmentsQuery,
  StatusMessageBody,
  IdentificationBody,
  IdentificationStatus,
  VideoConnection,
  VideoJoin,
} from '@visitt/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { moveAppointment } from '../../commands/move-appointment';
import {
  joinVideo,
  prepareVideo,
  readPractitionerWhereabouts,
  sendStatusMessage,
  startVideo,
  switchToPhone,
} from '../../commands/video';
import { readIdentification, recordIdentification } from '../../commands/identification';
import { writeAppointmentListRead } from '../../db/audit';
import { listPractitionerDay } from '../../db/staff';
import { authorizeWorkspace } from '../../policies/authorize';
import { presentStaffAppointment } from '../../presenters/staff';
import { signedIn } from '../access';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError };

export const videoRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/appointments/:id/video/start',
    {
      config: { access: 'user' },
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
    async (request) => startVideo(signedIn(request), request.params.id),
  );

  app.get(
    '/api/v1/appointments/:id/video/practitioner',
    {
      config: { access: 'user' },
      schema: {
        tags: ['video'],
        summary:
          "Where the waiting patient's practitioner is: not yet in, in another consultation, free",
        description:
          'For the waiting room, asked for every so often. Only the patient, while the room is open to them; 403 `not_started`, `too_late` and the like as for joining.',
        params: IdParams,
        response: { 200: PractitionerWhereaboutsAnswer, ...errors },
      },
    },
    async (request) => readPractitionerWhereabouts(signedIn(request), request.params.id),
  );

  app.get(
    '/api/v1/staff/appointments',
    {
      config: { access: 'staff' },
      schema: {
        tags: ['staff'],
        summary: "The signed-in practitioner's appointments of a day, with live video room state",
        querystring: StaffAppointmentsQuery,
        response: { 200: StaffAppointmentList, ...errors },
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      const practitionerIds = await authorizeWorkspace(ctx);
      const rows = await listPractitionerDay(
        ctx.db,
        practitionerIds,
        request.query.date ? { date: request.query.date } : { at: ctx.clock.now() },
      );
      await writeAppointmentListRead(
        ctx.db,
        {
          at: ctx.clock.now(),
          actorUserId: ctx.actor.userId,
          actorRole: 'practitioner',
          ip: ctx.ip,
          details: { via: 'workspace' },
        },
        rows,
      );
      return rows.map(presentStaffAppointment);
    },
  );

  app.post(
    '/api/v1/staff/appointments/:id/move',
    {
      config: { access: 'staff' },
      schema: {
        tags: ['staff'],
        summary:
          'Move an appointment to another free time of its practitioner; the patient is told',
        params: IdParams,
        body: MoveAppointmentBody,
        response: { 200: StaffAppointment, ...errors, 409: ApiError, 422: ApiError },
      },
    },
    async (request) => moveAppointment(signedIn(request), request.params.id, request.body.start),
  );

  app.post(
    '/api/v1/staff/appointments/:id/video/join',
    {
      config: { access: 'staff' },
      schema: {
        tags: ['staff', 'video'],
        summary: "The appointment's practitioner enters the video room the patient has started",
        description: '403 `not_started` until the patient starts; `too_late` after the window.',
        params: IdParams,
        response: { 200: VideoJoin, ...errors },
      },
    },
    async (request) => joinVideo(signedIn(request), request.params.id),
  );

  app.post(
    '/api/v1/staff/appointments/:id/video/prepare',
    {
      config: { access: 'staff' },
      schema: {
        tags: ['staff', 'video'],
        summary: 'ICE servers for readying a connection to the waiting patient before entering',
        description:
          'The workspace readies a connection without media (signaling `stand_by`), so entering ' +
          'is quick. Same rule as `join`; names nobody, changes nothing.',
        params: IdParams,
        response: { 200: VideoConnection, ...errors },
      },
    },
    async (request) => prepareVideo(signedIn(request), request.params.id),
  );

  app.get(
    '/api/v1/staff/appointments/:id/identification',
    {
      config: { access: 'staff' },
      schema: {
        tags: ['staff', 'video'],
        summary: 'How the patient was identified for the consultation, and whether to ask',
        description:
          "The appointment's practitioner only. `needed`: a patient signed in by a one-time code " +
          'with no identification recorded at the clinic; ask before ending. Audited as a read.',
        params: IdParams,
        response: { 200: IdentificationStatus, ...errors, 409: ApiError },
      },
    },
    async (request) => readIdentification(signedIn(request), request.params.id),
  );

  app.put(
    '/api/v1/staff/appointments/:id/identification',
    {
      config: { access: 'staff' },
      schema: {
        tags: ['staff', 'video'],
        summary: 'Record how the patient was identified: ID-porten, ID shown on camera, known',
        description:
          "The appointment's practitioner only (an administrator gets 403); a video " +
          'appointment that is not cancelled. A later answer corrects an earlier one. Audited.',
        params: IdParams,
        body: IdentificationBody,
        response: { 200: IdentificationStatus, ...errors, 409: ApiError },
      },
    },
    async (request) =>
      recordIdentification(signedIn(request), request.params.id, request.body.method),
  );

  app.post(
    '/api/v1/staff/appointments/:id/video/status',
    {
      config: { access: 'staff' },
      schema: {
        tags: ['staff', 'video'],
        summary: 'Send a short status to the patient in the waiting room',
        params: IdParams,
        body: StatusMessageBody,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await sendStatusMessage(signedIn(request), request.params.id, request.body.text);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/staff/appointments/:id/video/phone',
    {
      config: { access: 'staff' },
      schema: {
        tags: ['staff', 'video'],
        summary: 'Go over to the phone because video failed (Ring pasienten): noted once',
        description:
          "The appointment's practitioner only, in a call still on that they are in (409 " +
          '`not_in_call` before they entered or after it ended); a call under way may have ' +
          'outlived the video window, as staying in the room may. The first switch is kept: a ' +
          "later call answers it unchanged. The patient's and the practitioner's pages in the " +
          'room get `phone_switch` over signaling. Audited.',
        params: IdParams,
        body: PhoneSwitchBody,
        response: { 200: PhoneSwitch, ...errors, 409: ApiError },
      },
    },
    async (request) => switchToPhone(signedIn(request), request.params.id, request.body.reason),
  );
};
