import { useId, useRef, useState } from 'react';
import { Icon } from '../../../components/ui/icon';
import { useI18n, type Locale } from '../../../i18n';
import { isLocale, LANGUAGE_NAMES, LOCALES } from '../../../i18n/locale';
import { useChangeLocale } from '../hooks/use-change-locale';

/**
 * The language chooser: a native select ("Språk"), each language named in itself with its own
 * `lang`, so a reader finds theirs whatever language the page is in. The change is announced in
 * the new language once its texts are here.
 */
export function LanguageSwitch({ className }: { className?: string }) {
  const { t, locale } = useI18n();
  const changeLocale = useChangeLocale();
  const id = useId();
  // The choice shows at once; the page follows when the language's texts have come.
  const [chosen, setChosen] = useState<Locale | null>(null);
  const [outcome, setOutcome] = useState<'changed' | 'failed' | null>(null);
  const latest = useRef<Locale | null>(null);

  return (
    <>
      <span className={`lang-switch${className ? ` ${className}` : ''}`}>
        <Icon name="globe" />
        <label htmlFor={id} className="visually-hidden">
          {t('language.label')}
        </label>
        <select
          id={id}
          className="lang-switch__select"
          value={chosen ?? locale}
          lang={chosen ?? locale}
          onChange={(event) => {
            const next = event.target.value;
            if (!isLocale(next)) return;
            latest.current = next;
            setChosen(next);
            setOutcome(null);
            void changeLocale(next).then((isShown) => {
              // A later choice speaks for itself; this one ends here.
              if (latest.current !== next) return;
              latest.current = null;
              // The select shows the page's language again: the new one, or the old on failure.
              setChosen(null);
              setOutcome(isShown ? 'changed' : 'failed');
            });
          }}
        >
          {LOCALES.map((option) => (
            <option key={option} value={option} lang={option}>
              {LANGUAGE_NAMES[option]}
            </option>
          ))}
        </select>
      </span>
      <span className="visually-hidden" role="status">
        {outcome === 'changed'
          ? t('language.changed')
          : outcome === 'failed'
            ? t('language.failed')
            : ''}
      </span>
    </>
  );
}
