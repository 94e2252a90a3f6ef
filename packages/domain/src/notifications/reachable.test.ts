import { describe, expect, it } from 'vitest';
import { reachableChannels, type ContactState } from './reachable';

const contact = (given: boolean, verified: boolean, enabled: boolean): ContactState => ({
  given,
  verified,
  enabled,
});
const none = contact(false, false, false);
const pushOff = { enabled: false, devices: 0 };

describe('reachableChannels', () => {
  // [given, verified, enabled] → reachable, the same for e-mail and SMS
  const contacts: [[boolean, boolean, boolean], boolean][] = [
    [[true, true, true], true],
    // Turned off by the patient.
    [[true, true, false], false],
    // Not verified yet: nothing goes to an address nobody proved is theirs.
    [[true, false, true], false],
    [[true, false, false], false],
    // No address at all (a stale "verified" or switch does not make one).
    [[false, true, true], false],
    [[false, false, true], false],
    [[false, false, false], false],
  ];

  it.each(contacts)('e-mail %j → %s', ([given, verified, enabled], expected) => {
    expect(
      reachableChannels({ email: contact(given, verified, enabled), sms: none, push: pushOff }),
    ).toEqual({ email: expected, sms: false, push: false });
  });

  it.each(contacts)('SMS %j → %s', ([given, verified, enabled], expected) => {
    expect(
      reachableChannels({ email: none, sms: contact(given, verified, enabled), push: pushOff }),
    ).toEqual({ email: false, sms: expected, push: false });
  });

  // [switched on, devices] → push
  it.each([
    [true, 1, true],
    [true, 3, true],
    [true, 0, false],
    [false, 2, false],
    [false, 0, false],
  ] as const)('push on %s with %i devices → %s', (enabled, devices, expected) => {
    expect(reachableChannels({ email: none, sms: none, push: { enabled, devices } })).toEqual({
      email: false,
      sms: false,
      push: expected,
    });
  });

  it('decides each channel on its own', () => {
    expect(
      reachableChannels({
        email: contact(true, true, true),
        sms: contact(true, true, false),
        push: { enabled: true, devices: 1 },
      }),
    ).toEqual({ email: true, sms: false, push: true });
  });
});
