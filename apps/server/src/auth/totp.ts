import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * TOTP (RFC 6238) on HOTP (RFC 4226) with node:crypto: HMAC-SHA-1, 6 digits, 30-second steps,
 * what every authenticator app speaks. Small enough to own (and to test against the RFCs'
 * published vectors) rather than take a dependency for.
 */

export const TOTP_PERIOD_MS = 30_000;
export const TOTP_DIGITS = 6;
/** Steps accepted on either side of the server's: clocks of phones drift, people type slowly. */
export const TOTP_WINDOW = 1;
/** 160 bits, as RFC 4226 recommends for HMAC-SHA-1. */
export const TOTP_SECRET_BYTES = 20;

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 without padding, the form authenticator apps take. */
export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** Reads base32 (case, spaces and padding ignored); throws on any other character. */
export function base32Decode(text: string): Buffer {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) throw new Error('not base32');
    value = ((value << 5) | index) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** A fresh random secret. */
export const newTotpSecret = (): Buffer => randomBytes(TOTP_SECRET_BYTES);

/** HOTP (RFC 4226 §5.3): dynamic truncation of HMAC(secret, counter), `digits` long. */
export function hotp(
  secret: Uint8Array,
  counter: number,
  digits = TOTP_DIGITS,
  algorithm: 'sha1' | 'sha256' | 'sha512' = 'sha1',
): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm, secret).update(message).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The 30-second step `at` (epoch milliseconds) falls in. */
export const totpStep = (at: number): number => Math.floor(at / TOTP_PERIOD_MS);

/** The code of one step. */
export const totpCode = (secret: Uint8Array, step: number, digits = TOTP_DIGITS): string =>
  hotp(secret, step, digits);

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: 'wrong' | 'reused' };

/**
 * Checks a code typed at `now` against the steps around it (±{@link TOTP_WINDOW}). A code whose
 * step is not after `lastUsedStep` is refused as reused, so a code seen over a shoulder or in a
 * proxy log cannot be played again, not even within its 90 seconds. Returns the matched step,
 * which the caller stores as the new `lastUsedStep`.
 */
export function checkTotp(
  secret: Uint8Array,
  code: string,
  now: number,
  lastUsedStep: number | null,
): TotpCheck {
  const typed = Buffer.from(code.slice(0, 16));
  const current = totpStep(now);
  let unused: number | null = null;
  let used = false;
  // Every candidate is compared (no early exit), so timing does not tell which step matched.
  for (let step = current - TOTP_WINDOW; step <= current + TOTP_WINDOW; step++) {
    const expected = Buffer.from(totpCode(secret, step));
    if (expected.length !== typed.length || !timingSafeEqual(expected, typed)) continue;
    if (lastUsedStep !== null && step <= lastUsedStep) used = true;
    else unused ??= step;
  }
  if (unused !== null) return { ok: true, step: unused };
  return { ok: false, reason: used ? 'reused' : 'wrong' };
}

/** The name apps show for the account: `Visitt:<e-mail>`. */
export const TOTP_ISSUER = 'Visitt';

/**
 * The `otpauth://` link of Google's Key URI format. The e-mail is percent-encoded, so whatever it
 * holds cannot change the link's structure.
 */
export function otpauthUri(email: string, secretBase32: string): string {
  const label = `${encodeURIComponent(TOTP_ISSUER)}:${encodeURIComponent(email)}`;
  const query = new URLSearchParams({
    secret: secretBase32,
    issuer: TOTP_ISSUER,
    algorithm: 'SHA1',
    digits: String(TOTP_DIGITS),
    period: String(TOTP_PERIOD_MS / 1000),
  });
  return `otpauth://totp/${label}?${query.toString()}`;
}
