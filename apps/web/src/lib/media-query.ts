import { useSyncExternalStore } from 'react';

/** The width from which the client is the Patient Portal rather than the app. */
export const WIDE_QUERY = '(min-width: 768px)';

/** Whether the CSS media query `query` matches now; re-renders when it changes. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}

/** True on wide screens (the Patient Portal), false on narrow ones (the app). */
export function useIsWide(): boolean {
  return useMediaQuery(WIDE_QUERY);
}
