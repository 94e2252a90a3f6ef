import {
  ApiError,
  IdParams,
  InPersonAnswerBody,
  InPersonRequest,
  InPersonRequestBody,
  StaffAppointment,
  VideoInfo,
} from '@visitt/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  answerInPersonRequest,
  readVideoInfo,
  requestInPerson,
} from '../../commands/in-person-request';
import { signedIn } from '../access';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError };

/** The information step before the waiting room, and "Be om oppmøte i stedet" with its answer. */
export const inPersonRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/appointments/:id/video/info',
    {
      config: { access: 'user' },
      schema: {
        tags: ['video'],
        summary: 'What the patient reads before the waiting room, and their in-person request',
        description:
          "The clinic's own text (null: the standard text, which the client shows in the patient's language) and the request for an in-person appointment instead, with the clinic's answer. Only the patient; 404 for anyone else, `not_video` for an in-person appointment.",
        params: IdParams,
        response: { 200: VideoInfo, ...errors },
      },
    },
    async (request) => readVideoInfo(signedIn(request), request.params.id),
  );

  app.post(
    '/api/v1/appointments/:id/in-person-request',
    {
      config: { access: 'user' },
      schema: {
        tags: ['appointments'],
        summary: 'The patient asks for an in-person appointment instead of the video consultation',
        description:
          'Until the video window closes (2 hours after the start): 403 `too_late`, `not_video`, `not_allowed` (cancelled). Asking again opens the request anew. The clinic sees it in the workspace and the calendar and answers it.',
        params: IdParams,
        body: InPersonRequestBody,
        response: { 201: InPersonRequest, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await requestInPerson(signedIn(request), request.params.id, request.body.reason ?? null),
        ),
  );

  app.post(
    '/api/v1/staff/appointments/:id/in-person-request/answer',
    {
      config: { access: 'staff' },
      schema: {
        tags: ['staff'],
        summary:
          "The clinic answers the patient's request; the patient gets the answer as a message",
        description:
          'The practitioner or an administrator of the clinic; 404 for anyone else. 409 `no_in_person_request` without a request, `already_answered` once answered (until the patient asks again).',
        params: IdParams,
        body: InPersonAnswerBody,
        response: { 200: StaffAppointment, ...errors, 409: ApiError },
      },
    },
    async (request) =>
      answerInPersonRequest(signedIn(request), request.params.id, request.body.text),
  );
};
