import { useEffect, useRef, type ReactNode } from 'react';
import { useBlocker, useLocation } from '../../../../lib/router';
import { Button } from '../../../../components/ui/button';
import { Dialog } from '../../../../components/ui/dialog';
import { useT } from '../../../../i18n';

/**
 * Asks before unsaved changes are left behind: a dialog for a move inside the app (another
 * page, another practitioner, the browser's back button), the browser's own question for
 * closing or reloading the tab. `allowNavigation` lets the page's own buttons (Cancel after
 * saving, say) through once without asking.
 */
export function useUnsavedChangesGuard(isDirty: boolean): {
  dialog: ReactNode;
  allowNavigation: () => void;
} {
  const t = useT();
  const location = useLocation();
  const dirty = useRef(isDirty);
  const bypass = useRef(false);
  dirty.current = isDirty;

  // Read through refs: a click may change state and navigate before the next render.
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty.current &&
      !bypass.current &&
      (currentLocation.pathname !== nextLocation.pathname ||
        currentLocation.search !== nextLocation.search),
  );

  useEffect(() => {
    bypass.current = false;
  }, [location]);

  useEffect(() => {
    if (!isDirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [isDirty]);

  const dialog = (
    <Dialog
      isOpen={blocker.state === 'blocked'}
      title={t('adminSchedule.unsaved.title')}
      onClose={() => blocker.reset?.()}
      actions={
        <>
          <Button variant="secondary" onClick={() => blocker.reset?.()}>
            {t('adminSchedule.unsaved.stay')}
          </Button>
          <Button variant="danger" onClick={() => blocker.proceed?.()}>
            {t('adminSchedule.unsaved.leave')}
          </Button>
        </>
      }
    >
      <p>{t('adminSchedule.unsaved.text')}</p>
    </Dialog>
  );

  return {
    dialog,
    allowNavigation: () => {
      bypass.current = true;
    },
  };
}
