import {
  AcceptInvitationBody,
  AcceptedInvitation,
  AdminAppointmentType,
  AdminClinic,
  ApiError,
  AppointmentTypeBody,
  AppointmentTypeParams,
  AuditPage,
  AuditQuery,
  ClinicClosures,
  ClinicParams,
  DeletedAppointmentType,
  HoursConflict,
  InvitationParams,
  InvitationTokenParams,
  InviteStaffBody,
  OutsideAppointments,
  PractitionerHours,
  PractitionerParams,
  PreviewBody,
  PreviewQuery,
  PublicInvitation,
  PutClosuresBody,
  PutHoursBody,
  SavedClosures,
  SavedHours,
  SlotPreview,
  StaffInvitation,
  StaffMember,
  StaffOverview,
  StaffParams,
  UpdateClinicBody,
  UpdateStaffBody,
  type HoursConflict as HoursConflictBody,
} from '@visitt/contracts';
import type { TimeZoneId } from '@visitt/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createAppointmentType,
  removeAppointmentType,
  saveAppointmentType,
} from '../../commands/admin/appointment-types';
import { readAuditLog } from '../../commands/admin/audit-log';
import { readClinicProfile, saveClinicProfile } from '../../commands/admin/clinic-profile';
import {
  listOutsideHours,
  readClinicClosures,
  readPractitionerHours,
  saveClinicClosures,
  savePractitionerHours,
  type PractitionerHoursView,
} from '../../commands/admin/hours';
import {
  acceptInvitation,
  inviteStaff,
  readPublicInvitation,
  revokeInvitation,
} from '../../commands/admin/invitations';
import type { OutsideRow } from '../../commands/admin/outside-hours';
import { previewWeek } from '../../commands/admin/preview';
import {
  readStaffOverview,
  resetStaffAuthenticator,
  updateStaffMember,
} from '../../commands/admin/staff';
import { listAdminTypes } from '../../db/admin';
import { requireClinicAdmin } from '../../policies/staff';
import {
  presentAdminClinic,
  presentAdminType,
  presentClosure,
  presentException,
  presentInvitation,
  presentOutside,
  presentStaffMember,
  presentWeekly,
} from '../../presenters/admin';
import type { SignedInContext } from '../../core/context';
import { fail } from '../../core/errors';
import { requireUser } from '../session';

const tags = ['admin'];
const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError };

/**
 * The signed-in administrator of the clinic: other staff of the clinic get 403, anyone else
 * 404 (as if the clinic did not exist), nobody signed in 401.
 */
async function asAdmin(request: FastifyRequest, clinicId: string): Promise<SignedInContext> {
  const ctx = requireUser(request);
  await requireClinicAdmin(ctx.db, ctx.actor.userId, clinicId);
  return ctx;
}

function sendConflict(reply: FastifyReply, outside: readonly OutsideRow[], timeZone: TimeZoneId) {
  const body: HoursConflictBody = {
    error: 'hours_conflict',
    message: fail('hours_conflict').message,
    appointments: outside.map((a) => presentOutside(a, timeZone)),
  };
  return reply.code(409).send(body);
}

const presentHours = (h: PractitionerHoursView): PractitionerHours => ({
  practitioner: { id: h.practitioner.id, name: h.practitioner.name, active: h.practitioner.active },
  timeZone: h.timeZone,
  weekly: h.weekly.map(presentWeekly),
  exceptions: h.exceptions.map(presentException),
});

