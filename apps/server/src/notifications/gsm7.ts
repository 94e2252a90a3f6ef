/** Characters of the GSM 03.38 default alphabet: one septet each. */
const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** Characters of the extension table: an escape plus one septet, so two each. */
const EXTENSION = '\f^{}\\[~]|€';

const basic = new Set(BASIC);
const extension = new Set(EXTENSION);

/** What one SMS segment holds in GSM-7 (a longer text is split and costs more). */
export const GSM7_SEGMENT = 160;

/**
 * The length of `text` in GSM-7 septets (extension characters such as `€` or `[` count two), or
 * null when a character is outside GSM-7, which would send the whole SMS as UCS-2 (70 per
 * segment).
 */
export function gsm7Length(text: string): number | null {
  let length = 0;
  for (const char of text) {
    if (basic.has(char)) length += 1;
    else if (extension.has(char)) length += 2;
    else return null;
  }
  return length;
}

// Typographic characters people paste into names, and what GSM-7 writes instead.
const REPLACEMENTS: Record<string, string> = {
  '–': '-',
  '—': '-',
  '‐': '-',
  '’': "'",
  '‘': "'",
  '´': "'",
  '`': "'",
  '“': '"',
  '”': '"',
  '«': '"',
  '»': '"',
  '…': '...',
  '\u00a0': ' ',
};

/**
 * `text` written in GSM-7 only: typographic dashes and quotes become plain ones, letters with
 * accents GSM-7 lacks lose the accent (`á` → `a`, `Ł` stays `?`), anything else becomes `?`.
 * Norwegian `æøå` are GSM-7 and stay. Keeps a clinic's name from turning an SMS into UCS-2.
 */
export function toGsm7(text: string): string {
  let out = '';
  for (const char of text) {
    if (basic.has(char) || extension.has(char)) out += char;
    else if (REPLACEMENTS[char] !== undefined) out += REPLACEMENTS[char];
    else {
      const bare = char.normalize('NFD').replace(/\p{M}+/gu, '');
      out += [...bare].every((c) => basic.has(c)) && bare !== '' ? bare : '?';
    }
  }
  return out;
}
