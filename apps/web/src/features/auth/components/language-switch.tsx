import { useState } from 'react';
import { isLocale } from '../../../i18n/locale';
import { useI18n } from '../../../i18n';
import { Icon } from '../../../components/ui/icon';
import { useChangeLocale } from '../hooks/use-change-locale';

/**
 * "English" in Norwegian, "Norsk" in English: each shown in its own language (`lang`), so the
 * button reads correctly whatever language the page is in.
 */
export function LanguageSwitch({ className }: { className?: string }) {
  const { t } = useI18n();
  const changeLocale = useChangeLocale();
  const [announcement, setAnnouncement] = useState('');
  const target = t('language.switchToLang');

  function handleClick() {
    if (!isLocale(target)) return;
    changeLocale(target);
    setAnnouncement(target);
  }

  return (
    <>
      <button
        type="button"
        className={`lang-switch${className ? ` ${className}` : ''}`}
        lang={target}
        onClick={handleClick}
      >
        <Icon name="globe" />
        <span>{t('language.switchTo')}</span>
      </button>
      <span className="visually-hidden" role="status">
        {announcement ? t('language.changed') : ''}
      </span>
    </>
  );
}
