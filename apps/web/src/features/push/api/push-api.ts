import type { PushSettings, VapidPublicKey } from '@visitt/contracts';
import { type PushSubscriptionBody } from '@visitt/contracts';
import { apiRequest } from '../../../lib/api';

export const vapidKeyQueryKey = ['push', 'vapid-public-key'] as const;

/** The installation's application server key (base64url), made once and kept by the server. */
export async function getVapidPublicKey(signal?: AbortSignal): Promise<string> {
  const { publicKey } = await apiRequest<VapidPublicKey>('/push/vapid-public-key', {
    signal,
  });
  return publicKey;
}

/** The signed-in user's push choice and the devices that receive push. */
export function getPushSettings(signal?: AbortSignal): Promise<PushSettings> {
  return apiRequest<PushSettings>('/me/push-subscriptions', { signal });
}

/** Registers this browser's subscription for the signed-in user (and records the consent). */
export function savePushSubscription(body: PushSubscriptionBody): Promise<PushSettings> {
  return apiRequest<PushSettings>('/me/push-subscriptions', { method: 'POST', body });
}

/** Forgets this browser's subscription; with no device left, push is recorded as off. */
export function removePushSubscription(endpoint: string): Promise<undefined> {
  return apiRequest('/me/push-subscriptions', { method: 'DELETE', body: { endpoint } });
}
