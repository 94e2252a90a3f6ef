// Contracts of the practitioner's calendar: day and week views, an appointment's details,
// marking it completed or no-show, and cancelling it with a message to the patient.
import { z } from 'zod';
import { ID_PORTEN_LEVELS, IDENTIFICATION_METHODS, PARTICIPANT_ROLES } from '@visitt/domain';
import { AppointmentStatus } from './appointments';
import { DateTime, Locale, LocalDateString, PlainText, Uuid } from './common';
import { PhoneSwitch, StaffAppointment } from './video';

/** At most this many days per calendar request. */
export const MAX_CALENDAR_DAYS = 31;

const DAY_MS = 86_400_000;

/** Dates on each clinic's calendar, both inclusive: a day view is `from` = `to`. */
export const CalendarQuery = z
  .strictObject({ from: LocalDateString, to: LocalDateString })
  .refine((q) => q.to >= q.from, { message: '`to` must not be before `from`', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) < MAX_CALENDAR_DAYS * DAY_MS, {
    message: `At most ${MAX_CALENDAR_DAYS} days at a time`,
    path: ['to'],
  });
export type CalendarQuery = z.infer<typeof CalendarQuery>;

export const CalendarAppointments = z.array(StaffAppointment);
export type CalendarAppointments = z.infer<typeof CalendarAppointments>;

/** One appointment with everything its practitioner needs, and what happened to it. */
export const StaffAppointmentDetail = StaffAppointment.extend({
  createdAt: DateTime,
  cancelledAt: DateTime.nullable(),
  /** Who cancelled: the patient, or the clinic (then `cancellationMessage` is what they were told). */
  cancelledBy: z.enum(['patient', 'clinic']).nullable(),
  cancellationMessage: z.string().nullable(),
  /** When it was marked completed or no-show. */
  statusChangedAt: DateTime.nullable(),
  /** Who marked it; null with a `statusChangedAt` means the system (a video appointment nobody joined). */
  statusChangedBy: z.object({ userId: Uuid, name: z.string().nullable() }).nullable(),
}).meta({ id: 'StaffAppointmentDetail' });
export type StaffAppointmentDetail = z.infer<typeof StaffAppointmentDetail>;

/**
 * Marks an appointment that has begun (a video one from when its window opens): completed or
 * no-show. A mark can be corrected; a cancelled appointment cannot be marked.
 */
export const SetAppointmentStatusBody = z
  .strictObject({ status: AppointmentStatus.extract(['completed', 'no_show']) })
  .meta({ id: 'SetAppointmentStatusBody' });
export type SetAppointmentStatusBody = z.infer<typeof SetAppointmentStatusBody>;

export const CANCELLATION_MESSAGE_MAX_LENGTH = 500;

/** The clinic cancels; the message (plain text) is kept with the appointment for the patient. */
export const StaffCancelBody = z
  .strictObject({
    message: PlainText(CANCELLATION_MESSAGE_MAX_LENGTH).pipe(z.string().min(1)),
  })
  .meta({ id: 'StaffCancelBody' });
export type StaffCancelBody = z.infer<typeof StaffCancelBody>;

/** How the patient was identified (see the domain's `IDENTIFICATION_METHODS`). */
export const IdentificationMethod = z.enum(IDENTIFICATION_METHODS);
export type IdentificationMethod = z.infer<typeof IdentificationMethod>;

/** How the patient was identified for one consultation, as recorded. */
export const Identification = z
  .object({
    method: IdentificationMethod,
    /** ID-porten's level, when the identification came from an ID-porten sign-in. */
    level: z.enum(ID_PORTEN_LEVELS).nullable(),
    recordedAt: DateTime,
    /** Who recorded it; null when it recorded itself from the patient's ID-porten sign-in. */
    recordedBy: z.object({ userId: Uuid, name: z.string().nullable() }).nullable(),
  })
  .meta({ id: 'Identification' });
export type Identification = z.infer<typeof Identification>;

/**
 * The identification of one consultation, and whether the practitioner must be asked for it
 * before ending (a patient signed in by code who has none recorded at the clinic).
 */
export const IdentificationStatus = z
  .object({ identification: Identification.nullable(), needed: z.boolean() })
  .meta({ id: 'IdentificationStatus' });
export type IdentificationStatus = z.infer<typeof IdentificationStatus>;

/** The practitioner records (or corrects) how the patient was identified. */
export const IdentificationBody = z
  .strictObject({ method: IdentificationMethod })
  .meta({ id: 'IdentificationBody' });
export type IdentificationBody = z.infer<typeof IdentificationBody>;

/** One person in a consultation, with their role and when they were in it. */
export const ConsultationParticipant = z
  .object({
    role: z.enum(PARTICIPANT_ROLES),
    name: z.string(),
    /** When they came in (the patient: when they started and began to wait). */
    joinedAt: DateTime,
    /** When they left; null while they are in. */
    leftAt: DateTime.nullable(),
  })
  .meta({ id: 'ConsultationParticipant' });
export type ConsultationParticipant = z.infer<typeof ConsultationParticipant>;

/**
 * The record of one video consultation for the patient journal: times, who took part, how the
 * patient was identified, whether an interpreter took part, and how long it lasted. Nothing of
 * the media and no message content. Times are in the clinic's zone.
 */
export const ConsultationRecord = z
  .object({
    appointmentId: Uuid,
    clinic: z.object({ id: Uuid, name: z.string() }),
    timeZone: z.string(),
    /** The language of the clinic's documents (the PDF). */
    language: Locale,
    appointmentType: z.string(),
    scheduled: z.object({ start: DateTime, end: DateTime }),
    patient: z.object({ id: Uuid, name: z.string(), birthDate: LocalDateString.nullable() }),
    practitioner: z.object({ id: Uuid, name: z.string() }),
    /**
     * `waiting`: the patient waits and the practitioner has not entered; `in_progress`; `finished`;
     * `not_held`: ended before the practitioner entered.
     */
    state: z.enum(['waiting', 'in_progress', 'finished', 'not_held']),
    /**
     * How the consultation was held: `video`, or `phone` when the practitioner went over to the
     * phone because video failed (`phoneSwitch` says when and why).
     */
    modality: z.enum(['video', 'phone']),
    /** The switch to the phone, when there was one: first noted at, and why. */
    phoneSwitch: PhoneSwitch.nullable(),
    /** When the patient started the consultation and began to wait. */
    waitingFrom: DateTime,
    /** When the practitioner first entered. */
    practitionerEnteredAt: DateTime.nullable(),
    endedAt: DateTime.nullable(),
    /** Who ended it. */
    endedBy: z.enum(['patient', 'practitioner']).nullable(),
    /** From the patient starting until the practitioner entered, in whole seconds. */
    waitedSeconds: z.number().int().nonnegative().nullable(),
    /** From the practitioner entering until the end, in whole seconds. */
    durationSeconds: z.number().int().nonnegative().nullable(),
    /** The same in whole minutes, a started minute counted. */
    durationMinutes: z.number().int().positive().nullable(),
    participants: z.array(ConsultationParticipant),
    identification: Identification.nullable(),
    /** An interpreter took part. */
    interpreter: z.boolean(),
    /** When this record was made. */
    madeAt: DateTime,
  })
  .meta({ id: 'ConsultationRecord' });
export type ConsultationRecord = z.infer<typeof ConsultationRecord>;
