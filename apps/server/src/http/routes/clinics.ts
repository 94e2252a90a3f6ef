import {
  ApiError,
  AppointmentType,
  AppointmentTypesQuery,
  Clinic,
  ClinicParams,
  ClinicSearchQuery,
  Practitioner,
  PractitionersQuery,
  SlotList,
  SlotsQuery,
} from '@visitt/contracts';
import type { PractitionerId } from '@visitt/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  findAppointmentType,
  findBookableTypes,
  findClinic,
  findPractitioners,
  searchClinics,
  type AppointmentTypeRow,
} from '../../db/clinics';
import { zonedFormatter, parseInstant } from '../../lib/zoned-format';
import {
  presentAppointmentType,
  presentClinic,
  presentPractitioner,
} from '../../presenters/clinic';
import { findNextFreeSlots, listFreeSlots } from '../../scheduling/free-slots';
import type { RequestContext } from '../../core/context';
import { fail } from '../../core/errors';

const tags = ['clinics'];
const errors = { 400: ApiError, 404: ApiError };

async function clinicOr404(ctx: RequestContext, clinicId: string) {
  const clinic = await findClinic(ctx.db, clinicId, ctx.actor?.userId ?? null);
  if (!clinic) throw fail('not_found', 'No such clinic.');
  return clinic;
}

export const clinicRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/clinics',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Search clinics by name or town; clinics the patient has used come first',
        querystring: ClinicSearchQuery,
        response: { 200: z.array(Clinic), 400: ApiError },
      },
    },
    async (request) =>
      (
        await searchClinics(
          request.ctx.db,
          request.query.q || undefined,
          request.ctx.actor?.userId ?? null,
        )
      ).map(presentClinic),
  );

  app.get(
    '/api/v1/clinics/:clinicId',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One clinic',
        params: ClinicParams,
        response: { 200: Clinic, ...errors },
      },
    },
    async (request) => presentClinic(await clinicOr404(request.ctx, request.params.clinicId)),
  );

  app.get(
    '/api/v1/clinics/:clinicId/practitioners',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'Practitioners who offer online booking of the modality and have free time, with their next free time',
        params: ClinicParams,
        querystring: PractitionersQuery,
        response: { 200: z.array(Practitioner), ...errors },
      },
    },
    async (request) => {
      const ctx = request.ctx;
      const clinic = await clinicOr404(ctx, request.params.clinicId);
      const [types, practitioners] = await Promise.all([
        findBookableTypes(ctx.db, clinic.id, { modality: request.query.modality }),
        findPractitioners(ctx.db, clinic.id),
      ]);
      const offers = new Map<PractitionerId, AppointmentTypeRow[]>();
      for (const p of practitioners) {
        const theirs = types.filter((t) => t.practitionerIds.includes(p.id));
        if (theirs.length > 0) offers.set(p.id, theirs);
      }
      const next = await findNextFreeSlots(ctx.db, clinic, offers, ctx.clock.now());
      const format = zonedFormatter(clinic.timeZone);
      return practitioners.flatMap((p) => {
        const slot = next.get(p.id);
        return slot ? [presentPractitioner(p, format(slot.start))] : [];
      });
    },
  );

  app.get(
    '/api/v1/clinics/:clinicId/appointment-types',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Appointment types bookable online, optionally for one practitioner or modality',
        params: ClinicParams,
        querystring: AppointmentTypesQuery,
        response: { 200: z.array(AppointmentType), ...errors },
      },
    },
    async (request) => {
      const clinic = await clinicOr404(request.ctx, request.params.clinicId);
      return (await findBookableTypes(request.ctx.db, clinic.id, request.query)).map(
        presentAppointmentType,
      );
    },
  );

  app.get(
    '/api/v1/clinics/:clinicId/slots',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Free slots of a practitioner for a type, starting in [from, to)',
        description: 'At most 62 days per request. Times carry the clinic’s UTC offset.',
        params: ClinicParams,
        querystring: SlotsQuery,
        response: { 200: SlotList, ...errors },
      },
    },
    async (request) => {
      const ctx = request.ctx;
      const { practitionerId, appointmentTypeId, from, to } = request.query;
      const clinic = await clinicOr404(ctx, request.params.clinicId);
      const type = await findAppointmentType(ctx.db, appointmentTypeId);
      if (!type || type.clinicId !== clinic.id || !type.active || !type.bookableOnline) {
        throw fail('not_found', 'No such appointment type at this clinic.');
      }
      if (!type.practitionerIds.includes(practitionerId as PractitionerId)) {
        throw fail('not_found', 'This practitioner does not offer this appointment type here.');
      }
      const range = { start: parseInstant(from), end: parseInstant(to) };
      const slots = await listFreeSlots(
        ctx.db,
        clinic,
        practitionerId as PractitionerId,
        type,
        range,
        ctx.clock.now(),
      );
      const format = zonedFormatter(clinic.timeZone);
      return slots.map((s) => ({ start: format(s.start), end: format(s.end) }));
    },
  );
};
