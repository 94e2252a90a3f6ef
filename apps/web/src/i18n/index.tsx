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
  type CoreCatalogue,
  type Locale,
  type StaffCatalogue,
  type TranslationKey,
  type Vars,
} from './catalogue';
import { chooseLocale, intlLocales, LOCALE_STORAGE_KEY } from './locale';
import { nb } from './nb';

export type { Locale, TranslationKey } from './catalogue';

/**
 * The texts at hand, per language. Bokmål's common texts come with the first page; another
 * language is fetched when it is chosen (or, before the first render, when the device asks for
 * it), and the staff pages' texts are fetched with those pages (`loadStaffTexts`), so a
 * patient's first page carries one language's common texts only.
 */
const catalogues: Partial<Record<Locale, CoreCatalogue & Partial<StaffCatalogue>>> = {
  nb: { ...nb },
};
const coreLoaders: Record<Locale, () => Promise<CoreCatalogue>> = {
  nb: () => Promise.resolve(nb),
  nn: async () => (await import('./nn')).nn,
  en: async () => (await import('./en')).en,
};
const staffLoaders: Record<Locale, () => Promise<StaffCatalogue>> = {
  nb: async () => (await import('./nb-staff')).nbStaff,
  nn: async () => (await import('./nn-staff')).nnStaff,
  en: async () => (await import('./en-staff')).enStaff,
};
const hasStaffTexts = new Set<Locale>();
/** Whether a staff page has been opened: a language chosen later comes with its staff texts. */
let isStaffNeeded = false;
/** The language on screen, for `loadStaffTexts`. */
let shownLocale: Locale = 'nb';
/** Counts the choices of language: only the latest one is shown when its texts come. */
let latestLocaleRequest = 0;

async function loadStaffPart(locale: Locale): Promise<void> {
  if (hasStaffTexts.has(locale)) return;
  const part = await staffLoaders[locale]();
  Object.assign((catalogues[locale] ??= { ...(await coreLoaders[locale]()) }), part);
  hasStaffTexts.add(locale);
}

/** Fetches `locale`'s texts once (with the staff texts once a staff page has been opened). */
export async function loadCatalogue(locale: Locale): Promise<void> {
  catalogues[locale] ??= { ...(await coreLoaders[locale]()) };
  if (isStaffNeeded) await loadStaffPart(locale);
}

/**
 * Fetches the staff pages' texts, for every language at hand (the one on screen, and one being
 * switched to); a staff page waits for it.
 */
export async function loadStaffTexts(): Promise<void> {
  isStaffNeeded = true;
  await Promise.all(
    (Object.keys(catalogues) as Locale[])
      .concat(shownLocale)
      .map((locale) => loadStaffPart(locale)),
  );
}

/** The language this device shows first: its saved choice, else its browser's languages. */
export function initialLocale(): Locale {
  return chooseLocale(readSaved(), navigator.languages);
}

export type TFunction = (key: TranslationKey, vars?: Vars) => string;

interface I18nValue {
  locale: Locale;
  /** `nb-NO`, `nn-NO` or `en-GB`, for `Intl`. */
  intlLocale: string;
  /**
   * Shows `locale` once its texts are here; `persist` then also remembers it as the user's
   * choice on this device. Resolves true when it is shown; false when its texts could not be
   * fetched, or a later choice came first (the last choice wins).
   */
  setLocale: (locale: Locale, options?: { persist?: boolean }) => Promise<boolean>;
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
    shownLocale = catalogues[first] ? first : 'nb';
    return shownLocale;
  });
  const [hasSavedChoice, setHasSavedChoice] = useState(() => readSaved() != null);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback(
    async (next: Locale, options: { persist?: boolean } = {}): Promise<boolean> => {
      const request = ++latestLocaleRequest;
      try {
        await loadCatalogue(next);
      } catch {
        // The page stays in the language it has; nothing is remembered.
        return false;
      }
      if (request !== latestLocaleRequest) return false;
      shownLocale = next;
      setLocaleState(next);
      if (options.persist) {
        setHasSavedChoice(true);
        try {
          window.localStorage.setItem(LOCALE_STORAGE_KEY, next);
        } catch {
          // Storage unavailable: the choice lasts for this page only.
        }
      }
      return true;
    },
    [],
  );

  const value = useMemo<I18nValue>(
    () => ({
      locale,
      intlLocale: intlLocales[locale],
      setLocale,
      hasSavedChoice,
      // A staff text is only asked for on a staff page, which has loaded the staff texts.
      t: (key, vars) => translate((catalogues[locale] ?? nb) as Catalogue, key, vars),
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
