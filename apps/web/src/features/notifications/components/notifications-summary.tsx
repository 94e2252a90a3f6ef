import { useId } from 'react';
import { ButtonLink } from '../../../components/ui/button';
import { Icon } from '../../../components/ui/icon';
import { useI18n } from '../../../i18n';
import { useMyNotifications } from '../api/notifications-api';
import { activeChannels } from '../contact-format';

/**
 * The short "Varsler" card on Min kalender: where messages about appointments go now, and the
 * way to the Varsler page where all the choices are. Says nothing while it is loading or when
 * the settings cannot be read (the link is there regardless).
 */
export function NotificationsSummary() {
  const { t, intlLocale } = useI18n();
  const settings = useMyNotifications();
  const headingId = useId();
  const channels = settings.data ? activeChannels(settings.data) : null;
  const list =
    channels && channels.length > 0
      ? new Intl.ListFormat(intlLocale, { type: 'conjunction' }).format(
          channels.map((channel) => t(`notifications.summary.channels.${channel}`)),
        )
      : null;

  return (
    <section className="card notifications-summary" aria-labelledby={headingId}>
      <h2 id={headingId} className="section__title">
        {t('notifications.title')}
      </h2>
      {channels == null ? null : list ? (
        <p className="notifications-summary__text">
          <Icon name="bell" className="notifications-summary__icon" />
          <span>{t('notifications.summary.active', { channels: list })}</span>
        </p>
      ) : (
        <p className="notifications-summary__text notifications-summary__text--none">
          <Icon name="alert" className="notifications-summary__icon" />
          <span>{t('notifications.summary.none')}</span>
        </p>
      )}
      <ButtonLink to="/varsler" variant="secondary" icon="bell">
        {t('notifications.summary.link')}
      </ButtonLink>
    </section>
  );
}
