import { ApiError, ConsultationRecord, IdParams } from '@visitt/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readConsultationRecord } from '../../commands/consultation-record';
import { renderConsultationPdf } from '../../records/consultation-pdf';
import { toFhirEncounter } from '../../records/fhir-encounter';
import { signedIn } from '../access';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError };
const tags = ['staff', 'record'];
const who =
  "The appointment's practitioner or an administrator of its clinic; anyone else 404. " +
  '403 `not_video` for an in-person appointment, `not_started` before the patient started. ' +
  'Every read is audited.';

/** A file name that says what it is and whose clinic, without the patient's name. */
const fileName = (record: ConsultationRecord, ext: string) =>
  `konsultasjon-${record.scheduled.start.slice(0, 10)}-${record.appointmentId.slice(0, 8)}.${ext}`;

/** The consultation record for the patient journal: JSON, a one-page PDF, a FHIR R4 Encounter. */
export const recordRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/staff/appointments/:id/record',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'The record of a video consultation for the patient journal',
        description:
          'Times (started waiting, practitioner entered, ended), participants with roles, ' +
          'identification, interpreter, modality and duration. Nothing of the media and no ' +
          `message content. ${who}`,
        params: IdParams,
        response: { 200: ConsultationRecord, ...errors },
      },
    },
    async (request) => readConsultationRecord(signedIn(request), request.params.id, 'json'),
  );

  app.get(
    '/api/v1/staff/appointments/:id/record.pdf',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'The consultation record as a one-page PDF in the clinic’s language and zone',
        description: who,
        params: IdParams,
        produces: ['application/pdf'],
        response: { 200: z.any(), ...errors },
      },
    },
    async (request, reply) => {
      const record = await readConsultationRecord(signedIn(request), request.params.id, 'pdf');
      const pdf = await renderConsultationPdf(record);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${fileName(record, 'pdf')}"`)
        .send(pdf);
    },
  );

  app.get(
    '/api/v1/staff/appointments/:id/record.fhir.json',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'The consultation record as a FHIR R4 Encounter (class VR)',
        description:
          'Status and status history, period, participants with HL7 participation types, the ' +
          'patient as subject and a reference to the Appointment; how the patient was ' +
          `identified in the extension \`urn:visitt:fhir:extension:patient-identification\`. ${who}`,
        params: IdParams,
        produces: ['application/fhir+json'],
        response: { 200: z.any(), ...errors },
      },
    },
    async (request, reply) => {
      const record = await readConsultationRecord(signedIn(request), request.params.id, 'fhir');
      return reply
        .type('application/fhir+json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName(record, 'fhir.json')}"`)
        .send(JSON.stringify(toFhirEncounter(record)));
    },
  );
};
