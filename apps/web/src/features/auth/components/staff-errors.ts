import { useI18n } from '../../../i18n';
import { isApiError } from '../../../lib/api';
import { browserTimeZone, formatTime } from '../../../lib/dates';

/** Refusals after which the sign-in under way is gone or stuck: only starting again helps. */
export function needsRestart(error: unknown): boolean {
  return isApiError(error, 'sign_in_expired', 'wrong_sign_in_step', 'account_locked');
}

/**
 * The message for a refusal of the staff sign-in: a locked account and too many attempts say
 * when to try again (on the browser's clock, from `Retry-After`); the rest by their code.
 */
export function useStaffSignInError(): (error: unknown) => string {
  const { t, intlLocale } = useI18n();
  const at = (seconds: number) =>
    formatTime(Date.now() + seconds * 1000, browserTimeZone(), intlLocale);
  return (error) => {
    if (isApiError(error, 'account_locked')) {
      const seconds = error.retryAfterSeconds;
      return seconds == null
        ? t('errors.account_locked')
        : t('staffAuth.lockedUntil', { time: at(seconds) });
    }
    if (isApiError(error, 'rate_limited')) {
      const seconds = error.retryAfterSeconds;
      if (seconds == null || seconds < 60) return t('auth.retrySoon');
      return t('auth.retryAt', { time: at(seconds) });
    }
    if (isApiError(error, 'validation_failed')) return t('auth.invalidEmail');
    return isApiError(error) ? t(`errors.${error.code}`) : t('errors.unexpected');
  };
}
