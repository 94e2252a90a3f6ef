import type { Locale } from './catalogue';

export const LOCALE_STORAGE_KEY = 'visitt.locale';

/** The `Intl` locale for each catalogue. */
export const intlLocales: Record<Locale, string> = { nb: 'nb-NO', en: 'en-GB' };

/** Whether `value` is one of the client's languages. */
export function isLocale(value: unknown): value is Locale {
  return value === 'nb' || value === 'en';
}

/**
 * The language to show: the user's saved choice if any, else the first of the browser's
 * languages that is Norwegian (`nb`, `nn`, `no`) or English decides, else Norwegian bokmål.
 */
export function chooseLocale(
  saved: string | null | undefined,
  browserLanguages: readonly string[],
): Locale {
  if (isLocale(saved)) return saved;
  for (const tag of browserLanguages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'nb' || primary === 'nn' || primary === 'no') return 'nb';
    if (primary === 'en') return 'en';
  }
  return 'nb';
}
