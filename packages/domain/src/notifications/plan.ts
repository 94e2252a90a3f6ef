import type { Modality } from '../booking/appointment';
import { DAY, MINUTE, type Instant } from '../time';
import {
  channelsFor,
  type NotificationChannel,
  type NotificationKind,
  type NotificationSettings,
  type PatientChannels,
} from './channel-rule';

export { channelsFor };
export type { NotificationChannel, NotificationKind, NotificationSettings, PatientChannels };

export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = {
  video: { sms: true, email: true, remindersMinutesBefore: [24 * 60, 60] },
  inPerson: { sms: true, email: true, remindersMinutesBefore: [24 * 60, 60] },
  confirmations: true,
};

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

// Every reminder of an appointment goes out on the channels the rule picks for reminders.
function reminders(
  a: NotifiableAppointment,
  settings: NotificationSettings,
  patient: PatientChannels,
  now: Instant,
) {
  const channels = channelsFor('reminder', settings, a.modality, patient);
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

/**
 * A booking: a confirmation now (if the clinic confirms bookings), and the reminders still ahead,
 * each on the channels {@link channelsFor} picks for its kind.
 */
export function planBooking(
  a: NotifiableAppointment,
  settings: NotificationSettings,
  patient: PatientChannels,
  now: Instant,
): PlannedNotification[] {
  const confirmation: PlannedNotification[] =
    settings.confirmations && a.start > now
      ? channelsFor('confirmation', settings, a.modality, patient).map((channel) => ({
          kind: 'confirmation',
          channel,
          dueAt: now,
          sendBefore: a.start,
          key: `${a.id}:v${a.version}:confirmation:${channel}`,
        }))
      : [];
  return [...confirmation, ...reminders(a, settings, patient, now)];
}

/** A cancellation: one message now, worth sending for a day (even after the planned start). */
export function planCancellation(
  a: NotifiableAppointment,
  settings: NotificationSettings,
  patient: PatientChannels,
  now: Instant,
): PlannedNotification[] {
  return channelsFor('cancellation', settings, a.modality, patient).map((channel) => ({
    kind: 'cancellation',
    channel,
    dueAt: now,
    sendBefore: (now + DAY) as Instant,
    key: `${a.id}:cancellation:${channel}`,
  }));
}

/**
 * The clinic's answer to the patient's request for an in-person appointment instead: one message
 * now (per answer: answering again sends again), worth sending for a day.
 */
export function planInPersonAnswer(
  a: NotifiableAppointment,
  settings: NotificationSettings,
  patient: PatientChannels,
  answeredAt: Instant,
): PlannedNotification[] {
  return channelsFor('in_person_answer', settings, a.modality, patient).map((channel) => ({
    kind: 'in_person_answer',
    channel,
    dueAt: answeredAt,
    sendBefore: (answeredAt + DAY) as Instant,
    key: `${a.id}:in_person_answer:${answeredAt}:${channel}`,
  }));
}

/** A move (`a` is the new version): "moved" now, and the new time's reminders. */
export function planMove(
  a: NotifiableAppointment,
  settings: NotificationSettings,
  patient: PatientChannels,
  now: Instant,
): PlannedNotification[] {
  const moved: PlannedNotification[] =
    a.start > now
      ? channelsFor('moved', settings, a.modality, patient).map((channel) => ({
          kind: 'moved',
          channel,
          dueAt: now,
          sendBefore: a.start,
          key: `${a.id}:v${a.version}:moved:${channel}`,
        }))
      : [];
  return [...moved, ...reminders(a, settings, patient, now)];
}

/** How long to wait before trying a failed send again: 30 s, doubling, at most 10 minutes. */
export function retryDelay(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 10 * 60_000);
}
