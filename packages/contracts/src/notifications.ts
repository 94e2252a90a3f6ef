import { z } from 'zod';
import { DateTime, Email, Phone } from './common';
import { OneTimeCode } from './auth';

const Reminders = z
  .array(
    z
      .number()
      .int()
      .min(1)
      .max(14 * 24 * 60),
  )
  .max(5)
  .refine((list) => new Set(list).size === list.length, 'Each reminder time once');

const ModalitySettings = z.strictObject({
  sms: z.boolean(),
  email: z.boolean(),
  /** Minutes before the start, e.g. [1440, 60] for 24 hours and 1 hour. */
  remindersMinutesBefore: Reminders,
});

/** What a clinic sends: per modality SMS and e-mail on or off and the reminder times. */
export const NotificationSettings = z
  .strictObject({
    video: ModalitySettings,
    inPerson: ModalitySettings,
    /** A message confirms each booking. */
    confirmations: z.boolean(),
  })
  .meta({ id: 'NotificationSettings' });
export type NotificationSettings = z.infer<typeof NotificationSettings>;

const ContactChannel = z.object({
  address: z.string().nullable(),
  verified: z.boolean(),
  /** The patient's own choice (on unless turned off), with when they made it. */
  enabled: z.boolean(),
  changedAt: DateTime.nullable(),
});

/** Where and how the signed-in user gets messages. */
export const MyNotifications = z
  .object({
    email: ContactChannel,
    sms: ContactChannel,
    push: z.object({
      enabled: z.boolean(),
      devices: z.number().int(),
      changedAt: DateTime.nullable(),
    }),
  })
  .meta({ id: 'MyNotifications' });
export type MyNotifications = z.infer<typeof MyNotifications>;

export const NotificationChannelParams = z.strictObject({
  channel: z.enum(['email', 'sms', 'push']),
});

export const ChannelPreferenceBody = z
  .strictObject({ enabled: z.boolean() })
  .meta({ id: 'ChannelPreferenceBody' });
export type ChannelPreferenceBody = z.infer<typeof ChannelPreferenceBody>;

/** A new e-mail address or mobile number, to be verified by a code sent to it. */
export const ContactCodeBody = z
  .union([z.strictObject({ email: Email }), z.strictObject({ phone: Phone })])
  .meta({ id: 'ContactCodeBody' });
export type ContactCodeBody = z.infer<typeof ContactCodeBody>;

export const ContactVerifyBody = z
  .union([
    z.strictObject({ email: Email, code: OneTimeCode }),
    z.strictObject({ phone: Phone, code: OneTimeCode }),
  ])
  .meta({ id: 'ContactVerifyBody' });
export type ContactVerifyBody = z.infer<typeof ContactVerifyBody>;
