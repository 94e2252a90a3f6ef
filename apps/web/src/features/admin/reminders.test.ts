import { describe, expect, it } from 'vitest';
import { checkReminders, draftMinutes, toReminderDraft } from './reminders';

describe('toReminderDraft', () => {
  it('uses the largest unit that divides evenly', () => {
    expect(toReminderDraft(1440)).toEqual({ amount: '1', unit: 'days' });
    expect(toReminderDraft(60)).toEqual({ amount: '1', unit: 'hours' });
    expect(toReminderDraft(2880 + 60)).toEqual({ amount: '49', unit: 'hours' });
    expect(toReminderDraft(90)).toEqual({ amount: '90', unit: 'minutes' });
  });
  it('round-trips with draftMinutes', () => {
    for (const minutes of [1, 15, 60, 90, 1440, 20160]) {
      expect(draftMinutes(toReminderDraft(minutes))).toBe(minutes);
    }
  });
});

describe('draftMinutes', () => {
  it('refuses empty, zero, negative and fractional amounts', () => {
    for (const amount of ['', ' ', '0', '-1', '1.5', 'en']) {
      expect(draftMinutes({ amount, unit: 'hours' })).toBeNull();
    }
    expect(draftMinutes({ amount: ' 2 ', unit: 'hours' })).toBe(120);
  });
});

describe('checkReminders', () => {
  it('gives the minutes, latest reminder first', () => {
    expect(
      checkReminders([
        { amount: '1', unit: 'hours' },
        { amount: '1', unit: 'days' },
      ]),
    ).toEqual({ ok: true, minutes: [1440, 60] });
    expect(checkReminders([])).toEqual({ ok: true, minutes: [] });
  });
  it('marks the draft at fault: invalid, beyond 14 days, or the same time twice', () => {
    expect(
      checkReminders([
        { amount: '24', unit: 'hours' },
        { amount: 'x', unit: 'hours' },
        { amount: '15', unit: 'days' },
        { amount: '1', unit: 'days' },
        { amount: '14', unit: 'days' },
      ]),
    ).toEqual({ ok: false, problems: [null, 'invalid', 'tooFar', 'duplicate', null] });
  });
});
