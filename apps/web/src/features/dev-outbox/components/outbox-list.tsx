import type { OutboxMessage } from '@visitt/contracts';
import { Icon } from '../../../components/ui/icon';
import { useFormat, useT } from '../../../i18n';
import { browserTimeZone } from '../../../lib/dates';

/** Messages as cards: channel, recipient, time, subject and text. */
export function OutboxList({ messages }: { messages: OutboxMessage[] }) {
  const t = useT();
  const format = useFormat();
  const zone = browserTimeZone();
  return (
    <ol className="outbox" role="list">
      {messages.map((message) => (
        <li key={message.id} className="card outbox__message">
          <article aria-labelledby={`msg-${message.id}`}>
            <header className="outbox__meta">
              <span className={`tag tag--${message.channel}`}>
                <Icon name={message.channel === 'email' ? 'mail' : 'inbox'} size={14} />
                {t(`outbox.channels.${message.channel}`)}
              </span>
              <span>
                <span className="muted">{t('outbox.to')}: </span>
                {message.to}
              </span>
              <time dateTime={message.createdAt} className="muted">
                {format.dateTime(message.createdAt, zone)}
              </time>
            </header>
            <h2 id={`msg-${message.id}`} className="outbox__subject">
              {message.subject ?? t('outbox.noSubject')}
            </h2>
            <p className="outbox__text">{message.text}</p>
          </article>
        </li>
      ))}
    </ol>
  );
}
