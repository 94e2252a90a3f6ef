import type { MyNotifications } from '@visitt/contracts';
import {
  CONTACT_PREFERENCE,
  reachableChannels,
  type ContactChannel,
  type PatientChannels,
  type PatientMessageKind,
} from '@visitt/domain';
import type { TranslationKey } from '../../i18n';

/**
 * The groups the screens describe: messages to keep (confirmation, move, cancellation), and
 * reminders with the clinic's answer to a request for an in-person appointment. Each group shares one entry of the domain's preference table, checked in the test.
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

/** Where this user can be reached now, by the domain's rule (the one the server sends by). */
export function patientChannels(settings: MyNotifications): PatientChannels {
  return reachableChannels({
    email: {
      given: settings.email.address !== null,
      verified: settings.email.verified,
      enabled: settings.email.enabled,
    },
    sms: {
      given: settings.sms.address !== null,
      verified: settings.sms.verified,
      enabled: settings.sms.enabled,
    },
    push: settings.push,
  });
}

/** Where a group of messages can go for this user, whatever the clinic has switched on. */
export interface SummaryRoute {
  /** The contacts this user can be reached on, in the order the rule tries them. */
  readonly contacts: readonly ContactChannel[];
  /** Push comes in addition. */
  readonly push: boolean;
}

/**
 * Where each group of messages can go for this user. The web does not know which clinics the
 * user's appointments are with, nor whether a clinic turned e-mail or SMS off, so the summary
 * names every contact the rule may use, in its order, and says when the next one is used.
 */
export function summaryRoutes(settings: MyNotifications): Record<MessageGroup, SummaryRoute> {
  const patient = patientChannels(settings);
  const route = (group: MessageGroup): SummaryRoute => ({
    contacts: CONTACT_PREFERENCE[MESSAGE_GROUPS[group]].filter((contact) => patient[contact]),
    push: patient.push,
  });
  return { keep: route('keep'), reminder: route('reminder') };
}

/**
 * The catalogue key of a group's route in words: the first contact, and the next one "if the
 * clinic does not send" the first; a single contact "if the clinic sends" it; push alone when
 * there is no contact. Null when nothing reaches the user.
 */
export function summaryRouteKey(route: SummaryRoute): TranslationKey | null {
  const [first, next] = route.contacts;
  if (first === 'email')
    return next
      ? 'notifications.summary.route.emailThenSms'
      : 'notifications.summary.route.emailOnly';
  if (first === 'sms')
    return next
      ? 'notifications.summary.route.smsThenEmail'
      : 'notifications.summary.route.smsOnly';
  return route.push ? 'notifications.summary.route.push' : null;
}

/** One line of the summary: a catalogue key, and the key of the route it names, if any. */
export interface SummaryLine {
  readonly key: TranslationKey;
  readonly route?: TranslationKey;
}

/**
 * The summary on Min kalender, line by line: where messages to keep go, where reminders go, and
 * that push comes in addition (said once, and only next to a contact: push alone is the route).
 * Empty when nothing reaches the user.
 */
export function summaryLines(settings: MyNotifications): SummaryLine[] {
  const routes = summaryRoutes(settings);
  const lines: SummaryLine[] = [];
  for (const group of ['keep', 'reminder'] as const) {
    const route = summaryRouteKey(routes[group]);
    if (route) lines.push({ key: `notifications.summary.${group}`, route });
  }
  if (routes.keep.push && routes.keep.contacts.length > 0)
    lines.push({ key: 'notifications.summary.push' });
  return lines;
}
