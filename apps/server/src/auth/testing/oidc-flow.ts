import { expect } from 'vitest';
import type { TestApp } from '../../../test/harness';
import { CookieClient } from './cookie-client';

/** One OpenID Connect round trip as the browser saw it. */
export interface OidcFlow {
  /** The authorization request the app sent the browser to. */
  authorize: URL;
  /** Where the provider sent the browser back (on the app's public address). */
  callback: URL;
  /** The app's answer at the callback. */
  done: { status: number; location: string | null };
}

/** The app's own (test) address for a URL on its public address. */
export const onApp = (target: Pick<TestApp, 'baseUrl'>, url: URL | string): string => {
  const u = new URL(url);
  return `${target.baseUrl}${u.pathname}${u.search}`;
};

/**
 * Plays the browser through an OpenID Connect sign-in: start at the app, follow the provider's
 * redirects through its (automatic) login, and bring the answer to the app's callback. Hooks may
 * tamper with either leg; `callbackBrowser` brings the callback in another browser.
 */
export async function signInWithProvider(
  target: Pick<TestApp, 'baseUrl' | 'config'>,
  browser: CookieClient,
  options: {
    kind?: 'patient' | 'staff';
    query?: string;
    beforeProvider?: (authorize: URL) => void | Promise<void>;
    beforeCallback?: (callback: URL) => void | Promise<void>;
    callbackBrowser?: CookieClient;
  } = {},
): Promise<OidcFlow> {
  const kind = options.kind ?? 'patient';
  const start = await browser.get(
    `${target.baseUrl}/api/v1/auth/oidc/${kind}/start${options.query ?? ''}`,
  );
  expect(start.status).toBe(302);
  const authorize = new URL(start.location!);
  await options.beforeProvider?.(authorize);
  const idp = new CookieClient();
  let at = authorize.href;
  for (let hop = 0; hop < 10 && !at.startsWith(target.config.publicUrl); hop++) {
    const answer = await idp.get(at);
    expect([302, 303], `${answer.status} at ${at}: ${JSON.stringify(answer.body)}`).toContain(
      answer.status,
    );
    at = new URL(answer.location!, at).href;
  }
  const callback = new URL(at);
  await options.beforeCallback?.(callback);
  const done = await (options.callbackBrowser ?? browser).get(onApp(target, callback));
  return { authorize, callback, done };
}
