/** Reminders go out at most 14 days before the start (the contract's limit). */
export const MAX_REMINDER_MINUTES = 14 * 24 * 60;
/** At most this many reminders per kind of appointment (the contract's limit). */
export const MAX_REMINDERS = 5;

export type ReminderUnit = 'minutes' | 'hours' | 'days';

const MINUTES_PER: Record<ReminderUnit, number> = { minutes: 1, hours: 60, days: 24 * 60 };

/** A reminder time as the administrator edits it: a number as typed, and its unit. */
export interface ReminderDraft {
  amount: string;
  unit: ReminderUnit;
}

export type ReminderProblem = 'invalid' | 'tooFar' | 'duplicate';

/** `1440` → 1 day, `90` → 90 minutes, `120` → 2 hours: the largest unit that divides evenly. */
export function toReminderDraft(minutes: number): ReminderDraft {
  if (minutes % MINUTES_PER.days === 0)
    return { amount: String(minutes / MINUTES_PER.days), unit: 'days' };
  if (minutes % MINUTES_PER.hours === 0)
    return { amount: String(minutes / MINUTES_PER.hours), unit: 'hours' };
  return { amount: String(minutes), unit: 'minutes' };
}

/** The minutes of a draft, or null when the amount is not a whole number from 1. */
export function draftMinutes(draft: ReminderDraft): number | null {
  const text = draft.amount.trim();
  if (!/^\d+$/.test(text)) return null;
  const amount = Number(text);
  return amount >= 1 ? amount * MINUTES_PER[draft.unit] : null;
}

/**
 * Checks reminder drafts: each a whole number of at least 1 minute, at most 14 days, and no
 * two at the same time. Gives the minutes, latest reminder first (as the API shows them), or
 * a problem per draft (null where that draft is fine).
 */
export function checkReminders(
  drafts: readonly ReminderDraft[],
): { ok: true; minutes: number[] } | { ok: false; problems: (ReminderProblem | null)[] } {
  const values = drafts.map(draftMinutes);
  const problems = values.map((value, i): ReminderProblem | null => {
    if (value === null) return 'invalid';
    if (value > MAX_REMINDER_MINUTES) return 'tooFar';
    if (values.indexOf(value) < i) return 'duplicate';
    return null;
  });
  if (problems.some((p) => p !== null)) return { ok: false, problems };
  return { ok: true, minutes: (values as number[]).sort((a, b) => b - a) };
}
