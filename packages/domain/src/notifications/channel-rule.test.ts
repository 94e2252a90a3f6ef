import { describe, expect, it } from 'vitest';
import {
  CONTACT_PREFERENCE,
  channelsFor,
  type NotificationSettings,
  type PatientChannels,
  type PatientMessageKind,
} from './channel-rule';

const clinic = (sms: boolean, email: boolean): NotificationSettings => ({
  video: { sms, email, remindersMinutesBefore: [1440, 60] },
  inPerson: { sms: true, email: true, remindersMinutesBefore: [1440, 60] },
  confirmations: true,
});
const patient = (email: boolean, sms: boolean, push: boolean): PatientChannels => ({
  email,
  sms,
  push,
});
const KEEP: PatientMessageKind[] = ['confirmation', 'moved', 'cancellation'];

describe('channelsFor', () => {
  // [clinic sms, clinic email] [patient email, sms, push] → confirmation/move/cancellation, reminder
  const table: [[boolean, boolean], [boolean, boolean, boolean], string[], string[]][] = [
    [[true, true], [true, true, false], ['email'], ['sms']],
    [
      [true, true],
      [true, true, true],
      ['email', 'push'],
      ['sms', 'push'],
    ],
    [[true, true], [true, false, false], ['email'], ['email']],
    [[true, true], [false, true, false], ['sms'], ['sms']],
    [[true, true], [false, false, true], ['push'], ['push']],
    [[true, true], [false, false, false], [], []],
    // The clinic turned e-mail off: what would have been e-mail goes by SMS.
    [[true, false], [true, true, false], ['sms'], ['sms']],
    [[true, false], [true, false, true], ['push'], ['push']],
    // The clinic turned SMS off: reminders go by e-mail.
    [[false, true], [true, true, false], ['email'], ['email']],
    [[false, true], [false, true, true], ['push'], ['push']],
    // Both off: nothing, not even push.
    [[false, false], [true, true, true], [], []],
  ];

  it.each(table)(
    'clinic sms/email %j, patient email/sms/push %j → %j, reminders %j',
    ([sms, email], [pe, ps, pp], keep, reminder) => {
      for (const kind of KEEP)
        expect(channelsFor(kind, clinic(sms, email), 'video', patient(pe, ps, pp))).toEqual(keep);
      expect(channelsFor('reminder', clinic(sms, email), 'video', patient(pe, ps, pp))).toEqual(
        reminder,
      );
    },
  );

  it('reads the clinic’s switches for the appointment’s modality', () => {
    expect(
      channelsFor('reminder', clinic(false, true), 'in_person', patient(true, true, false)),
    ).toEqual(['sms']);
  });

  it('never sends one message by both e-mail and SMS, and follows the preference table', () => {
    const bools = [true, false];
    for (const kind of [...KEEP, 'reminder'] as const)
      for (const cs of bools)
        for (const ce of bools)
          for (const pe of bools)
            for (const ps of bools) {
              const channels = channelsFor(kind, clinic(cs, ce), 'video', patient(pe, ps, false));
              expect(channels.length).toBeLessThanOrEqual(1);
              const usable = { email: ce && pe, sms: cs && ps };
              const [first, next] = CONTACT_PREFERENCE[kind];
              const expected = usable[first] ? [first] : usable[next] ? [next] : [];
              expect(channels).toEqual(expected);
            }
  });
});
