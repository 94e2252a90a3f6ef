import { Button } from '../../../components/ui/button';
import { Icon } from '../../../components/ui/icon';
import { useT } from '../../../i18n';
import { currentPushEnvironment, detectPushSupport } from '../../push/push-support';
import { useBrowserNotifications } from '../hooks/use-browser-notifications';

/**
 * "Slå på varsler i nettleseren" while not yet asked; afterwards what the browser said. That the
 * browser blocks notifications is said once on the page: by the push toggle beside this one where
 * the browser has Web Push, else here.
 */
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
      if (detectPushSupport(currentPushEnvironment()) === 'supported') return null;
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
