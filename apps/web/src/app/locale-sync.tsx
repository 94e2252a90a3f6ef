import { useEffect } from 'react';
import { useMe } from '../features/auth/hooks/use-me';
import { useI18n } from '../i18n';

/**
 * When the user has not chosen a language on this device but has saved one on their account,
 * that one is shown.
 */
export function LocaleSync() {
  const { me } = useMe();
  const { hasSavedChoice, setLocale } = useI18n();
  const saved = me?.locale;
  useEffect(() => {
    if (!hasSavedChoice && saved) void setLocale(saved);
  }, [hasSavedChoice, saved, setLocale]);
  return null;
}
