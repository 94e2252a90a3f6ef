import type { MyNotifications } from '@visitt/contracts';
import {
  CONTACT_PREFERENCE,
  DEFAULT_NOTIFICATION_SETTINGS,
  channelsFor,
  type ContactChannel,
  type NotificationChannel,
  type PatientMessageKind,
} from '@visitt/domain';
import type { TranslationKey } from '../../i18n';

/**
 * The groups the screens describe: messages to keep (confirmation, move, cancellation) and
 * reminders. Each group shares one entry of the domain's preference table, checked in the test.
 */
export const MESSAGE_GROUPS = {
  keep: 'confirmation',
  reminder: 'reminder',
} as const satisfies Record<string, PatientMessageKind>;
export type MessageGroup = keyof typeof MESSAGE_GROUPS;

/**
 * The catalogue key that says, in words, where a group's messages go: chosen by the contact the
 * domain's rule tries first, so the sentence shown is the rule that is applied.
 */
export function ruleKey(group: MessageGroup): TranslationKey {
  const first: ContactChannel = CONTACT_PREFERENCE[MESSAGE_GROUPS[group]][0];
  return first === 'email' ? 'notifications.rule.emailFirst' : 'notifications.rule.smsFirst';
}

/** Where this user can be reached now, in the domain's terms (verified, switched on, devices). */
export function patientChannels(settings: MyNotifications) {
  return {
    email: Boolean(settings.email.address && settings.email.verified && settings.email.enabled),
    sms: Boolean(settings.sms.address && settings.sms.verified && settings.sms.enabled),
    push: settings.push.enabled && settings.push.devices > 0,
  };
}

/**
 * Where each group of messages goes for this user today, by the domain's rule, for a clinic that
 * sends both e-mail and SMS (a clinic that turned one off uses the other).
 */
export function currentRoutes(
  settings: MyNotifications,
): Record<MessageGroup, NotificationChannel[]> {
  const patient = patientChannels(settings);
  const route = (group: MessageGroup) =>
    channelsFor(MESSAGE_GROUPS[group], DEFAULT_NOTIFICATION_SETTINGS, 'video', patient);
  return { keep: route('keep'), reminder: route('reminder') };
}
