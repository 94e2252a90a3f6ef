import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Locale } from '@visitt/contracts';
import { useI18n } from '../../../i18n';
import { meQueryKey, updateLocale } from '../api/auth-api';
import { useMe } from './use-me';

/**
 * Switches the language, remembers it on this device and, when signed in, saves it on the
 * user so that SMS and e-mail come in it too, once it is shown. The switch does not wait for
 * the server.
 */
export function useChangeLocale(): (locale: Locale) => Promise<boolean> {
  const { setLocale } = useI18n();
  const { me } = useMe();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: updateLocale,
    onSuccess: (updated) => queryClient.setQueryData(meQueryKey, updated),
  });
  // Saved on the user only once the page shows it: a choice that failed, or that a later one
  // overtook, is not the user's language.
  return async (locale) => {
    const isShown = await setLocale(locale, { persist: true });
    if (isShown && me && me.locale !== locale) save.mutate(locale);
    return isShown;
  };
}
