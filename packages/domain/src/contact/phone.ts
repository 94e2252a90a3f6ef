// Characters people type between digits; removed before checking.
const SEPARATORS = /[\s\-()]/g;

/**
 * A phone number in E.164 form (`+4791234567`), or `null` when it cannot be one.
 *
 * Spaces, dashes and parentheses are removed; a leading `00` becomes `+`; exactly 8 digits with
 * no prefix are taken as a national number of `defaultCountryCode` (Norway's numbers have 8
 * digits). The result must be `+`, a digit other than 0, and 8–15 digits in all.
 */
export function normalizePhone(input: string, defaultCountryCode = '47'): string | null {
  const compact = input.replace(SEPARATORS, '');
  let candidate: string;
  if (compact.startsWith('+')) candidate = compact;
  else if (compact.startsWith('00')) candidate = `+${compact.slice(2)}`;
  else if (/^\d{8}$/.test(compact) && /^[1-9]\d{0,2}$/.test(defaultCountryCode)) {
    candidate = `+${defaultCountryCode}${compact}`;
  } else return null;
  return /^\+[1-9]\d{7,14}$/.test(candidate) ? candidate : null;
}

/** An e-mail address trimmed and lower-cased, so one mailbox has one spelling. */
export function normalizeEmail(input: string): string {
  return input.trim().toLowerCase();
}
