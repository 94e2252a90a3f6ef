import { describe, expect, it } from 'vitest';
import type { MyNotifications } from '@visitt/contracts';
import {
  CONTACT_PREFERENCE,
  DEFAULT_NOTIFICATION_SETTINGS,
  channelsFor,
  type NotificationSettings,
  type PatientMessageKind,
} from '@visitt/domain';
import { translate } from '../../i18n/catalogue';
import { en } from '../../i18n/en';
import { nb } from '../../i18n/nb';
import { MESSAGE_GROUPS, currentRoutes, ruleKey, type MessageGroup } from './message-rule';

const GROUP_OF: Record<PatientMessageKind, MessageGroup> = {
  confirmation: 'keep',
  moved: 'keep',
  cancellation: 'keep',
  reminder: 'reminder',
};
const bools = [true, false];

/** Which contact a described sentence puts first, read from the words themselves. */
function describedFirst(sentence: string, words: { email: RegExp; sms: RegExp }) {
  const email = sentence.search(words.email);
  const sms = sentence.search(words.sms);
  expect(email).toBeGreaterThanOrEqual(0);
  expect(sms).toBeGreaterThanOrEqual(0);
  return email < sms ? 'email' : 'sms';
}

describe('the channel rule as the screens describe it', () => {
  it.each([
    ['nb', nb, { email: /e-post/, sms: /SMS/ }],
    ['en', en, { email: /e-mail/, sms: /text message/ }],
  ] as const)(
    '%s: each sentence names first the contact the domain tries first',
    (_, catalogue, words) => {
      for (const kind of Object.keys(GROUP_OF) as PatientMessageKind[]) {
        const sentence = translate(catalogue, ruleKey(GROUP_OF[kind]));
        expect(describedFirst(sentence, words), kind).toBe(CONTACT_PREFERENCE[kind][0]);
      }
    },
  );

  it('matches the function: first contact if usable, else the other, never both; push added', () => {
    for (const kind of Object.keys(GROUP_OF) as PatientMessageKind[]) {
      // Every kind in a group follows the group's sentence.
      expect(CONTACT_PREFERENCE[kind]).toEqual(CONTACT_PREFERENCE[MESSAGE_GROUPS[GROUP_OF[kind]]]);
      const sentence = translate(nb, ruleKey(GROUP_OF[kind]));
      const first = describedFirst(sentence, { email: /e-post/, sms: /SMS/ });
      const other = first === 'email' ? 'sms' : 'email';
      for (const clinicEmail of bools)
        for (const clinicSms of bools)
          for (const email of bools)
            for (const sms of bools)
              for (const push of bools) {
                const clinic: NotificationSettings = {
                  ...DEFAULT_NOTIFICATION_SETTINGS,
                  video: {
                    ...DEFAULT_NOTIFICATION_SETTINGS.video,
                    email: clinicEmail,
                    sms: clinicSms,
                  },
                };
                const usable = { email: clinicEmail && email, sms: clinicSms && sms };
                // "If the clinic turned one off, it uses the other"; with both off, nothing.
                const described =
                  !clinicEmail && !clinicSms
                    ? []
                    : [
                        ...(usable[first] ? [first] : usable[other] ? [other] : []),
                        ...(push ? ['push'] : []),
                      ];
                expect(channelsFor(kind, clinic, 'video', { email, sms, push })).toEqual(described);
              }
    }
  });
});

describe('currentRoutes', () => {
  const settings = (email: boolean, sms: boolean, devices: number): MyNotifications => ({
    email: {
      address: email ? 'a@example.com' : null,
      verified: email,
      enabled: true,
      changedAt: null,
    },
    sms: { address: sms ? '+4791234567' : null, verified: sms, enabled: true, changedAt: null },
    push: { enabled: devices > 0, devices, changedAt: null },
  });

  it('shows where each group goes for this patient', () => {
    expect(currentRoutes(settings(true, true, 0))).toEqual({ keep: ['email'], reminder: ['sms'] });
    expect(currentRoutes(settings(true, false, 1))).toEqual({
      keep: ['email', 'push'],
      reminder: ['email', 'push'],
    });
    expect(currentRoutes(settings(false, true, 0))).toEqual({ keep: ['sms'], reminder: ['sms'] });
    expect(currentRoutes(settings(false, false, 0))).toEqual({ keep: [], reminder: [] });
  });
});
