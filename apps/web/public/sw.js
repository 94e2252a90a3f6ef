// Visitt's service worker: shows Web Push notifications and opens the app on a click. It caches
// nothing (every page and file comes from the server as before), so it can never serve a stale
// app. Served at /sw.js with `cache-control: no-cache`; scope `/`.
/* global self */
'use strict';

const FALLBACK_TITLE = 'Visitt';

self.addEventListener('install', () => {
  // Nothing to prepare: the new version may take over at once.
  void self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

/** A path on this origin (`/timer/…`), or `/` for anything else: a push never leads elsewhere. */
function samePath(value) {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')) return '/';
  try {
    const url = new URL(value, self.location.origin);
    return url.origin === self.location.origin ? url.pathname + url.search + url.hash : '/';
  } catch {
    return '/';
  }
}

/** The server's payload `{ title, body, url, tag }`; anything unreadable still notifies. */
function readPayload(data) {
  let payload;
  try {
    payload = (data && data.json()) || {};
  } catch {
    payload = {};
  }
  const text = (value, fallback) => (typeof value === 'string' && value ? value : fallback);
  return {
    title: text(payload.title, FALLBACK_TITLE),
    body: text(payload.body, ''),
    url: samePath(payload.url),
    tag: text(payload.tag, ''),
  };
}

self.addEventListener('push', (event) => {
  const { title, body, url, tag } = readPayload(event.data);
  event.waitUntil(
    self.registration.showNotification(title, {
      body,
      data: { url },
      icon: '/icons/icon-192.png',
      badge: '/icons/badge-96.png',
      // The same tag replaces an older notification (a moved appointment's reminder), and still
      // alerts: a patient waiting must not arrive silently.
      ...(tag ? { tag, renotify: true } : {}),
    }),
  );
});

/** A window in the video room keeps its call: it is focused, never navigated away. */
const isInCall = (client) => /\/video(\/|$)/.test(new URL(client.url).pathname);

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const path = samePath(event.notification.data && event.notification.data.url);
  const target = new URL(path, self.location.origin).href;
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const own = windows.filter((c) => new URL(c.url).origin === self.location.origin);
      const exact = own.find((c) => c.url === target);
      if (exact) return exact.focus();
      const free = own.find((c) => !isInCall(c));
      if (free) {
        try {
          const focused = await free.focus();
          return await focused.navigate(target);
        } catch {
          // Not controlled by this worker yet (opened before it): open a window instead.
        }
      }
      return self.clients.openWindow(target);
    })(),
  );
});

// The browser replaced the subscription (keys rotated, or it expired): tell the server about
// the new one while the session lasts. The old endpoint answers 410 and is removed there.
self.addEventListener('pushsubscriptionchange', (event) => {
  event.waitUntil(
    (async () => {
      const subscription =
        event.newSubscription ||
        (event.oldSubscription &&
          (await self.registration.pushManager.subscribe(event.oldSubscription.options)));
      if (!subscription) return;
      await fetch('/api/v1/me/push-subscriptions', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(subscription.toJSON()),
      });
    })().catch(() => undefined),
  );
});
