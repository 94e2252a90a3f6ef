import type { Locale } from './catalogue';

export const LOCALE_STORAGE_KEY = 'visitt.locale';

/** The client's languages, in the order the language switch offers them. */
export const LOCALES = ['nb', 'nn', 'en'] as const satisfies readonly Locale[];
// Compile-time check: the list holds every language of the API.
export const everyLocaleListed: Exclude<Locale, (typeof LOCALES)[number]> extends never
  ? true
  : never = true;

/**
 * Each language's name in itself (an autonym, `lang` set where shown), the same in every
 * catalogue: a reader looks for their own language's name, not its name in the page's language.
 */
export const LANGUAGE_NAMES: Record<Locale, string> = {
  nb: 'Norsk bokmål',
  nn: 'Norsk nynorsk',
  en: 'English',
};

/** The `Intl` locale for each catalogue. */
export const intlLocales: Record<Locale, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

/** Whether `value` is one of the client's languages. */
export function isLocale(value: unknown): value is Locale {
  return (LOCALES as readonly unknown[]).includes(value);
}

/**
 * The language to show: the user's saved choice if any, else the first of the browser's
 * languages that decides: nynorsk (`nn`), Norwegian bokmål (`nb`, or `no` for Norwegian
 * unspecified), English (`en`); else Norwegian bokmål.
 */
export function chooseLocale(
  saved: string | null | undefined,
  browserLanguages: readonly string[],
): Locale {
  if (isLocale(saved)) return saved;
  for (const tag of browserLanguages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'nn') return 'nn';
    if (primary === 'nb' || primary === 'no') return 'nb';
    if (primary === 'en') return 'en';
  }
  return 'nb';
}
