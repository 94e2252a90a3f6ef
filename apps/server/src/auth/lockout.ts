import type { Instant } from '@visitt/domain';
import { fail, type AppError } from '../core/errors';

/**
 * The refusal for a locked account: 429 `account_locked` with `Retry-After`, and a message that
 * says until when (UTC; the web client shows it in the user's own zone from `Retry-After`).
 */
export function accountLocked(until: Instant, now: Instant): AppError {
  const seconds = Math.max(1, Math.ceil((until - now) / 1000));
  const minutes = Math.ceil(seconds / 60);
  const at = new Date(until).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return fail(
    'account_locked',
    `Too many failed sign-in attempts: the account is locked until ${at} (${minutes} min). Try again then.`,
    { 'retry-after': String(seconds) },
  );
}
