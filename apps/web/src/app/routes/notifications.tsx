import { ErrorState, Alert } from '../../components/ui/alert';
import { Icon } from '../../components/ui/icon';
import { LoadingState } from '../../components/ui/spinner';
import { useMyNotifications } from '../../features/notifications/api/notifications-api';
import { ContactSection } from '../../features/notifications/components/contact-section';
import { MessageRule } from '../../features/notifications/components/message-rule';
import { activeChannels } from '../../features/notifications/contact-format';
import { useChangedText } from '../../features/notifications/hooks/use-changed-text';
import { PushSettingsSection } from '../../features/push/components/push-toggle';
import { ProfileSection } from '../../features/profile/components/profile-section';
import { useT } from '../../i18n';
import { Page } from '../layouts/page';

/**
 * **Varsler**: where the patient gets the clinic's messages. E-mail and SMS with their addresses
 * (changed with a code sent to the new one) and an on/off choice each, stored with its time;
 * push on this device. The clinic decides which messages exist; the patient decides where.
 */
export function NotificationsPage() {
  const t = useT();
  const settings = useMyNotifications();
  const changedText = useChangedText();

  return (
    <Page
      title={t('notifications.title')}
      appTitle={t('notifications.title')}
      back="/timer"
      className="notifications-page"
    >
      <p className="lead">{t('notifications.intro')}</p>
      <p className="notifications-page__privacy">
        <Icon name="info" />
        <span>{t('notifications.privacy')}</span>
      </p>
      {settings.isPending ? (
        <LoadingState />
      ) : settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <>
          {activeChannels(settings.data).length === 0 ? (
            <Alert tone="warning">
              <p>{t('notifications.noneActive')}</p>
            </Alert>
          ) : null}
          <MessageRule />
          <ContactSection kind="email" channel={settings.data.email} />
          <ContactSection kind="sms" channel={settings.data.sms} />
          <PushSettingsSection onChange={() => void settings.refetch()}>
            {settings.data.push.enabled && settings.data.push.devices > 0 ? (
              <p className="push-section__devices">
                {settings.data.push.devices === 1
                  ? t('notifications.push.devicesOne')
                  : t('notifications.push.devicesMany', { count: settings.data.push.devices })}
                {settings.data.push.changedAt
                  ? ` ${changedText(settings.data.push.changedAt, true)}.`
                  : null}
              </p>
            ) : null}
          </PushSettingsSection>
        </>
      )}
      <ProfileSection />
    </Page>
  );
}
