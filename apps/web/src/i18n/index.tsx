import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import {
  formatLongDate,
  formatMonth,
  formatPlainDate,
  formatShortDate,
  formatTime,
  isOtherYear,
} from '../lib/dates';
import {
  translate,
  type Catalogue,
  type Locale,
  type TranslationKey,
  type Vars,
} from './catalogue';
import { chooseLocale, intlLocales, LOCALE_STORAGE_KEY } from './locale';
import { nb } from './nb';

export type { Locale, TranslationKey } from './catalogue';

/**
 * The catalogues at hand. Bokmål, the default, comes with the first page; another language is
 * fetched when it is chosen (or, before the first render, when the device asks for it), so the
 * first page carries one catalogue, not all.
 */
const catalogues: Partial<Record<Locale, Catalogue>> = { nb };
const loaders: Record<Locale, () => Promise<Catalogue>> = {
  nb: () => Promise.resolve(nb),
  en: async () => (await import('./en')).en,
};

/** Fetches `locale`'s catalogue once; resolves when `t` can use it. */
export async function loadCatalogue(locale: Locale): Promise<void> {
  catalogues[locale] ??= await loaders[locale]();
}

/** The language this device shows first: its saved choice, else its browser's languages. */
export function initialLocale(): Locale {
  return chooseLocale(readSaved(), navigator.languages);
}

export type TFunction = (key: TranslationKey, vars?: Vars) => string;

interface I18nValue {
  locale: Locale;
  /** `nb-NO` or `en-GB`, for `Intl`. */
  intlLocale: string;
  /** Shows `locale` now; `persist` also remembers it as the user's choice on this device. */
  setLocale: (locale: Locale, options?: { persist?: boolean }) => void;
  /** Whether the user has chosen a language on this device. */
  hasSavedChoice: boolean;
  t: TFunction;
}

const I18nContext = createContext<I18nValue | null>(null);

function readSaved(): string | null {
  try {
    return window.localStorage.getItem(LOCALE_STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Provides the language, the translate function and the document's `lang`. */
export function I18nProvider({ children }: { children: ReactNode }) {
  // main.tsx loads this language's catalogue before the first render.
  const [locale, setLocaleState] = useState<Locale>(() => {
    const first = initialLocale();
    return catalogues[first] ? first : 'nb';
  });
  const [hasSavedChoice, setHasSavedChoice] = useState(() => readSaved() != null);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale, options: { persist?: boolean } = {}) => {
    // Shown once its catalogue is here (at once when it already is); a failed fetch leaves the
    // page in the language it has, and the choice is tried again on the next visit.
    void loadCatalogue(next).then(
      () => setLocaleState(next),
      () => undefined,
    );
    if (options.persist) {
      setHasSavedChoice(true);
      try {
        window.localStorage.setItem(LOCALE_STORAGE_KEY, next);
      } catch {
        // Storage unavailable: the choice lasts for this page only.
      }
    }
  }, []);

  const value = useMemo<I18nValue>(
    () => ({
      locale,
      intlLocale: intlLocales[locale],
      setLocale,
      hasSavedChoice,
      t: (key, vars) => translate(catalogues[locale] ?? nb, key, vars),
    }),
    [locale, setLocale, hasSavedChoice],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The language and its controls. */
export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

/** The translate function of the current language: `t('booking.nextFree', { when })`. */
export function useT(): TFunction {
  return useI18n().t;
}

export interface Formatters {
  /** "tirsdag 1. desember" (with the year when not this year) on the clock of `timeZone`. */
  longDate: (iso: string, timeZone: string) => string;
  /** "tir. 1. des." on the clock of `timeZone`. */
  shortDate: (iso: string, timeZone: string) => string;
  /** "08:45" on the clock of `timeZone`. */
  time: (iso: string, timeZone: string) => string;
  /** "tirsdag 1. desember kl. 08:45" on the clock of `timeZone`. */
  dateTime: (iso: string, timeZone: string) => string;
  /** "desember 2026" for `2026-12`. */
  month: (month: string) => string;
  /** "tirsdag 1. desember" for `2026-12-01`. */
  plainDate: (date: string) => string;
}

/** Date and time formatting in the current language. */
export function useFormat(): Formatters {
  const { intlLocale, t } = useI18n();
  return useMemo<Formatters>(() => {
    const longDate = (iso: string, timeZone: string) =>
      formatLongDate(iso, timeZone, intlLocale, isOtherYear(iso, Date.now(), timeZone));
    const time = (iso: string, timeZone: string) => formatTime(iso, timeZone, intlLocale);
    return {
      longDate,
      shortDate: (iso, timeZone) =>
        formatShortDate(iso, timeZone, intlLocale, isOtherYear(iso, Date.now(), timeZone)),
      time,
      dateTime: (iso, timeZone) =>
        t('dates.dateAtTime', { date: longDate(iso, timeZone), time: time(iso, timeZone) }),
      month: (month) => formatMonth(month, intlLocale),
      plainDate: (date) => formatPlainDate(date, intlLocale),
    };
  }, [intlLocale, t]);
}
