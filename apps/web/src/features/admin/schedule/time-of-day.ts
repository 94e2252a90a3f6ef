/**
 * Wall-clock times of day as the hours editor types them: `HH:MM`, a start from 00:00 to 23:59
 * and an end from 00:01 to 24:00 (24:00 is the end of the day). Compared as strings, which is
 * safe because both are zero-padded.
 */

const START = /^([01]\d|2[0-3]):[0-5]\d$/;
const END = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

/**
 * `input` in the `HH:MM` form when it reads as a time of day — `8`, `08`, `800`, `0800`, `8:00`,
 * `8.00` and `08:00` all become `08:00`, `24` becomes `24:00` — otherwise `input` trimmed, so
 * the validation can say what is wrong with what was typed.
 */
export function normalizeTime(input: string): string {
  const value = input.trim();
  const match = /^(\d{1,2})(?:[:.]?(\d{2}))?$/.exec(value);
  if (!match) return value;
  const hours = Number(match[1]);
  const minutes = match[2] === undefined ? 0 : Number(match[2]);
  // `800` is 8:00, but `80` alone is no hour.
  if (match[2] === undefined && match[1]!.length === 2 && hours > 24) return value;
  if (hours > 24 || minutes > 59 || (hours === 24 && minutes !== 0)) return value;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** Whether `value` (normalized) is a valid start, 00:00–23:59. */
export function isStartTime(value: string): boolean {
  return START.test(value);
}

/** Whether `value` (normalized) is a valid end, 00:00–24:00. */
export function isEndTime(value: string): boolean {
  return END.test(value);
}
