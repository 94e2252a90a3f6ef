import { z } from 'zod';
import { DateTime, PlainText, Uuid } from './common';

export const OutboxMessage = z
  .object({
    id: Uuid,
    channel: z.enum(['email', 'sms', 'push']),
    to: z.string(),
    subject: z.string().nullable(),
    text: z.string(),
    createdAt: DateTime,
  })
  .meta({ id: 'OutboxMessage' });
export type OutboxMessage = z.infer<typeof OutboxMessage>;

export const OutboxQuery = z.strictObject({ to: PlainText(254).optional() });
export const OutboxList = z.array(OutboxMessage);
