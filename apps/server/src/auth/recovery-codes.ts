import { randomInt } from 'node:crypto';
import { hmac } from '../lib/crypto';

/**
 * Recovery codes: ten single-use codes for when the phone with the authenticator app is lost.
 * Shown once; only an HMAC of each is stored.
 */

export const RECOVERY_CODE_COUNT = 10;

/** Lower-case letters and digits without the look-alikes 0/o, 1/l/i: easy to read from paper. */
export const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** `xxxx-xxxx`, eight characters uniformly drawn from {@link RECOVERY_ALPHABET} (≈ 39 bits). */
export function newRecoveryCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

export const newRecoveryCodes = (): string[] =>
  Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);

/** A typed code as stored: lower case, without spaces or hyphens. */
export const normalizeRecoveryCode = (typed: string): string =>
  typed.toLowerCase().replace(/[\s-]/g, '');

/** What is stored for a code: an HMAC under the server secret, bound to its user. */
export const recoveryCodeHash = (secret: string, userId: string, code: string): Buffer =>
  hmac(secret, 'recovery-code', userId, normalizeRecoveryCode(code));
