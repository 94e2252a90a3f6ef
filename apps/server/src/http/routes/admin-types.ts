import {
  AdminAppointmentType,
  ApiError,
  AppointmentTypeBody,
  AppointmentTypeParams,
  ClinicParams,
  DeletedAppointmentType,
} from '@visitt/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createAppointmentType,
  removeAppointmentType,
  saveAppointmentType,
} from '../../commands/admin/appointment-types';
import { listAdminTypes } from '../../db/appointment-types';
import { presentAdminType } from '../../presenters/admin';
import { signedIn } from '../access';

import { adminErrors as errors, adminTags as tags } from './admin-common';

/** The clinic's appointment types (administrators). */
export const adminTypeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/admin/clinics/:clinicId/appointment-types',
    {
      config: { access: 'clinic_admin' },
      schema: {
        tags,
        summary: 'Every appointment type of the clinic, inactive ones included',
        params: ClinicParams,
        response: { 200: z.array(AdminAppointmentType), ...errors },
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      return (await listAdminTypes(ctx.db, request.params.clinicId)).map(presentAdminType);
    },
  );

  app.post(
    '/api/v1/admin/clinics/:clinicId/appointment-types',
    {
      config: { access: 'clinic_admin' },
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
      const ctx = signedIn(request);
      const type = await createAppointmentType(ctx, request.params.clinicId, request.body);
      return reply.code(201).send(presentAdminType(type));
    },
  );

  app.put(
    '/api/v1/admin/clinics/:clinicId/appointment-types/:typeId',
    {
      config: { access: 'clinic_admin' },
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
      const ctx = signedIn(request);
      const { clinicId, typeId } = request.params;
      return presentAdminType(await saveAppointmentType(ctx, clinicId, typeId, request.body));
    },
  );

  app.delete(
    '/api/v1/admin/clinics/:clinicId/appointment-types/:typeId',
    {
      config: { access: 'clinic_admin' },
      schema: {
        tags,
        summary: 'Delete an appointment type; one with appointments is deactivated instead',
        params: AppointmentTypeParams,
        response: { 200: DeletedAppointmentType, ...errors },
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      const { clinicId, typeId } = request.params;
      return { result: await removeAppointmentType(ctx, clinicId, typeId) };
    },
  );
};
