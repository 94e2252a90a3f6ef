import { describe, expect, it } from 'vitest';
import type { MyNotifications } from '@visitt/contracts';
import {
  CONTACT_PREFERENCE,
  DEFAULT_NOTIFICATION_SETTINGS,
  channelsFor,
  type NotificationSettings,
  type PatientMessageKind,
} from '@visitt/domain';
import { translate, type Catalogue } from '../../i18n/catalogue';
import { en, nb } from '../../i18n/all';
import {
  MESSAGE_GROUPS,
  patientChannels,
  ruleKey,
  summaryLines,
  type MessageGroup,
} from './message-rule';

const GROUP_OF: Record<PatientMessageKind, MessageGroup> = {
  confirmation: 'keep',
  moved: 'keep',
  cancellation: 'keep',
  reminder: 'reminder',
  in_person_answer: 'reminder',
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

const contactState = (address: string, reachable: boolean) => ({
  address: reachable ? address : null,
  verified: reachable,
  enabled: true,
  changedAt: null,
});
/** A user reachable on e-mail, SMS and push as given. */
const reachableOn = (email: boolean, sms: boolean, push: boolean): MyNotifications => ({
  email: contactState('kari@example.com', email),
  sms: contactState('+4791234567', sms),
  push: { enabled: push, devices: push ? 1 : 0, changedAt: null },
});

describe('patientChannels', () => {
  it('reads the settings by the domain’s rule: verified, switched on, a device for push', () => {
    expect(patientChannels(reachableOn(true, true, true))).toEqual({
      email: true,
      sms: true,
      push: true,
    });
    const settings = reachableOn(true, true, true);
    expect(
      patientChannels({
        email: { ...settings.email, verified: false },
        sms: { ...settings.sms, enabled: false },
        push: { ...settings.push, devices: 0 },
      }),
    ).toEqual({ email: false, sms: false, push: false });
  });
});

describe('the summary on Min kalender', () => {
  const catalogues = [
    [
      'nb',
      nb,
      {
        email: /e-post/,
        sms: /SMS/,
        push: /push/i,
        ifClinic: /hvis klinikken/,
        kinds: { confirmation: /Bekreftelse/, moved: /flytting/, cancellation: /avbestilling/ },
        reminder: /Påminnelser/,
      },
    ],
    [
      'en',
      en,
      {
        email: /e-mail/,
        sms: /text message/,
        push: /push/i,
        ifClinic: /if your clinic/,
        kinds: { confirmation: /Confirmation/, moved: /move/, cancellation: /cancellation/ },
        reminder: /Reminders/,
      },
    ],
  ] as const;

  /** The summary's lines as shown in `catalogue`. */
  const render = (catalogue: Catalogue, settings: MyNotifications) =>
    summaryLines(settings).map(({ key, route }) =>
      translate(catalogue, key, route ? { route: translate(catalogue, route) } : undefined),
    );

  it.each(catalogues)('%s: names every kind of message in its line', (_, catalogue, words) => {
    const [keep, reminder] = render(catalogue, reachableOn(true, true, false));
    for (const kind of Object.values(words.kinds)) expect(keep).toMatch(kind);
    expect(reminder).toMatch(words.reminder);
  });

  it.each(catalogues)(
    '%s: says where each message goes, whatever the clinic switched on',
    (_, catalogue, words) => {
      for (const email of bools)
        for (const sms of bools)
          for (const push of bools) {
            const settings = reachableOn(email, sms, push);
            const lines = render(catalogue, settings);
            const text = lines.join(' ');
            if (!email && !sms && !push) expect(lines).toEqual([]);
            for (const kind of Object.keys(GROUP_OF) as PatientMessageKind[]) {
              const line = lines.find((l) =>
                GROUP_OF[kind] === 'keep'
                  ? words.kinds.confirmation.test(l)
                  : words.reminder.test(l),
              );
              // The contacts the line names, in the order it names them.
              const named = (['email', 'sms'] as const)
                .filter((contact) => line !== undefined && words[contact].test(line))
                .sort((a, b) => line!.search(words[a]) - line!.search(words[b]));
              // A contact is named only with what the clinic must send for it to be used.
              if (named.length > 0) expect(line).toMatch(words.ifClinic);
              for (const modality of ['video', 'in_person'] as const)
                for (const clinicEmail of bools)
                  for (const clinicSms of bools) {
                    // A clinic that sends neither sends nothing (push included): which messages
                    // a clinic sends at all is its choice, said on the Varsler page.
                    if (!clinicEmail && !clinicSms) continue;
                    const switches = {
                      email: clinicEmail,
                      sms: clinicSms,
                      remindersMinutesBefore: [60],
                    };
                    const clinic: NotificationSettings = {
                      ...DEFAULT_NOTIFICATION_SETTINGS,
                      video: modality === 'video' ? switches : DEFAULT_NOTIFICATION_SETTINGS.video,
                      inPerson:
                        modality === 'in_person'
                          ? switches
                          : DEFAULT_NOTIFICATION_SETTINGS.inPerson,
                    };
                    // The line read literally: the first contact named that the clinic sends,
                    // and push when the summary mentions it.
                    const used = named.find(
                      (contact) => clinic[modality === 'video' ? 'video' : 'inPerson'][contact],
                    );
                    const described = [
                      ...(used ? [used] : []),
                      ...(words.push.test(text) ? ['push'] : []),
                    ];
                    expect(
                      channelsFor(kind, clinic, modality, patientChannels(settings)),
                      `${kind}, ${modality}, clinic e-mail ${clinicEmail} SMS ${clinicSms}: ${text}`,
                    ).toEqual(described);
                  }
            }
          }
    },
  );

  it('says push once, and alone only when there is no contact', () => {
    expect(summaryLines(reachableOn(true, false, true))).toEqual([
      { key: 'notifications.summary.keep', route: 'notifications.summary.route.emailOnly' },
      { key: 'notifications.summary.reminder', route: 'notifications.summary.route.emailOnly' },
      { key: 'notifications.summary.push' },
    ]);
    expect(summaryLines(reachableOn(false, false, true))).toEqual([
      { key: 'notifications.summary.keep', route: 'notifications.summary.route.push' },
      { key: 'notifications.summary.reminder', route: 'notifications.summary.route.push' },
    ]);
    expect(summaryLines(reachableOn(true, true, false))).toEqual([
      { key: 'notifications.summary.keep', route: 'notifications.summary.route.emailThenSms' },
      { key: 'notifications.summary.reminder', route: 'notifications.summary.route.smsThenEmail' },
    ]);
  });
});
