import { useMemo } from 'react';
import { useI18n } from '../../../i18n';
import { formatDayMonth, formatTime, isOtherYear } from '../../../lib/dates';
import { wallClockAsUtc } from '../hours-conflict';

export interface ClinicClock {
  /** "27. november" (with the year when not this year). */
  date: (iso: string) => string;
  /** "27. november kl. 12:40". */
  dateTime: (iso: string) => string;
}

/**
 * Formats times the admin API wrote on the clinic's clock (ISO with the clinic's offset) on that
 * same clock, without knowing the zone's name: the wall-clock part of the text is what is shown.
 */
export function useClinicClock(): ClinicClock {
  const { t, intlLocale } = useI18n();
  return useMemo(() => {
    const date = (iso: string) => {
      const wall = wallClockAsUtc(iso);
      return formatDayMonth(wall, 'UTC', intlLocale, isOtherYear(wall, Date.now(), 'UTC'));
    };
    return {
      date,
      dateTime: (iso) =>
        t('dates.dateAtTime', {
          date: date(iso),
          time: formatTime(wallClockAsUtc(iso), 'UTC', intlLocale),
        }),
    };
  }, [t, intlLocale]);
}
