import { z } from 'zod';
import { DateTime, SingleLine } from './common';

/**
 * Base64url (as browsers write subscription keys: unpadded, though padding is accepted) that
 * decodes to exactly `bytes` bytes. The length is checked on the text, so no decoder is needed
 * (the contracts run in the browser too).
 */
const Base64UrlBytes = (bytes: number) => {
  const chars = Math.ceil((bytes * 4) / 3);
  const padded = 4 * Math.ceil(bytes / 3);
  return z
    .string()
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, 'Base64url')
    .refine((value) => {
      const bare = value.replace(/=+$/, '');
      return bare.length === chars && (value === bare || value.length === padded);
    }, `Base64url of ${bytes} bytes`);
};

/** Endpoints are URLs of push services; keep them to what a push service hands out. */
export const PUSH_ENDPOINT_MAX_LENGTH = 2048;

/**
 * A DNS name with a dot and a last label that is not all digits: no IP address (IPv6 ones keep
 * their brackets), no `localhost`. URL has lower-cased it already.
 */
const PUBLIC_HOST_NAME = /^(?!(.*\.)?localhost\.?$)([a-z0-9-]+\.)+[a-z0-9-]*[a-z][a-z0-9-]*\.?$/;

/**
 * The push service's URL for one browser: https, a DNS name (no IP address, no `localhost`), no
 * user or password. The server POSTs to it, so addresses inside the clinic's own network are
 * refused here rather than trusted (and again when sending).
 */
export const PushEndpoint = z
  .url({ protocol: /^https$/, hostname: PUBLIC_HOST_NAME })
  .max(PUSH_ENDPOINT_MAX_LENGTH)
  // The URL parser would quietly drop or escape them; the endpoint is stored as sent.
  .pipe(SingleLine(PUSH_ENDPOINT_MAX_LENGTH))
  .refine((value) => !/^https:\/\/[^/?#]*@/i.test(value), 'No user or password in the URL');

/**
 * A browser's `PushSubscription.toJSON()`: where to send, and the keys the payload is encrypted
 * with (RFC 8291). `p256dh` is an uncompressed P-256 point (65 bytes, first byte 0x04, which is
 * why it starts with `B`), `auth` the 16-byte authentication secret.
 */
export const PushSubscriptionBody = z
  .strictObject({
    endpoint: PushEndpoint,
    /** When the browser will drop the subscription (ms since 1970), usually null. Not stored. */
    expirationTime: z.number().int().nonnegative().nullable().optional(),
    keys: z.strictObject({
      p256dh: Base64UrlBytes(65).refine((v) => v.startsWith('B'), 'An uncompressed P-256 key'),
      auth: Base64UrlBytes(16),
    }),
  })
  .meta({ id: 'PushSubscriptionBody' });
export type PushSubscriptionBody = z.infer<typeof PushSubscriptionBody>;

/** Which subscription to forget: the endpoint, as the browser still knows it. */
export const PushUnsubscribeBody = z
  .strictObject({ endpoint: SingleLine(PUSH_ENDPOINT_MAX_LENGTH).min(1) })
  .meta({ id: 'PushUnsubscribeBody' });
export type PushUnsubscribeBody = z.infer<typeof PushUnsubscribeBody>;

/** The application server key browsers need for `pushManager.subscribe` (base64url, 65 bytes). */
export const VapidPublicKey = z.object({ publicKey: z.string() }).meta({ id: 'VapidPublicKey' });
export type VapidPublicKey = z.infer<typeof VapidPublicKey>;

export const PushDevice = z.object({
  endpoint: z.string(),
  createdAt: DateTime,
  lastUsedAt: DateTime.nullable(),
});
export type PushDevice = z.infer<typeof PushDevice>;

/**
 * The signed-in user's push state: their choice (with when they made it, the consent record)
 * and the devices that receive push. A client compares its own endpoint with `devices`.
 */
export const PushSettings = z
  .object({
    enabled: z.boolean(),
    changedAt: DateTime.nullable(),
    devices: z.array(PushDevice),
  })
  .meta({ id: 'PushSettings' });
export type PushSettings = z.infer<typeof PushSettings>;
