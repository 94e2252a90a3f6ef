import type { Modality } from '../booking/appointment';
import { DAY, MINUTE, type Instant } from '../time';

export type NotificationChannel = 'email' | 'sms' | 'push';
export type NotificationKind =
  'confirmation' | 'reminder' | 'cancellation' | 'moved' | 'patient_started';

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

export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = {
  video: { sms: true, email: true, remindersMinutesBefore: [24 * 60, 60] },
  inPerson: { sms: true, email: true, remindersMinutesBefore: [24 * 60, 60] },
  confirmations: true,
};

/**
 * Where this patient can be reached: a verified e-mail address or mobile number they have not
 * turned off, and push where they turned it on in the app.
 */
export interface PatientChannels {
  readonly email: boolean;
  readonly sms: boolean;
  readonly push: boolean;
}

/** The parts of an appointment that decide its messages. */
export interface NotifiableAppointment {
  readonly id: string;
  readonly version: number;
  readonly modality: Modality;
  readonly start: Instant;
}

/** One message to send: the row the outbox keeps. `key` is unique per event and channel. */
export interface PlannedNotification {
  readonly kind: NotificationKind;
  readonly channel: NotificationChannel;
  readonly dueAt: Instant;
  /** After this the message is dropped, not sent late. */
  readonly sendBefore: Instant;
  readonly key: string;
}

/**
 * The channels a clinic's patient gets messages on for one appointment: SMS and e-mail as the
 * clinic turned them on for the modality and the patient can be reached there; push (the app)
 * where the patient turned it on, if the clinic sends notifications for such appointments at all.
 */
export function channelsFor(
  settings: NotificationSettings,
  modality: Modality,
  patient: PatientChannels,
): NotificationChannel[] {
  const clinic = modality === 'video' ? settings.video : settings.inPerson;
  const channels: NotificationChannel[] = [];
  if (clinic.sms && patient.sms) channels.push('sms');
  if (clinic.email && patient.email) channels.push('email');
  if ((clinic.sms || clinic.email) && patient.push) channels.push('push');
  return channels;
}

function reminders(
  a: NotifiableAppointment,
  settings: NotificationSettings,
  channels: NotificationChannel[],
  now: Instant,
) {
  const offsets = (a.modality === 'video' ? settings.video : settings.inPerson)
    .remindersMinutesBefore;
  const planned: PlannedNotification[] = [];
  for (const minutes of [...new Set(offsets)].sort((x, y) => y - x)) {
    const dueAt = (a.start - minutes * MINUTE) as Instant;
    // A reminder whose moment has passed (booked 30 minutes ahead) is not sent late.
    if (dueAt <= now) continue;
    for (const channel of channels) {
      planned.push({
        kind: 'reminder',
        channel,
        dueAt,
        sendBefore: a.start,
        key: `${a.id}:v${a.version}:reminder:${minutes}:${channel}`,
      });
    }
  }
  return planned;
}

/** A booking: a confirmation now (if the clinic confirms bookings), and the reminders still ahead. */
export function planBooking(
  a: NotifiableAppointment,
  settings: NotificationSettings,
  patient: PatientChannels,
  now: Instant,
): PlannedNotification[] {
  const channels = channelsFor(settings, a.modality, patient);
  const confirmation: PlannedNotification[] =
    settings.confirmations && a.start > now
      ? channels.map((channel) => ({
          kind: 'confirmation',
          channel,
          dueAt: now,
          sendBefore: a.start,
          key: `${a.id}:v${a.version}:confirmation:${channel}`,
        }))
      : [];
  return [...confirmation, ...reminders(a, settings, channels, now)];
}

/** A cancellation: one message now, worth sending for a day (even after the planned start). */
export function planCancellation(
  a: NotifiableAppointment,
  settings: NotificationSettings,
  patient: PatientChannels,
  now: Instant,
): PlannedNotification[] {
  return channelsFor(settings, a.modality, patient).map((channel) => ({
    kind: 'cancellation',
    channel,
    dueAt: now,
    sendBefore: (now + DAY) as Instant,
    key: `${a.id}:cancellation:${channel}`,
  }));
}

/** A move (`a` is the new version): "moved" now, and the new time's reminders. */
export function planMove(
  a: NotifiableAppointment,
  settings: NotificationSettings,
  patient: PatientChannels,
  now: Instant,
): PlannedNotification[] {
  const channels = channelsFor(settings, a.modality, patient);
  const moved: PlannedNotification[] =
    a.start > now
      ? channels.map((channel) => ({
          kind: 'moved',
          channel,
          dueAt: now,
          sendBefore: a.start,
          key: `${a.id}:v${a.version}:moved:${channel}`,
        }))
      : [];
  return [...moved, ...reminders(a, settings, channels, now)];
}

/** How long to wait before trying a failed send again: 30 s, doubling, at most 10 minutes. */
export function retryDelay(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 10 * 60_000);
}
