import {
  ApiError,
  Guest,
  GuestConnection,
  GuestLinkBody,
  GuestList,
  GuestParams,
  GuestVisit,
  IdParams,
  InviteGuestBody,
  InvitedGuest,
} from '@visitt/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { admitGuest, inviteGuest, readGuests, revokeGuestLink } from '../../commands/guests/staff';
import { connectGuest, openGuestLink, presentVisit } from '../../commands/guests/visit';
import { asGuest, signedIn } from '../access';
import { guestCookieName, setGuestCookie } from '../guest-cookie';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError };
const staffTags = ['staff', 'guests'];
const guestTags = ['guests'];
const practitionerOnly =
  "The appointment's practitioner only, from a staff sign-in; an administrator 403, anyone else 404.";

/**
 * Guests of a video consultation: the practitioner invites, lists, admits and revokes; a guest's
 * browser opens its link and connects. Decision 0030.
 */
export const guestRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/staff/appointments/:id/guests',
    {
      config: { access: 'staff' },
      schema: {
        tags: staffTags,
        summary: 'Invite an interpreter, a relative or a second clinician to the consultation',
        description:
          'With `email` or `phone` the link is sent there in the clinic’s language; with neither, ' +
          'copy `link` from the answer. The link works while the video room is open, from one ' +
          'browser at a time; only its hash is stored. At most two guests (409 ' +
          `\`too_many_guests\`). ${practitionerOnly}`,
        params: IdParams,
        body: InviteGuestBody,
        response: { 201: InvitedGuest, ...errors, 409: ApiError, 422: ApiError, 503: ApiError },
      },
    },
    async (request, reply) => {
      const guest = await inviteGuest(signedIn(request), request.params.id, request.body);
      return reply.code(201).send(guest);
    },
  );

  app.get(
    '/api/v1/staff/appointments/:id/guests',
    {
      config: { access: 'staff' },
      schema: {
        tags: staffTags,
        summary: 'The guests of the consultation, revoked ones included',
        description: `${practitionerOnly} Audited as a read.`,
        params: IdParams,
        response: { 200: GuestList, ...errors },
      },
    },
    async (request) => readGuests(signedIn(request), request.params.id),
  );

  app.delete(
    '/api/v1/staff/appointments/:id/guests/:guestId',
    {
      config: { access: 'staff' },
      schema: {
        tags: staffTags,
        summary: 'Revoke a guest’s link; a guest who has been in the call is removed from it',
        description: `The link stops working at once and for good. ${practitionerOnly} Audited.`,
        params: GuestParams,
        response: { 200: Guest, ...errors },
      },
    },
    async (request) =>
      revokeGuestLink(signedIn(request), request.params.id, request.params.guestId),
  );

  app.post(
    '/api/v1/staff/appointments/:id/guests/:guestId/admit',
    {
      config: { access: 'staff' },
      schema: {
        tags: staffTags,
        summary: 'Let a waiting guest into the call',
        description:
          '409 `not_in_call` unless the practitioner is in the call; 409 `guest_not_waiting` ' +
          `unless the guest waits in the room. ${practitionerOnly} Audited.`,
        params: GuestParams,
        response: { 200: Guest, ...errors, 409: ApiError },
      },
    },
    async (request) => admitGuest(signedIn(request), request.params.id, request.params.guestId),
  );

  app.post(
    '/api/v1/guest/link',
    {
      config: { access: 'public' },
      schema: {
        tags: guestTags,
        summary: 'A browser opens a guest link (the token from the link’s fragment)',
        description:
          'Gives the browser its guest cookie, from the invitation until the room closes (entering ' +
          'waits for the window: `opensAt`). 404 for a token that matches no link; 403 ' +
          '`too_late` after the room closed, `not_allowed` for a cancelled appointment; 410 ' +
          '`guest_link_revoked` or `guest_removed`; 409 `link_in_use` while another browser holds ' +
          'the link.',
        body: GuestLinkBody,
        response: { 200: GuestVisit, ...errors, 409: ApiError, 410: ApiError },
      },
    },
    async (request, reply) => {
      const ctx = request.ctx;
      const name = guestCookieName(ctx.config.publicUrl);
      const { visit, cookie } = await openGuestLink(
        ctx,
        request.body.token,
        request.cookies[name] ?? null,
      );
      if (cookie) setGuestCookie(reply, ctx.config.publicUrl, cookie);
      return visit;
    },
  );

  app.get(
    '/api/v1/guest/visit',
    {
      config: { access: 'guest' },
      schema: {
        tags: guestTags,
        summary: 'The consultation this browser’s guest link is for: the clinic and the time',
        description: 'Not the patient, the type or the reason.',
        response: { 200: GuestVisit, ...errors, 410: ApiError },
      },
    },
    async (request) => presentVisit(asGuest(request)),
  );

  app.post(
    '/api/v1/guest/video/connect',
    {
      config: { access: 'guest' },
      schema: {
        tags: guestTags,
        summary: 'ICE servers and the signaling path for the guest’s page',
        description: '403 `too_early` before the room opens (15 minutes before the start).',
        response: { 200: GuestConnection, ...errors, 410: ApiError },
      },
    },
    async (request) => connectGuest(request.ctx, asGuest(request)),
  );
};
