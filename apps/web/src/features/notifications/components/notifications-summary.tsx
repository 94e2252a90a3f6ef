import type { NotificationChannel } from '@visitt/domain';
import { useId } from 'react';
import { ButtonLink } from '../../../components/ui/button';
import { Icon } from '../../../components/ui/icon';
import { useI18n } from '../../../i18n';
import { useMyNotifications } from '../api/notifications-api';
import { activeChannels } from '../contact-format';
import { currentRoutes } from '../message-rule';

/**
 * The short "Varsler" card on Min kalender: where confirmations and cancellations, and where
 * reminders, go now (by the domain's channel rule), and the way to the Varsler page where all the
 * choices are. Says nothing while it is loading or when the settings cannot be read (the link is
 * there regardless).
 */
export function NotificationsSummary() {
  const { t, intlLocale } = useI18n();
  const settings = useMyNotifications();
  const headingId = useId();
  const channels = settings.data ? activeChannels(settings.data) : null;
  const routes = settings.data ? currentRoutes(settings.data) : null;
  const list = (route: readonly NotificationChannel[]) =>
    new Intl.ListFormat(intlLocale, { type: 'conjunction' }).format(
      route.map((channel) => t(`notifications.summary.channels.${channel}`)),
    );

  return (
    <section className="card notifications-summary" aria-labelledby={headingId}>
      <h2 id={headingId} className="section__title">
        {t('notifications.title')}
      </h2>
      {channels == null || routes == null ? null : channels.length > 0 ? (
        <div className="notifications-summary__text">
          <Icon name="bell" className="notifications-summary__icon" />
          <ul className="notifications-summary__routes">
            {routes.keep.length > 0 ? (
              <li>{t('notifications.summary.keep', { channels: list(routes.keep) })}</li>
            ) : null}
            {routes.reminder.length > 0 ? (
              <li>{t('notifications.summary.reminder', { channels: list(routes.reminder) })}</li>
            ) : null}
          </ul>
        </div>
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
