import { useId } from 'react';
import { ButtonLink } from '../../../components/ui/button';
import { Icon } from '../../../components/ui/icon';
import { useT } from '../../../i18n';
import { useMyNotifications } from '../api/notifications-api';
import { activeChannels } from '../contact-format';
import { summaryLines } from '../message-rule';

/**
 * The short "Varsler" card on Min kalender: where confirmations, moves and cancellations, and
 * where reminders, go now (by the domain's channel rule, worded so it holds whatever each clinic
 * has switched on), and the way to the Varsler page where all the choices are. Says nothing while
 * it is loading or when the settings cannot be read (the link is there regardless).
 */
export function NotificationsSummary() {
  const t = useT();
  const settings = useMyNotifications();
  const headingId = useId();
  const channels = settings.data ? activeChannels(settings.data) : null;
  const lines = settings.data ? summaryLines(settings.data) : null;

  return (
    <section className="card notifications-summary" aria-labelledby={headingId}>
      <h2 id={headingId} className="section__title">
        {t('notifications.title')}
      </h2>
      {channels == null || lines == null ? null : channels.length > 0 ? (
        <div className="notifications-summary__text">
          <Icon name="bell" className="notifications-summary__icon" />
          <ul className="notifications-summary__routes">
            {lines.map(({ key, route }) => (
              <li key={key}>{t(key, route ? { route: t(route) } : undefined)}</li>
            ))}
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
