import {
  AcceptInvitationBody,
  AcceptedInvitation,
  ApiError,
  ClinicParams,
  InvitationParams,
  InvitationTokenParams,
  InviteStaffBody,
  PublicInvitation,
  StaffInvitation,
  StaffMember,
  StaffOverview,
  StaffParams,
  UpdateStaffBody,
} from '@visitt/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readClinicProfile } from '../../commands/admin/clinic-profile';
import {
  acceptInvitation,
  inviteStaff,
  readPublicInvitation,
  revokeInvitation,
} from '../../commands/admin/invitations';
import {
  readStaffOverview,
  resetStaffAuthenticator,
  updateStaffMember,
} from '../../commands/admin/staff';
import { presentInvitation, presentStaffMember } from '../../presenters/admin';
import { signedIn } from '../access';

import { adminErrors as errors, adminTags as tags } from './admin-common';

/** Staff and invitations: the administrators' side, and the invited person's. */
export const adminStaffRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/admin/clinics/:clinicId/staff',
    {
      config: { access: 'clinic_admin' },
      schema: {
        tags,
        summary: 'Members with their roles, open invitations, and the practitioners',
        params: ClinicParams,
        response: { 200: StaffOverview, ...errors },
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      const clinic = await readClinicProfile(ctx.db, request.params.clinicId);
      return readStaffOverview(ctx, clinic);
    },
  );

  app.post(
    '/api/v1/admin/clinics/:clinicId/invitations',
    {
      config: { access: 'clinic_admin' },
      schema: {
        tags,
        summary: 'Invite someone by e-mail: a single-use link, valid for 7 days',
        description:
          '409 `already_member` for active staff; 503 `channel_unavailable` when the e-mail cannot be sent (nothing is kept then). A new invitation to the same address replaces an open one.',
        params: ClinicParams,
        body: InviteStaffBody,
        response: { 201: StaffInvitation, ...errors, 409: ApiError, 503: ApiError },
      },
    },
    async (request, reply) => {
      const ctx = signedIn(request);
      const invitation = await inviteStaff(ctx, request.params.clinicId, request.body);
      return reply
        .code(201)
        .send(presentInvitation(invitation, invitation.clinicTimeZone, ctx.clock.now()));
    },
  );

  app.delete(
    '/api/v1/admin/clinics/:clinicId/invitations/:invitationId',
    {
      config: { access: 'clinic_admin' },
      schema: {
        tags,
        summary: 'Withdraw an invitation; its link stops working',
        params: InvitationParams,
        response: { 204: z.null(), ...errors, 410: ApiError },
      },
    },
    async (request, reply) => {
      const ctx = signedIn(request);
      await revokeInvitation(ctx, request.params.clinicId, request.params.invitationId);
      return reply.code(204).send(null);
    },
  );

  app.patch(
    '/api/v1/admin/clinics/:clinicId/staff/:userId',
    {
      config: { access: 'clinic_admin' },
      schema: {
        tags,
        summary: "Change a member's roles, or deactivate them (their sessions end at once)",
        description: '422 `last_admin` when the clinic would have no active administrator left.',
        params: StaffParams,
        body: UpdateStaffBody,
        response: { 200: StaffMember, ...errors, 422: ApiError },
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      const { clinicId, userId } = request.params;
      const member = await updateStaffMember(ctx, clinicId, userId, request.body);
      const clinic = await readClinicProfile(ctx.db, clinicId);
      return presentStaffMember(member, clinic.timeZone);
    },
  );

  app.delete(
    '/api/v1/admin/clinics/:clinicId/staff/:userId/authenticator',
    {
      config: { access: 'clinic_admin' },
      schema: {
        tags,
        summary:
          "Reset a member's authenticator app (a lost phone): the next sign-in sets up a new one",
        description:
          "Removes the authenticator app and the recovery codes and ends all the person's sessions at once; their password stays, and their next staff sign-in goes to setting up the app. Audited as `staff.authenticator_reset`.",
        params: StaffParams,
        response: { 200: StaffMember, ...errors },
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      const { clinicId, userId } = request.params;
      const member = await resetStaffAuthenticator(ctx, clinicId, userId);
      const clinic = await readClinicProfile(ctx.db, clinicId);
      return presentStaffMember(member, clinic.timeZone);
    },
  );

  app.get(
    '/api/v1/invitations/:token',
    {
      config: { access: 'public' },
      schema: {
        tags: ['invitations'],
        summary: 'What an invitation link is for: the clinic, the roles, whether it still works',
        params: InvitationTokenParams,
        response: { 200: PublicInvitation, 400: ApiError, 404: ApiError },
      },
    },
    async (request) =>
      readPublicInvitation(request.ctx.db, request.params.token, request.ctx.clock.now()),
  );

  app.post(
    '/api/v1/invitations/:token/accept',
    {
      config: { access: 'user' },
      schema: {
        tags: ['invitations'],
        summary:
          'Accept an invitation as the signed-in user (whose verified e-mail it was sent to)',
        description:
          '403 `invitation_email_mismatch`; 410 `invitation_expired`, `invitation_used` or `invitation_revoked`; 429 `rate_limited` (attempts per IP address and per link).',
        params: InvitationTokenParams,
        body: AcceptInvitationBody.nullish(),
        response: { 200: AcceptedInvitation, ...errors, 410: ApiError, 429: ApiError },
      },
    },
    async (request) =>
      acceptInvitation(signedIn(request), request.params.token, request.body ?? {}),
  );
};
