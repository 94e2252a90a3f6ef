import { Button } from '../../../components/ui/button';
import { Icon } from '../../../components/ui/icon';
import { useT } from '../../../i18n';
import { useBrowserNotifications } from '../hooks/use-browser-notifications';

/** "Slå på varsler i nettleseren" while not yet asked; afterwards what the browser said. */
export function NotificationToggle() {
  const t = useT();
  const { permission, request } = useBrowserNotifications();
  switch (permission) {
    case 'unsupported':
      return null;
    case 'granted':
      return (
        <p className="ws-notifications" role="status">
          <Icon name="bell" />
          <span>{t('workspace.notifications.on')}</span>
        </p>
      );
    case 'denied':
      return (
        <p className="ws-notifications muted" role="status">
          {t('workspace.notifications.denied')}
        </p>
      );
    case 'default':
      return (
        <div className="ws-notifications">
          <Button
            variant="secondary"
            icon="bell"
            onClick={request}
            aria-describedby="ws-notify-hint"
          >
            {t('workspace.notifications.enable')}
          </Button>
          <p id="ws-notify-hint" className="field__hint">
            {t('workspace.notifications.hint')}
          </p>
        </div>
      );
  }
}
