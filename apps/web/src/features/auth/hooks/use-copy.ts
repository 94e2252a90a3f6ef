import { useCallback, useEffect, useRef, useState } from 'react';
import { useT } from '../../../i18n';

/**
 * Copies text to the clipboard and says how it went ("Kopiert." or how to copy by hand), for a
 * polite live region next to the button. The message goes away after a few seconds.
 */
export function useCopy(): { copy: (text: string) => void; status: string } {
  const t = useT();
  const [status, setStatus] = useState('');
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const copy = useCallback(
    (text: string) => {
      const done = (message: string) => {
        setStatus(message);
        window.clearTimeout(timer.current);
        timer.current = window.setTimeout(() => setStatus(''), 6000);
      };
      if (!navigator.clipboard) {
        done(t('staffAuth.copyFailed'));
        return;
      }
      navigator.clipboard.writeText(text).then(
        () => done(t('staffAuth.copied')),
        () => done(t('staffAuth.copyFailed')),
      );
    },
    [t],
  );
  return { copy, status };
}
