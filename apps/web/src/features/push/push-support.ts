/** What this browser can do about Web Push. */
export type PushSupport = 'supported' | 'install-first' | 'unsupported';

export interface PushEnvironment {
  hasServiceWorker: boolean;
  hasPushManager: boolean;
  hasNotification: boolean;
  /** iPhone or iPad (iPadOS reports itself as a Mac with a touch screen). */
  isIos: boolean;
  /** Opened from the home screen (the installed app), not in a browser tab. */
  isStandalone: boolean;
}

/**
 * `supported` when service workers, the Push API and notifications exist; `install-first` on
 * iPhone and iPad in a browser tab, where Safari offers push only to web apps added to the
 * home screen; otherwise `unsupported` (an old browser, or a page not served over https).
 */
export function detectPushSupport(env: PushEnvironment): PushSupport {
  if (env.hasServiceWorker && env.hasPushManager && env.hasNotification) return 'supported';
  if (env.isIos && !env.isStandalone) return 'install-first';
  return 'unsupported';
}

/** The environment of the running browser, for {@link detectPushSupport}. */
export function currentPushEnvironment(): PushEnvironment {
  const nav = navigator as Navigator & { standalone?: boolean };
  return {
    hasServiceWorker: 'serviceWorker' in navigator,
    hasPushManager: 'PushManager' in window,
    hasNotification: 'Notification' in window,
    isIos:
      /iPad|iPhone|iPod/.test(navigator.userAgent) ||
      (navigator.userAgent.includes('Macintosh') && navigator.maxTouchPoints > 1),
    isStandalone:
      window.matchMedia('(display-mode: standalone)').matches || nav.standalone === true,
  };
}

/** Bytes of a base64url string (padding optional), as `applicationServerKey` takes them. */
export function base64UrlToBytes(value: string): Uint8Array<ArrayBuffer> {
  const base64 = value.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Whether a subscription was made with this application server key (base64url). */
export function isSameKey(key: ArrayBuffer | null | undefined, base64Url: string): boolean {
  if (!key) return false;
  const expected = base64UrlToBytes(base64Url);
  const actual = new Uint8Array(key);
  return actual.length === expected.length && actual.every((byte, i) => byte === expected[i]);
}
