import { describe, expect, it } from 'vitest';
import {
  base32Decode,
  base32Encode,
  checkTotp,
  hotp,
  newTotpSecret,
  otpauthUri,
  totpCode,
  totpStep,
} from './totp';

// RFC 4226 appendix D and RFC 6238 appendix B use this ASCII seed for HMAC-SHA-1.
const RFC_SEED = Buffer.from('12345678901234567890', 'ascii');

describe('HOTP (RFC 4226 appendix D)', () => {
  it.each([
    [0, '755224'],
    [1, '287082'],
    [2, '359152'],
    [3, '969429'],
    [4, '338314'],
    [5, '254676'],
    [6, '287922'],
    [7, '162583'],
    [8, '399871'],
    [9, '520489'],
  ])('counter %i gives %s', (counter, code) => {
    expect(hotp(RFC_SEED, counter)).toBe(code);
  });
});

describe('TOTP (RFC 6238 appendix B, SHA-1, 8 digits)', () => {
  it.each([
    [59, '94287082'],
    [1_111_111_109, '07081804'],
    [1_111_111_111, '14050471'],
    [1_234_567_890, '89005924'],
    [2_000_000_000, '69279037'],
    [20_000_000_000, '65353130'],
  ])('at %i s gives %s', (seconds, code) => {
    expect(totpCode(RFC_SEED, totpStep(seconds * 1000), 8)).toBe(code);
  });

  it('gives the six-digit codes apps show (the low six digits)', () => {
    expect(totpCode(RFC_SEED, totpStep(59_000))).toBe('287082');
  });
});

describe('base32', () => {
  it('encodes as RFC 4648 without padding, and reads it back', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Encode(RFC_SEED)).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(base32Decode('mzxw 6ytb oi==').toString()).toBe('foobar');
    const secret = newTotpSecret();
    expect(secret).toHaveLength(20);
    expect(base32Decode(base32Encode(secret))).toEqual(secret);
  });

  it('refuses characters outside the alphabet', () => {
    expect(() => base32Decode('MZXW1')).toThrow();
  });
});

describe('checkTotp', () => {
  const secret = newTotpSecret();
  const now = Date.parse('2026-11-30T06:00:10Z');
  const step = totpStep(now);
  const code = (offset: number) => totpCode(secret, step + offset);

  it('accepts the current code and one step either side, and says which step matched', () => {
    expect(checkTotp(secret, code(0), now, null)).toEqual({ ok: true, step });
    expect(checkTotp(secret, code(-1), now, null)).toEqual({ ok: true, step: step - 1 });
    expect(checkTotp(secret, code(1), now, null)).toEqual({ ok: true, step: step + 1 });
  });

  it('refuses codes two steps away and wrong codes', () => {
    expect(checkTotp(secret, code(-2), now, null)).toEqual({ ok: false, reason: 'wrong' });
    expect(checkTotp(secret, code(2), now, null)).toEqual({ ok: false, reason: 'wrong' });
    const wrong = code(0) === '000000' ? '111111' : '000000';
    expect(checkTotp(secret, wrong, now, null).ok).toBe(false);
    expect(checkTotp(secret, `${code(0)}0`, now, null).ok).toBe(false);
    expect(checkTotp(secret, '', now, null).ok).toBe(false);
  });

  it('refuses a code whose step is not after the last used one', () => {
    expect(checkTotp(secret, code(0), now, step)).toEqual({ ok: false, reason: 'reused' });
    expect(checkTotp(secret, code(-1), now, step)).toEqual({ ok: false, reason: 'reused' });
    expect(checkTotp(secret, code(1), now, step)).toEqual({ ok: true, step: step + 1 });
    expect(checkTotp(secret, code(0), now, step - 1)).toEqual({ ok: true, step });
  });
});

describe('otpauthUri', () => {
  it('names Visitt and the account, with the secret and the parameters apps expect', () => {
    const uri = otpauthUri('lege@example.com', 'GEZDGNBV');
    expect(uri).toBe(
      'otpauth://totp/Visitt:lege%40example.com?secret=GEZDGNBV&issuer=Visitt&algorithm=SHA1&digits=6&period=30',
    );
  });

  it('encodes an e-mail so it cannot change the link', () => {
    const uri = new URL(otpauthUri('a&secret=EVIL#"<svg>@example.com', 'GEZDGNBV'));
    expect(uri.searchParams.getAll('secret')).toEqual(['GEZDGNBV']);
    expect(uri.hash).toBe('');
    expect(uri.href).not.toMatch(/[<>"]/);
  });
});
