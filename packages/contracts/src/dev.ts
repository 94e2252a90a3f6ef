import { z } from 'zod';
import { DateTime, PlainText, Uuid } from './common';

/** A file an e-mail carried (the confirmation's `.ics`), its content as text. */
export const OutboxAttachment = z
  .object({
    filename: z.string(),
    contentType: z.string(),
    content: z.string(),
  })
  .meta({ id: 'OutboxAttachment' });
export type OutboxAttachment = z.infer<typeof OutboxAttachment>;

export const OutboxMessage = z
  .object({
    id: Uuid,
    channel: z.enum(['email', 'sms', 'push']),
    to: z.string(),
    subject: z.string().nullable(),
    text: z.string(),
    /** The e-mail's HTML part as sent (untrusted markup: show it sandboxed); null for SMS and push. */
    html: z.string().nullable(),
    attachments: z.array(OutboxAttachment),
    createdAt: DateTime,
  })
  .meta({ id: 'OutboxMessage' });
export type OutboxMessage = z.infer<typeof OutboxMessage>;

export const OutboxQuery = z.strictObject({ to: PlainText(254).optional() });
export const OutboxList = z.array(OutboxMessage);
export type OutboxList = z.infer<typeof OutboxList>;
