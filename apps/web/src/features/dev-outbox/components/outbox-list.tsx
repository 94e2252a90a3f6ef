import type { OutboxAttachment, OutboxMessage } from '@visitt/contracts';
import { useEffect, useState } from 'react';
import { Icon } from '../../../components/ui/icon';
import { useFormat, useT } from '../../../i18n';
import { browserTimeZone } from '../../../lib/dates';

/** Messages as cards: channel, recipient, time, subject, text, the e-mail's HTML and files. */
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
            {message.html ? (
              <details className="outbox__html">
                <summary>{t('outbox.showHtml')}</summary>
                {/* The e-mail's own markup, shown as a mail client would: in a sandbox without
                    scripts, forms or access to this page (no allow-* flags at all), loaded from
                    the server with a policy of its own so its inline styles apply. */}
                <iframe
                  className="outbox__frame"
                  title={t('outbox.htmlTitle', { subject: message.subject ?? '' })}
                  sandbox=""
                  src={`/api/v1/dev/outbox/${message.id}/html`}
                  referrerPolicy="no-referrer"
                />
              </details>
            ) : null}
            {message.attachments.length > 0 ? (
              <div className="outbox__attachments">
                <h3 className="outbox__attachments-title">{t('outbox.attachments')}</h3>
                <ul role="list">
                  {message.attachments.map((attachment, index) => (
                    <li key={`${index}-${attachment.filename}`}>
                      <AttachmentLink attachment={attachment} />
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </article>
        </li>
      ))}
    </ol>
  );
}

/** A download link for one attachment, from a blob: URL made here and revoked when gone. */
function AttachmentLink({ attachment }: { attachment: OutboxAttachment }) {
  const t = useT();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const blobUrl = URL.createObjectURL(
      new Blob([attachment.content], { type: attachment.contentType }),
    );
    setUrl(blobUrl);
    return () => URL.revokeObjectURL(blobUrl);
  }, [attachment.content, attachment.contentType]);
  if (!url) return null;
  return (
    <a className="outbox__attachment" href={url} download={attachment.filename}>
      <Icon name="download" size={16} />
      <span>{t('outbox.download', { filename: attachment.filename })}</span>
    </a>
  );
}
