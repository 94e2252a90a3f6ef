import type { Queryable } from '../db/pool';
import type { OutgoingMessage, Transport } from './transport';

/**
 * The demo's mail catcher: messages are kept in `dev_outbox` (e-mail with its text, HTML and
 * attachments) and shown at /api/v1/dev/outbox and on the web client's outbox page. Never wired
 * in production mode.
 */
export function createDevOutboxTransport(db: Queryable): Transport {
  return {
    name: 'dev-outbox',
    async send(message: OutgoingMessage) {
      const [subject, text, html] =
        message.channel === 'email'
          ? [message.subject, message.text, message.html ?? null]
          : message.channel === 'sms'
            ? [null, message.text, null]
            : [message.push.title, `${message.push.body}\n${message.push.url}`, null];
      const attachments = message.channel === 'email' ? (message.attachments ?? []) : [];
      const { rows } = await db.query<{ id: string }>(
        `INSERT INTO dev_outbox (channel, recipient, subject, body_text, body_html, attachments)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb) RETURNING id`,
        [
          message.channel,
          message.to,
          subject,
          text,
          html,
          JSON.stringify(
            attachments.map((a) => ({
              filename: a.filename,
              contentType: a.contentType,
              content: a.content,
            })),
          ),
        ],
      );
      return { reference: rows[0]?.id ?? null };
    },
  };
}
