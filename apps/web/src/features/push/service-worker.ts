let registration: Promise<ServiceWorkerRegistration> | null = null;

/**
 * Registers `/sw.js` (scope `/`), once per page. It only shows push notifications and caches
 * nothing. `updateViaCache: 'none'` makes the browser check the script on every visit.
 * Returns null where service workers do not exist (an old browser, or plain http).
 */
export function registerServiceWorker(): Promise<ServiceWorkerRegistration> | null {
  if (!('serviceWorker' in navigator)) return null;
  registration ??= navigator.serviceWorker
    .register('/sw.js', { scope: '/', updateViaCache: 'none' })
    .catch((error: unknown) => {
      registration = null;
      throw error;
    });
  return registration;
}

/**
 * The registration once its worker is active (push subscriptions need one). Rejects when
 * registering fails or the worker does not start within `timeoutMs`.
 */
export async function activeRegistration(timeoutMs = 10_000): Promise<ServiceWorkerRegistration> {
  const registering = registerServiceWorker();
  if (!registering) throw new Error('Service workers are not available');
  await registering;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error('The service worker did not start')), timeoutMs);
  });
  try {
    return await Promise.race([navigator.serviceWorker.ready, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** This browser's current push subscription, without registering anything. */
export async function currentPushSubscription(): Promise<PushSubscription | null> {
  if (!('serviceWorker' in navigator) || !('PushManager' in window)) return null;
  const existing = await navigator.serviceWorker.getRegistration('/');
  return (await existing?.pushManager.getSubscription()) ?? null;
}
