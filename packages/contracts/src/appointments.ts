import { APPOINTMENT_STATUSES } from '@visitt/domain';
import { z } from 'zod';
import { DateTime, Modality, PlainText, Uuid } from './common';

export const COMMENT_MAX_LENGTH = 500;

export const BookAppointmentBody = z
  .strictObject({
    practitionerId: Uuid,
    appointmentTypeId: Uuid,
    start: DateTime,
    /** Plain text for the practitioner. */
    comment: PlainText(COMMENT_MAX_LENGTH).optional(),
  })
  .meta({ id: 'BookAppointmentBody' });
export type BookAppointmentBody = z.infer<typeof BookAppointmentBody>;

export const AppointmentStatus = z.enum(APPOINTMENT_STATUSES);
export type AppointmentStatus = z.infer<typeof AppointmentStatus>;

export const Appointment = z
  .object({
    id: Uuid,
    status: AppointmentStatus,
    start: DateTime,
    end: DateTime,
    /** The clinic's zone: `start` and `end` carry its offset. */
    timeZone: z.string(),
    modality: Modality,
    comment: z.string().nullable(),
    clinic: z.object({ id: Uuid, name: z.string(), town: z.string().nullable() }),
    practitioner: z.object({ id: Uuid, name: z.string(), title: z.string().nullable() }),
    appointmentType: z.object({ id: Uuid, name: z.string(), durationMinutes: z.number().int() }),
    /** Until when the patient may cancel online. */
    cancellableUntil: DateTime,
    canCancel: z.boolean(),
    /** For video appointments: when the patient may start the consultation. */
    video: z.object({ opensAt: DateTime, closesAt: DateTime }).nullable(),
    createdAt: DateTime,
    cancelledAt: DateTime.nullable(),
  })
  .meta({ id: 'Appointment' });
export type Appointment = z.infer<typeof Appointment>;

export const MyAppointmentsQuery = z.strictObject({
  scope: z.enum(['upcoming', 'past', 'all']).default('upcoming'),
});
export type MyAppointmentsQuery = z.infer<typeof MyAppointmentsQuery>;

export const AppointmentList = z.array(Appointment);
export type AppointmentList = z.infer<typeof AppointmentList>;
