import type { Modality } from '../booking/appointment';

export type NotificationChannel = 'email' | 'sms' | 'push';
export type NotificationKind =
  'confirmation' | 'reminder' | 'cancellation' | 'moved' | 'patient_started' | 'in_person_answer';

/** The messages a patient gets about an appointment ("patient started" goes to staff). */
export type PatientMessageKind = Exclude<NotificationKind, 'patient_started'>;

/** The channels tied to a contact detail the patient verified (push is tied to a device). */
export type ContactChannel = 'email' | 'sms';

/** What a clinic has chosen to send (per modality: SMS and e-mail on or off, reminder offsets). */
export interface NotificationSettings {
  readonly video: {
    readonly sms: boolean;
    readonly email: boolean;
    readonly remindersMinutesBefore: readonly number[];
  };
  readonly inPerson: {
    readonly sms: boolean;
    readonly email: boolean;
    readonly remindersMinutesBefore: readonly number[];
  };
  /** A message confirms every booking. */
  readonly confirmations: boolean;
}

/**
 * Where this patient can be reached: a verified e-mail address or mobile number they have not
 * turned off, and push where they turned it on in the app.
 */
export interface PatientChannels {
  readonly email: boolean;
  readonly sms: boolean;
  readonly push: boolean;
}

/**
 * The one channel rule: for each kind of message, the contact tried first and the one tried
 * next. Confirmations, moves and cancellations are something to keep (the e-mail carries the
 * calendar file), so e-mail first; a reminder and the answer to a request for an in-person
 * appointment must be seen in time, so SMS first.
 */
export const CONTACT_PREFERENCE: Readonly<
  Record<PatientMessageKind, readonly [ContactChannel, ContactChannel]>
> = {
  confirmation: ['email', 'sms'],
  moved: ['email', 'sms'],
  cancellation: ['email', 'sms'],
  reminder: ['sms', 'email'],
  // The clinic's answer to "Be om oppmøte i stedet" comes shortly before the time: seen soonest.
  in_person_answer: ['sms', 'email'],
};

/**
 * The channels one message of `kind` goes out on: exactly one of e-mail and SMS — the first in
 * {@link CONTACT_PREFERENCE} that the clinic has switched on for the modality and the patient can
 * be reached on (so a clinic that turned e-mail off still confirms by SMS, and vice versa) —
 * and push in addition where the patient turned it on. Nothing at all, push included, when the
 * clinic has both SMS and e-mail off for the modality.
 */
export function channelsFor(
  kind: PatientMessageKind,
  settings: NotificationSettings,
  modality: Modality,
  patient: PatientChannels,
): NotificationChannel[] {
  const clinic = modality === 'video' ? settings.video : settings.inPerson;
  if (!clinic.sms && !clinic.email) return [];
  const contact = CONTACT_PREFERENCE[kind].find((channel) => clinic[channel] && patient[channel]);
  const channels: NotificationChannel[] = contact ? [contact] : [];
  if (patient.push) channels.push('push');
  return channels;
}
