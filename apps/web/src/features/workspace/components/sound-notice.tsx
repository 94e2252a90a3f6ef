import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { useT } from '../../../i18n';
import { useSound } from '../hooks/use-sound';

/**
 * While the browser keeps sound off until the page is clicked (after a reload, say), says so
 * with **Slå på lyd**; gone as soon as sound is on, by the button or any other click.
 */
export function SoundNotice() {
  const t = useT();
  const { isBlocked, unlock } = useSound();
  if (!isBlocked) return null;
  return (
    <Alert tone="warning" live="status" className="ws-sound">
      <p>{t('workspace.sound.blocked')}</p>
      <Button variant="secondary" icon="bell" onClick={unlock} className="alert__action">
        {t('workspace.sound.enable')}
      </Button>
    </Alert>
  );
}
