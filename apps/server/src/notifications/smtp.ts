import nodemailer from 'nodemailer';
import type { OutgoingMessage, Transport } from './transport';

/** E-mail over SMTP (nodemailer), e.g. `smtp://user:pass@smtp.example.no:587` or `smtps://…:465`. */
export function createSmtpTransport(url: string, from: string): Transport & { close(): void } {
  const transporter = nodemailer.createTransport(url);
  return {
    name: 'smtp',
    async send(message: OutgoingMessage) {
      const info = await transporter.sendMail({
        from,
        to: message.to,
        subject: message.subject ?? '',
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
      });
      return { reference: info.messageId ?? null };
    },
    close: () => transporter.close(),
  };
}
