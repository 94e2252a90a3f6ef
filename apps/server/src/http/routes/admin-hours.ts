import {
  ClinicClosures,
  ClinicParams,
  HoursConflict,
  OutsideAppointments,
  PractitionerHours,
  PractitionerParams,
  PreviewBody,
  PreviewQuery,
  PutClosuresBody,
  PutHoursBody,
  SavedClosures,
  SavedHours,
  SlotPreview,
} from '@visitt/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { readClinicProfile } from '../../commands/admin/clinic-profile';
import {
  listOutsideHours,
  readClinicClosures,
  readPractitionerHours,
  saveClinicClosures,
  savePractitionerHours,
  type PractitionerHoursView,
} from '../../commands/admin/hours';
import { previewWeek } from '../../commands/admin/preview';
import {
  presentClosure,
  presentException,
  presentOutside,
  presentWeekly,
} from '../../presenters/admin';
import { signedIn } from '../access';

import { adminErrors as errors, adminTags as tags, sendConflict } from './admin-common';

const presentHours = (h: PractitionerHoursView): PractitionerHours => ({
  practitioner: { id: h.practitioner.id, name: h.practitioner.name, active: h.practitioner.active },
  timeZone: h.timeZone,
  weekly: h.weekly.map(presentWeekly),
  exceptions: h.exceptions.map(presentException),
  worksHolidays: h.worksHolidays,
});

/** Practitioners' hours, clinic closures, appointments outside the hours, and the week's preview (administrators). */
export const adminHoursRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/admin/clinics/:clinicId/practitioners/:practitionerId/hours',
    {
      config: { access: 'clinic_admin' },
      schema: {
        tags,
        summary: "A practitioner's weekly hours and dated exceptions (the clinic's wall clock)",
        params: PractitionerParams,
        response: { 200: PractitionerHours, ...errors },
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      const { clinicId, practitionerId } = request.params;
      return presentHours(await readPractitionerHours(ctx.db, clinicId, practitionerId));
    },
  );

  app.put(
    '/api/v1/admin/clinics/:clinicId/practitioners/:practitionerId/hours',
    {
      config: { access: 'clinic_admin' },
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
      const ctx = signedIn(request);
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
      config: { access: 'clinic_admin' },
      schema: {
        tags,
        summary:
          "The clinic's closures (dates on its calendar, both inclusive) and the public holidays it is open on",
        params: ClinicParams,
        response: { 200: ClinicClosures, ...errors },
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      const { timeZone, closures, openHolidays } = await readClinicClosures(
        ctx.db,
        request.params.clinicId,
      );
      return { timeZone, closures: closures.map(presentClosure), openHolidays };
    },
  );

  app.put(
    '/api/v1/admin/clinics/:clinicId/closures',
    {
      config: { access: 'clinic_admin' },
      schema: {
        tags,
        summary:
          "Replace the clinic's closures (and, when given, the public holidays it is open on)",
        description:
          'Public holidays are closed unless listed in `openHolidays` (each must be a Norwegian public holiday; left out, the saved list stays). 409 `hours_conflict` as for hours: booked appointments on closed dates are listed; `confirm: true` saves anyway.',
        params: ClinicParams,
        body: PutClosuresBody,
        response: { 200: SavedClosures, ...errors, 409: HoursConflict },
      },
    },
    async (request, reply) => {
      const ctx = signedIn(request);
      const result = await saveClinicClosures(ctx, request.params.clinicId, request.body);
      if (!result.saved) {
        const { timeZone } = await readClinicProfile(ctx.db, request.params.clinicId);
        return sendConflict(reply, result.conflict, timeZone);
      }
      const { timeZone, closures, openHolidays } = result.value;
      return {
        timeZone,
        closures: closures.map(presentClosure),
        openHolidays,
        outside: result.outside.map((a) => presentOutside(a, timeZone)),
      };
    },
  );

  app.get(
    '/api/v1/admin/clinics/:clinicId/appointments-outside-hours',
    {
      config: { access: 'clinic_admin' },
      schema: {
        tags,
        summary: 'Booked future appointments that lie outside their practitioner’s hours',
        params: ClinicParams,
        response: { 200: OutsideAppointments, ...errors },
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      const { timeZone, outside } = await listOutsideHours(ctx, request.params.clinicId);
      return outside.map((a) => presentOutside(a, timeZone));
    },
  );

  app.get(
    '/api/v1/admin/clinics/:clinicId/practitioners/:practitionerId/preview',
    {
      config: { access: 'clinic_admin' },
      schema: {
        tags,
        summary: "A week's open hours and free slots of a type, as patients would see them",
        params: PractitionerParams,
        querystring: PreviewQuery,
        response: { 200: SlotPreview, ...errors },
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      const { clinicId, practitionerId } = request.params;
      return previewWeek(ctx.db, clinicId, practitionerId, request.query, ctx.clock.now());
    },
  );

  app.post(
    '/api/v1/admin/clinics/:clinicId/practitioners/:practitionerId/preview',
    {
      config: { access: 'clinic_admin' },
      schema: {
        tags,
        summary: 'The same preview with proposed hours or closures, before saving them',
        params: PractitionerParams,
        body: PreviewBody,
        response: { 200: SlotPreview, ...errors },
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      const { clinicId, practitionerId } = request.params;
      return previewWeek(ctx.db, clinicId, practitionerId, request.body, ctx.clock.now());
    },
  );
};
