// Visitt's service worker: keeps the app shell (index.html, the first page's scripts and style
// sheet) so a second visit renders without the network, and shows Web Push notifications.
// Pages come from the network first, so a new release is used as soon as it is there; the
// shell is the fallback when the network is not. The API is never cached: nothing a person
// reads about their health is kept on the device. Served at /sw.js with `cache-control:
// no-cache`; scope `/`.
/* global self, caches */
'use strict';

const FALLBACK_TITLE = 'Visitt';

// The build writes the app shell of the release here (the files of the first page, and a hash of
// them that names the cache). In development the list is empty and nothing is cached.
const SHELL = { version: 'development', files: [] };
const CACHE_PREFIX = 'visitt-shell-';
const CACHE = CACHE_PREFIX + SHELL.version;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // Each file on its own: one that fails (a dropped connection) must not stop the worker,
      // which also carries push notifications. It is fetched again when the page asks for it.
      await Promise.allSettled(SHELL.files.map((file) => cache.add(file)));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      // The releases before this one: their shells go.
      for (const key of await caches.keys()) {
        if (key.startsWith(CACHE_PREFIX) && key !== CACHE) await caches.delete(key);
      }
      // No navigation preload: a navigation this worker leaves alone (the API's sign-in
      // callbacks, whose state works once) would then be sent twice. An earlier release may
      // have turned it on.
      if (self.registration.navigationPreload) await self.registration.navigationPreload.disable();
      await self.clients.claim();
    })(),
  );
});

/** A page: from the network (a new release at once); without a network, the kept shell. */
async function page(event) {
  try {
    return await fetch(event.request);
  } catch (error) {
    const shell = await caches.match('/index.html', { cacheName: CACHE });
    if (shell) return shell;
    throw error;
  }
}

/** A built file: named by its content, so a kept copy is always right; kept once fetched. */
async function asset(request) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || SHELL.files.length === 0) return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate') event.respondWith(page(event));
  else if (url.pathname.startsWith('/assets/')) event.respondWith(asset(request));
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
