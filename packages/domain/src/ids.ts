import type { Brand } from './brand';

/** A person: patient anywhere, staff where they have a membership. */
export type UserId = Brand<string, 'UserId'>;
/** The user on the patient side of an appointment. */
export type PatientId = UserId;
export type ClinicId = Brand<string, 'ClinicId'>;
/** A practitioner at one clinic (a person staffing two clinics has two). */
export type PractitionerId = Brand<string, 'PractitionerId'>;
export type AppointmentTypeId = Brand<string, 'AppointmentTypeId'>;
export type AppointmentId = Brand<string, 'AppointmentId'>;
