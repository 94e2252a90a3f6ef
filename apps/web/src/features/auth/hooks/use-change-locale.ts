import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Locale } from '@visitt/contracts';
import { useI18n } from '../../../i18n';
import { meQueryKey, updateLocale } from '../api/auth-api';
import { useMe } from './use-me';

/**
 * Switches the language, remembers it on this device and, when signed in, saves it on the
 * user so that SMS and e-mail come in it too. The switch does not wait for the server.
 */
export function useChangeLocale(): (locale: Locale) => void {
  const { setLocale } = useI18n();
  const { me } = useMe();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: updateLocale,
    onSuccess: (updated) => queryClient.setQueryData(meQueryKey, updated),
  });
  return (locale) => {
    setLocale(locale, { persist: true });
    if (me && me.locale !== locale) save.mutate(locale);
  };
}
