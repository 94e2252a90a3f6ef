import nodemailer from 'nodemailer';
import { TransportError, type OutgoingMessage, type Transport } from './transport';

/**
 * E-mail over SMTP (nodemailer, pooled connections), e.g. `smtp://user:pass@smtp.example.no:587`
 * or `smtps://…:465`. The event's reference becomes the Message-ID, so a resend after a crash is
 * recognisably the same message.
 */
export function createSmtpTransport(url: string, from: string): Transport & { close(): void } {
  const transporter = nodemailer.createTransport(url, { pool: true, maxConnections: 5 } as never);
  return {
    name: 'smtp',
    async send(message: OutgoingMessage) {
      if (message.channel !== 'email') throw new TransportError('SMTP sends e-mail only', true);
      try {
        const info = await transporter.sendMail({
          from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          ...(message.html ? { html: message.html } : {}),
          attachments: (message.attachments ?? []).map((a) => ({
            filename: a.filename,
            content: a.content,
            contentType: a.contentType,
          })),
          messageId: `<${message.reference}@visitt>`,
        });
        return { reference: info.messageId ?? null };
      } catch (error) {
        // 5xx replies (unknown mailbox, rejected) will not get better by trying again.
        const code = (error as { responseCode?: number }).responseCode;
        throw new TransportError((error as Error).message, code !== undefined && code >= 500);
      }
    },
    close: () => transporter.close(),
  };
}
