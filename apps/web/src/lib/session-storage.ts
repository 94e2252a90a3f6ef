import { useCallback, useState } from 'react';

/** Reads `key` from sessionStorage, or null when absent or storage is unavailable. */
export function readSession(key: string): string | null {
  try {
    return window.sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Writes (or with null removes) `key` in sessionStorage; silently does nothing if unavailable. */
export function writeSession(key: string, value: string | null): void {
  try {
    if (value == null) window.sessionStorage.removeItem(key);
    else window.sessionStorage.setItem(key, value);
  } catch {
    // Private mode or full storage: the value just is not kept across pages.
  }
}

/** A string state kept in sessionStorage under `key`, so it survives navigation and reloads in this tab. */
export function useSessionState(
  key: string,
  initial = '',
): [string, (value: string) => void, () => void] {
  const [value, setValue] = useState(() => readSession(key) ?? initial);
  const set = useCallback(
    (next: string) => {
      setValue(next);
      writeSession(key, next);
    },
    [key],
  );
  const clear = useCallback(() => {
    setValue(initial);
    writeSession(key, null);
  }, [key, initial]);
  return [value, set, clear];
}
