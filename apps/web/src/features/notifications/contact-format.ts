import type { MyNotifications } from '@visitt/contracts';
import { patientChannels } from './message-rule';

/** Where messages can go: an e-mail address or a mobile number (SMS), plus push. */
export type ContactKind = 'email' | 'sms';
export type MessageChannel = ContactKind | 'push';

// Characters people type between digits (the server removes the same ones).
const SEPARATORS = /[\s\-()]/g;

/**
 * The mobile number `input` as the server will store it (E.164, `+4791234567`), or null when it
 * cannot be one: spaces, dashes and parentheses go, a leading `00` becomes `+`, and exactly 8
 * digits without a prefix are a Norwegian number. Mirrors the server's rule so a typo is caught
 * before a code is sent; the server decides.
 */
export function normalizePhoneInput(input: string): string | null {
  const compact = input.trim().replace(SEPARATORS, '');
  let candidate: string;
  if (compact.startsWith('+')) candidate = compact;
  else if (compact.startsWith('00')) candidate = `+${compact.slice(2)}`;
  else if (/^\d{8}$/.test(compact)) candidate = `+47${compact}`;
  else return null;
  return /^\+[1-9]\d{7,14}$/.test(candidate) ? candidate : null;
}

/**
 * A stored number written the way people read it: Norwegian mobile numbers (starting with 4 or
 * 9) as `+47 912 34 567`, other Norwegian numbers as `+47 22 12 34 56`. Numbers from elsewhere
 * stay as they are, since their grouping differs per country.
 */
export function formatPhoneNumber(value: string): string {
  const match = /^\+47(\d{8})$/.exec(value.replace(SEPARATORS, ''));
  if (!match) return value;
  const digits = match[1]!;
  return /^[49]/.test(digits)
    ? `+47 ${digits.slice(0, 3)} ${digits.slice(3, 5)} ${digits.slice(5)}`
    : `+47 ${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4, 6)} ${digits.slice(6)}`;
}

/** An e-mail address the way the server keeps it (trimmed, lower case), for comparisons. */
export function normalizeEmailInput(input: string): string {
  return input.trim().toLowerCase();
}

/**
 * Whether `input` is the address the user already has for `kind` (so sending a code to it would
 * change nothing). Compared in the server's normal form.
 */
export function isCurrentAddress(
  kind: ContactKind,
  input: string,
  current: string | null,
): boolean {
  if (current == null) return false;
  if (kind === 'email') return normalizeEmailInput(input) === normalizeEmailInput(current);
  const phone = normalizePhoneInput(input);
  return phone != null && phone === normalizePhoneInput(current);
}

/**
 * The channels that deliver messages now, in display order, by the domain's rule: a verified
 * address switched on, and push when at least one device is registered and it is on.
 */
export function activeChannels(settings: MyNotifications): MessageChannel[] {
  const reachable = patientChannels(settings);
  return (['email', 'sms', 'push'] as const).filter((channel) => reachable[channel]);
}