export const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  // ------------------------------------------------------------------ profile
  app.get(
    '/api/v1/admin/clinics/:clinicId',
    {
      schema: {
        tags,
        summary: "The clinic's profile (administrators)",
        params: ClinicParams,
        response: { 200: AdminClinic, ...errors },
      },
    },
    async (request) => {
      const ctx = await asAdmin(request, request.params.clinicId);
      return presentAdminClinic(await readClinicProfile(ctx.db, request.params.clinicId));
    },
  );

  app.put(
    '/api/v1/admin/clinics/:clinicId',
    {
      schema: {
        tags,
        summary: "Replace the clinic's profile: name, address, town, time zone, listing",
        description:
          'A new time zone moves every wall-clock hour: 409 `hours_conflict` lists booked appointments that would end up outside the hours; send again with `confirm: true` to save anyway.',
        params: ClinicParams,
        body: UpdateClinicBody,
        response: { 200: AdminClinic, ...errors, 409: HoursConflict },
      },
    },
    async (request, reply) => {
      const ctx = await asAdmin(request, request.params.clinicId);
      const result = await saveClinicProfile(ctx, request.params.clinicId, request.body);
      if (!result.saved) {
        const { timeZone } = await readClinicProfile(ctx.db, request.params.clinicId);
        return sendConflict(reply, result.conflict, timeZone);
      }
      return presentAdminClinic(result.value);
    },
  );

  // ------------------------------------------------------------------ staff and invitations
  app.get(
    '/api/v1/admin/clinics/:clinicId/staff',
    {
      schema: {
        tags,
        summary: 'Members with their roles, open invitations, and the practitioners',
        params: ClinicParams,
        response: { 200: StaffOverview, ...errors },
      },
    },
    async (request) => {
      const ctx = await asAdmin(request, request.params.clinicId);
      const clinic = await readClinicProfile(ctx.db, request.params.clinicId);
      return readStaffOverview(ctx.db, clinic, ctx.clock.now());
    },
  );

  app.post(
    '/api/v1/admin/clinics/:clinicId/invitations',
    {
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
      const ctx = await asAdmin(request, request.params.clinicId);
      const invitation = await inviteStaff(ctx, request.params.clinicId, request.body);
      return reply
        .code(201)
        .send(presentInvitation(invitation, invitation.clinicTimeZone, ctx.clock.now()));
    },
  );

  app.delete(
    '/api/v1/admin/clinics/:clinicId/invitations/:invitationId',
    {
      schema: {
        tags,
        summary: 'Withdraw an invitation; its link stops working',
        params: InvitationParams,
        response: { 204: z.null(), ...errors, 410: ApiError },
      },
    },
    async (request, reply) => {
      const ctx = await asAdmin(request, request.params.clinicId);
      await revokeInvitation(ctx, request.params.clinicId, request.params.invitationId);
      return reply.code(204).send(null);
    },
  );

  app.patch(
    '/api/v1/admin/clinics/:clinicId/staff/:userId',
    {
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
      const ctx = await asAdmin(request, request.params.clinicId);
      const { clinicId, userId } = request.params;
      const member = await updateStaffMember(ctx, clinicId, userId, request.body);
      const clinic = await readClinicProfile(ctx.db, clinicId);
      return presentStaffMember(member, clinic.timeZone);
    },
  );

  app.delete(
    '/api/v1/admin/clinics/:clinicId/staff/:userId/authenticator',
    {
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
      const ctx = await asAdmin(request, request.params.clinicId);
      const { clinicId, userId } = request.params;
      const member = await resetStaffAuthenticator(ctx, clinicId, userId);
      const clinic = await readClinicProfile(ctx.db, clinicId);
      return presentStaffMember(member, clinic.timeZone);
    },
  );

  app.get(
    '/api/v1/invitations/:token',
    {
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
      schema: {
        tags: ['invitations'],
        summary:
          'Accept an invitation as the signed-in user (whose verified e-mail it was sent to)',
        description:
          '403 `invitation_email_mismatch`; 410 `invitation_expired`, `invitation_used` or `invitation_revoked`.',
        params: InvitationTokenParams,
        body: AcceptInvitationBody.nullish(),
        response: { 200: AcceptedInvitation, ...errors, 410: ApiError },
      },
    },
    async (request) =>
      acceptInvitation(requireUser(request), request.params.token, request.body ?? {}),
  );

  // ------------------------------------------------------------------ appointment types
  app.get(
    '/api/v1/admin/clinics/:clinicId/appointment-types',
    {
      schema: {
        tags,
        summary: 'Every appointment type of the clinic, inactive ones included',
        params: ClinicParams,
        response: { 200: z.array(AdminAppointmentType), ...errors },
      },
    },
    async (request) => {
      const ctx = await asAdmin(request, request.params.clinicId);
      return (await listAdminTypes(ctx.db, request.params.clinicId)).map(presentAdminType);
    },
  );

  app.post(
    '/api/v1/admin/clinics/:clinicId/appointment-types',
    {
      schema: {
        tags,
        summary: 'Create an appointment type',
        description: '422 `unknown_practitioner` for a practitioner not of this clinic.',
        params: ClinicParams,
        body: AppointmentTypeBody,
        response: { 201: AdminAppointmentType, ...errors, 422: ApiError },
      },
    },
    async (request, reply) => {
      const ctx = await asAdmin(request, request.params.clinicId);
      const type = await createAppointmentType(ctx, request.params.clinicId, request.body);
      return reply.code(201).send(presentAdminType(type));
    },
  );

  app.put(
    '/api/v1/admin/clinics/:clinicId/appointment-types/:typeId',
    {
      schema: {
        tags,
        summary:
          'Replace an appointment type (booked appointments keep what they were booked with)',
        params: AppointmentTypeParams,
        body: AppointmentTypeBody,
        response: { 200: AdminAppointmentType, ...errors, 422: ApiError },
      },
    },
    async (request) => {
      const ctx = await asAdmin(request, request.params.clinicId);
      const { clinicId, typeId } = request.params;
      return presentAdminType(await saveAppointmentType(ctx, clinicId, typeId, request.body));
    },
  );

  app.delete(
    '/api/v1/admin/clinics/:clinicId/appointment-types/:typeId',
    {
      schema: {
        tags,
        summary: 'Delete an appointment type; one with appointments is deactivated instead',
        params: AppointmentTypeParams,
        response: { 200: DeletedAppointmentType, ...errors },
      },
    },
    async (request) => {
      const ctx = await asAdmin(request, request.params.clinicId);
      const { clinicId, typeId } = request.params;
      return { result: await removeAppointmentType(ctx, clinicId, typeId) };
    },
  );

  // ------------------------------------------------------------------ hours and closures
  app.get(
    '/api/v1/admin/clinics/:clinicId/practitioners/:practitionerId/hours',
    {
      schema: {
        tags,
        summary: "A practitioner's weekly hours and dated exceptions (the clinic's wall clock)",
        params: PractitionerParams,
        response: { 200: PractitionerHours, ...errors },
      },
    },
    async (request) => {
      const ctx = await asAdmin(request, request.params.clinicId);
      const { clinicId, practitionerId } = request.params;
      return presentHours(await readPractitionerHours(ctx.db, clinicId, practitionerId));
    },
  );

  app.put(
    '/api/v1/admin/clinics/:clinicId/practitioners/:practitionerId/hours',
    {
      schema: {
        tags,
        summary: "Replace a practitioner's weekly hours and exceptions",
        description:
          '409 `hours_conflict` lists the booked appointments the change would put outside the hours, and nothing is saved; with `confirm: true` it is saved and they are listed in `outside` (still booked: move or cancel them).',
        params: PractitionerParams,
        body: PutHoursBody,
        response: { 200: SavedHours, ...errors, 409: HoursConflict },
      },
    },
    async (request, reply) => {
      const ctx = await asAdmin(request, request.params.clinicId);
      const { clinicId, practitionerId } = request.params;
      const result = await savePractitionerHours(ctx, clinicId, practitionerId, request.body);
      if (!result.saved) {
        const { timeZone } = await readClinicProfile(ctx.db, clinicId);
        return sendConflict(reply, result.conflict, timeZone);
      }
      const hours = result.value;
      return {
        ...presentHours(hours),
        outside: result.outside.map((a) => presentOutside(a, hours.timeZone)),
      };
    },
  );

  app.get(
    '/api/v1/admin/clinics/:clinicId/closures',
    {
      schema: {
        tags,
        summary: "The clinic's closures (dates on its calendar, both inclusive)",
        params: ClinicParams,
        response: { 200: ClinicClosures, ...errors },
      },
    },
    async (request) => {
      const ctx = await asAdmin(request, request.params.clinicId);
      const { timeZone, closures } = await readClinicClosures(ctx.db, request.params.clinicId);
      return { timeZone, closures: closures.map(presentClosure) };
    },
  );

  app.put(
    '/api/v1/admin/clinics/:clinicId/closures',
    {
      schema: {
        tags,
        summary: "Replace the clinic's closures",
        description:
          '409 `hours_conflict` as for hours: booked appointments on closed dates are listed; `confirm: true` saves anyway.',
        params: ClinicParams,
        body: PutClosuresBody,
        response: { 200: SavedClosures, ...errors, 409: HoursConflict },
      },
    },
    async (request, reply) => {
      const ctx = await asAdmin(request, request.params.clinicId);
      const result = await saveClinicClosures(ctx, request.params.clinicId, request.body);
      if (!result.saved) {
        const { timeZone } = await readClinicProfile(ctx.db, request.params.clinicId);
        return sendConflict(reply, result.conflict, timeZone);
      }
      const { timeZone, closures } = result.value;
      return {
        timeZone,
        closures: closures.map(presentClosure),
        outside: result.outside.map((a) => presentOutside(a, timeZone)),
      };
    },
  );

  app.get(
    '/api/v1/admin/clinics/:clinicId/appointments-outside-hours',
    {
      schema: {
        tags,
        summary: 'Booked future appointments that lie outside their practitioner’s hours',
        params: ClinicParams,
        response: { 200: OutsideAppointments, ...errors },
      },
    },
    async (request) => {
      const ctx = await asAdmin(request, request.params.clinicId);
      const { timeZone, outside } = await listOutsideHours(ctx, request.params.clinicId);
      return outside.map((a) => presentOutside(a, timeZone));
    },
  );

  app.get(
    '/api/v1/admin/clinics/:clinicId/practitioners/:practitionerId/preview',
    {
      schema: {
        tags,
        summary: "A week's open hours and free slots of a type, as patients would see them",
        params: PractitionerParams,
        querystring: PreviewQuery,
        response: { 200: SlotPreview, ...errors },
      },
    },
    async (request) => {
      const ctx = await asAdmin(request, request.params.clinicId);
      const { clinicId, practitionerId } = request.params;
      return previewWeek(ctx.db, clinicId, practitionerId, request.query, ctx.clock.now());
    },
  );

  app.post(
    '/api/v1/admin/clinics/:clinicId/practitioners/:practitionerId/preview',
    {
      schema: {
        tags,
        summary: 'The same preview with proposed hours or closures, before saving them',
        params: PractitionerParams,
        body: PreviewBody,
        response: { 200: SlotPreview, ...errors },
      },
    },
    async (request) => {
      const ctx = await asAdmin(request, request.params.clinicId);
      const { clinicId, practitionerId } = request.params;
      return previewWeek(ctx.db, clinicId, practitionerId, request.body, ctx.clock.now());
    },
  );

  // ------------------------------------------------------------------ audit log
  app.get(
    '/api/v1/admin/clinics/:clinicId/audit',
    {
      schema: {
        tags,
        summary: 'Who read or changed which appointment or setting, when and from where',
        description:
          'Newest first. `from`/`to` are date-times, or dates on the clinic’s calendar (both inclusive). Page with `before` = the previous `nextBefore`.',
        params: ClinicParams,
        querystring: AuditQuery,
        response: { 200: AuditPage, ...errors },
      },
    },
    async (request) => {
      const ctx = await asAdmin(request, request.params.clinicId);
      return readAuditLog(ctx.db, request.params.clinicId, request.query);
    },
  );
};
