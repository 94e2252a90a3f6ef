import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Encryption of small secrets at rest (TOTP secrets) under a key derived from the server secret.
 * AES-256-GCM with a random 96-bit nonce; the key comes from HKDF-SHA-256 with a purpose label,
 * so the server secret itself is never used as a cipher key and each use gets its own key.
 * Sealed values are `v1.<base64url(nonce | ciphertext | tag)>`.
 */

const VERSION = 'v1';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** A 256-bit key for `purpose`, derived from the server secret. */
export function deriveKey(serverSecret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', serverSecret, 'visitt', `visitt:${purpose}`, 32));
}

/**
 * Encrypts `plaintext`. `context` (e.g. the user's id) is authenticated but not stored: a value
 * copied to another row does not open there.
 */
export function seal(key: Buffer, plaintext: Buffer, context: string): string {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return `${VERSION}.${Buffer.concat([nonce, body, cipher.getAuthTag()]).toString('base64url')}`;
}

/** The plaintext, or null when the value was tampered with, sealed under another key or context. */
export function open(key: Buffer, sealed: string, context: string): Buffer | null {
  const [version, payload] = sealed.split('.');
  if (version !== VERSION || !payload) return null;
  const raw = Buffer.from(payload, 'base64url');
  if (raw.length < NONCE_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, NONCE_BYTES));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
    return Buffer.concat([
      decipher.update(raw.subarray(NONCE_BYTES, raw.length - TAG_BYTES)),
      decipher.final(),
    ]);
  } catch {
    return null;
  }
}
