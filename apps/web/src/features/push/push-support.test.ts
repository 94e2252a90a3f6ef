import { describe, expect, it } from 'vitest';
import {
  base64UrlToBytes,
  detectPushSupport,
  isSameKey,
  type PushEnvironment,
} from './push-support';

const everything: PushEnvironment = {
  hasServiceWorker: true,
  hasPushManager: true,
  hasNotification: true,
  isIos: false,
  isStandalone: false,
};

describe('detectPushSupport', () => {
  it.each<[string, Partial<PushEnvironment>, string]>([
    ['a desktop browser', {}, 'supported'],
    ['the installed app on iOS 16.4+', { isIos: true, isStandalone: true }, 'supported'],
    [
      'Safari in a tab on iPhone (no PushManager there)',
      { isIos: true, hasPushManager: false, hasNotification: false },
      'install-first',
    ],
    [
      'an old iOS, installed, still without push',
      { isIos: true, isStandalone: true, hasPushManager: false },
      'unsupported',
    ],
    ['a browser without push', { hasPushManager: false }, 'unsupported'],
    ['plain http (no service worker)', { hasServiceWorker: false }, 'unsupported'],
  ])('%s → %s', (_label, env, expected) => {
    expect(detectPushSupport({ ...everything, ...env })).toBe(expected);
  });
});

describe('base64UrlToBytes', () => {
  it('decodes base64url with and without padding, including - and _', () => {
    expect([...base64UrlToBytes('-_8')]).toEqual([0xfb, 0xff]);
    expect([...base64UrlToBytes('-_8=')]).toEqual([0xfb, 0xff]);
    expect([...base64UrlToBytes('AQIDBA')]).toEqual([1, 2, 3, 4]);
  });

  it('gives a 65-byte key for a VAPID public key', () => {
    const key = `B${'A'.repeat(86)}`;
    expect(base64UrlToBytes(key)).toHaveLength(65);
  });
});

describe('isSameKey', () => {
  it('compares the subscription key with the server key', () => {
    const bytes = new Uint8Array([1, 2, 3, 4]).buffer;
    expect(isSameKey(bytes, 'AQIDBA')).toBe(true);
    expect(isSameKey(bytes, 'AQIDBQ')).toBe(false);
    expect(isSameKey(null, 'AQIDBA')).toBe(false);
  });
});
