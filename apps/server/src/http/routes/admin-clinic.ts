import {
  AdminClinic,
  AuditActors,
  AuditActorsQuery,
  AuditPage,
  AuditQuery,
  ClinicParams,
  HoursConflict,
  UpdateClinicBody,
} from '@visitt/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { readAuditLog, searchAuditLogActors } from '../../commands/admin/audit-log';
import { readClinicProfile, saveClinicProfile } from '../../commands/admin/clinic-profile';
import { presentAdminClinic } from '../../presenters/admin';
import { signedIn } from '../access';

import { adminErrors as errors, adminTags as tags, sendConflict } from './admin-common';

/** The clinic's profile and its audit log (administrators). */
export const adminClinicRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/admin/clinics/:clinicId',
    {
      config: { access: 'clinic_admin' },
      schema: {
        tags,
        summary: "The clinic's profile (administrators)",
        params: ClinicParams,
        response: { 200: AdminClinic, ...errors },
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      return presentAdminClinic(await readClinicProfile(ctx.db, request.params.clinicId));
    },
  );

  app.put(
    '/api/v1/admin/clinics/:clinicId',
    {
      config: { access: 'clinic_admin' },
      schema: {
        tags,
        summary:
          "Replace the clinic's profile: name, address, town, time zone, listing, information before video, phone",
        description:
          'A new time zone moves every wall-clock hour: 409 `hours_conflict` lists booked appointments that would end up outside the hours; send again with `confirm: true` to save anyway. ' +
          'The phone number is kept in E.164 (8 digits are a Norwegian number); one that cannot be a number is 400 `validation_failed`.',
        params: ClinicParams,
        body: UpdateClinicBody,
        response: { 200: AdminClinic, ...errors, 409: HoursConflict },
      },
    },
    async (request, reply) => {
      const ctx = signedIn(request);
      const result = await saveClinicProfile(ctx, request.params.clinicId, request.body);
      if (!result.saved) {
        const { timeZone } = await readClinicProfile(ctx.db, request.params.clinicId);
        return sendConflict(reply, result.conflict, timeZone);
      }
      return presentAdminClinic(result.value);
    },
  );

  app.get(
    '/api/v1/admin/clinics/:clinicId/audit',
    {
      config: { access: 'clinic_admin' },
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
      const ctx = signedIn(request);
      return readAuditLog(ctx, request.params.clinicId, request.query);
    },
  );

  app.get(
    '/api/v1/admin/clinics/:clinicId/audit/actors',
    {
      config: { access: 'clinic_admin' },
      schema: {
        tags,
        summary: "People who appear in the clinic's audit log, found by name or e-mail",
        description:
          'Anyone who acted in the clinic (patients too) whose name or e-mail address contains `q`, by name, at most 20. The search is itself recorded in the log.',
        params: ClinicParams,
        querystring: AuditActorsQuery,
        response: { 200: AuditActors, ...errors },
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      return searchAuditLogActors(ctx, request.params.clinicId, request.query);
    },
  );
};
