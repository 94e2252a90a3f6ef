import { z } from 'zod';
import { DateTime, Modality, PlainText, Uuid } from './common';

export const ClinicSearchQuery = z.strictObject({
  q: PlainText(100).optional(),
});
export type ClinicSearchQuery = z.infer<typeof ClinicSearchQuery>;

export const Clinic = z
  .object({
    id: Uuid,
    name: z.string(),
    address: z.string().nullable(),
    town: z.string().nullable(),
    /** IANA time zone, e.g. `Europe/Oslo`: every wall-clock time of the clinic is in it. */
    timeZone: z.string(),
    /** The signed-in patient has had an appointment here before. */
    usedBefore: z.boolean(),
    offersVideo: z.boolean(),
    /**
     * Video consultations here need a strong sign-in (ID-porten / BankID); a patient signed in
     * with a one-time code is refused with `strong_auth_required` when starting one.
     */
    requiresStrongAuthForVideo: z.boolean(),
  })
  .meta({ id: 'Clinic' });
export type Clinic = z.infer<typeof Clinic>;

export const PractitionersQuery = z.strictObject({ modality: Modality.optional() });
export type PractitionersQuery = z.infer<typeof PractitionersQuery>;

export const Practitioner = z
  .object({
    id: Uuid,
    name: z.string(),
    title: z.string().nullable(),
    /** The earliest free slot among the types matching the query, or null if none is free. */
    nextFreeSlot: DateTime.nullable(),
  })
  .meta({ id: 'Practitioner' });
export type Practitioner = z.infer<typeof Practitioner>;

export const AppointmentTypesQuery = z.strictObject({
  practitionerId: Uuid.optional(),
  modality: Modality.optional(),
});
export type AppointmentTypesQuery = z.infer<typeof AppointmentTypesQuery>;

export const AppointmentType = z
  .object({
    id: Uuid,
    name: z.string(),
    description: z.string().nullable(),
    durationMinutes: z.number().int(),
    modality: Modality,
    minimumNoticeMinutes: z.number().int(),
    horizonDays: z.number().int(),
    cancellationDeadlineMinutes: z.number().int(),
    practitionerIds: z.array(Uuid),
  })
  .meta({ id: 'AppointmentType' });
export type AppointmentType = z.infer<typeof AppointmentType>;

/** At most this many days of slots per request. */
export const MAX_SLOT_RANGE_DAYS = 62;

export const SlotsQuery = z
  .strictObject({
    practitionerId: Uuid,
    appointmentTypeId: Uuid,
    from: DateTime,
    to: DateTime,
  })
  .refine((q) => Date.parse(q.from) < Date.parse(q.to), {
    message: '`from` must be before `to`',
    path: ['to'],
  })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= MAX_SLOT_RANGE_DAYS * 86_400_000, {
    message: `At most ${MAX_SLOT_RANGE_DAYS} days at a time`,
    path: ['to'],
  });
export type SlotsQuery = z.infer<typeof SlotsQuery>;

export const Slot = z
  .object({ start: DateTime, end: DateTime })
  .meta({ id: 'Slot', description: 'Times carry the clinic’s UTC offset.' });
export type Slot = z.infer<typeof Slot>;
export const SlotList = z.array(Slot);
export type SlotList = z.infer<typeof SlotList>;
