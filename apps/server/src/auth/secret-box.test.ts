import { describe, expect, it } from 'vitest';
import { deriveKey, open, seal } from './secret-box';

describe('secret box', () => {
  const key = deriveKey('a server secret of at least 32 chars!', 'totp-secret');
  const plaintext = Buffer.from('12345678901234567890');

  it('opens what it sealed, and seals the same value differently each time', () => {
    const a = seal(key, plaintext, 'user-1');
    const b = seal(key, plaintext, 'user-1');
    expect(a).toMatch(/^v1\.[\w-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain(plaintext.toString('base64url'));
    expect(open(key, a, 'user-1')).toEqual(plaintext);
  });

  it('does not open under another key, purpose or context, or when tampered with', () => {
    const sealed = seal(key, plaintext, 'user-1');
    expect(
      open(deriveKey('another server secret of 32 chars!!', 'totp-secret'), sealed, 'user-1'),
    ).toBeNull();
    expect(
      open(deriveKey('a server secret of at least 32 chars!', 'other'), sealed, 'user-1'),
    ).toBeNull();
    expect(open(key, sealed, 'user-2')).toBeNull();
    const raw = Buffer.from(sealed.slice(3), 'base64url');
    raw[15] = raw[15]! ^ 1;
    expect(open(key, `v1.${raw.toString('base64url')}`, 'user-1')).toBeNull();
    expect(open(key, 'v2.abc', 'user-1')).toBeNull();
    expect(open(key, 'v1.', 'user-1')).toBeNull();
  });
});
