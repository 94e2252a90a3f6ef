import { deriveKey, open, seal } from './secret-box';

/**
 * TOTP secrets at rest (`staff_totp.secret_encrypted`): AES-256-GCM under a key derived from the
 * server secret, bound to the user's id (a sealed secret copied to another user's row does not
 * open there).
 */

const totpKey = (serverSecret: string): Buffer => deriveKey(serverSecret, 'totp-secret');
const context = (userId: string) => `staff_totp:${userId}`;

/** Seals a TOTP secret for its user. */
export const sealTotpSecret = (serverSecret: string, userId: string, secret: Buffer): string =>
  seal(totpKey(serverSecret), secret, context(userId));

/** The TOTP secret of a stored row; null when it does not open (tampered, or another key). */
export const openTotpSecret = (
  serverSecret: string,
  userId: string,
  sealed: string,
): Buffer | null => open(totpKey(serverSecret), sealed, context(userId));
