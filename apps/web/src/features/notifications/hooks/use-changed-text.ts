import { useCallback } from 'react';
import { useI18n } from '../../../i18n';
import { browserTimeZone, formatDayMonth, formatTime, isOtherYear } from '../../../lib/dates';

/**
 * "Slått på 30. november kl. 10:00" / "Slått av …" for a channel choice, on the browser's clock
 * (a choice belongs to the user, not to a clinic), with the year when it is not this year.
 * Null when there is no time to show.
 */
export function useChangedText(): (changedAt: string | null, isOn: boolean) => string | null {
  const { t, intlLocale } = useI18n();
  return useCallback(
    (changedAt, isOn) => {
      if (changedAt == null) return null;
      const zone = browserTimeZone();
      const date = formatDayMonth(
        changedAt,
        zone,
        intlLocale,
        isOtherYear(changedAt, Date.now(), zone),
      );
      const time = formatTime(changedAt, zone, intlLocale);
      return t(isOn ? 'notifications.turnedOnAt' : 'notifications.turnedOffAt', { date, time });
    },
    [t, intlLocale],
  );
}
