import { useId } from 'react';
import { useT } from '../../../i18n';
import { ruleKey } from '../message-rule';

/**
 * "Hvor meldingene kommer": the channel rule in words. Each sentence is picked by the domain's
 * preference table, so the page says the rule the server applies.
 */
export function MessageRule() {
  const t = useT();
  const headingId = useId();
  return (
    <section className="card message-rule" aria-labelledby={headingId}>
      <h2 id={headingId} className="section__title">
        {t('notifications.rule.title')}
      </h2>
      <ul className="message-rule__list">
        <li>{t('notifications.rule.keep', { route: t(ruleKey('keep')) })}</li>
        <li>{t('notifications.rule.reminder', { route: t(ruleKey('reminder')) })}</li>
      </ul>
      <p>
        {t('notifications.rule.one')} {t('notifications.rule.push')}{' '}
        {t('notifications.rule.clinic')}
      </p>
    </section>
  );
}
