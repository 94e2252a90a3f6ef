import { describe, expect, it } from 'vitest';
import {
  newRecoveryCodes,
  normalizeRecoveryCode,
  RECOVERY_ALPHABET,
  recoveryCodeHash,
} from './recovery-codes';

describe('recovery codes', () => {
  it('makes ten distinct xxxx-xxxx codes from the readable alphabet', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) {
      expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}$/);
      for (const char of code.replace('-', '')) expect(RECOVERY_ALPHABET).toContain(char);
    }
    expect(RECOVERY_ALPHABET).not.toMatch(/[01ilo]/);
  });

  it('hashes what is typed regardless of case, spaces and hyphens, bound to the user', () => {
    const secret = 'a server secret of at least 32 chars!';
    const hash = recoveryCodeHash(secret, 'user-1', 'abcd-2345');
    expect(recoveryCodeHash(secret, 'user-1', ' ABCD 2345 ')).toEqual(hash);
    expect(recoveryCodeHash(secret, 'user-1', 'abcd2345')).toEqual(hash);
    expect(recoveryCodeHash(secret, 'user-2', 'abcd-2345')).not.toEqual(hash);
    expect(normalizeRecoveryCode('AbCd-2345')).toBe('abcd2345');
  });
});
