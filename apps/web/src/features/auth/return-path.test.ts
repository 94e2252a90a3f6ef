import { describe, expect, it } from 'vitest';
import { safeReturnPath, signInAgainPath, signInPath } from './return-path';

describe('safeReturnPath', () => {
  it('accepts paths on this site', () => {
    expect(safeReturnPath('/finn-klinikk')).toBe('/finn-klinikk');
    expect(safeReturnPath('/klinikk/1/bestill/tid?type=video')).toBe(
      '/klinikk/1/bestill/tid?type=video',
    );
  });
  it('refuses other sites and falls back', () => {
    expect(safeReturnPath('//evil.example')).toBe('/');
    expect(safeReturnPath('/\\evil.example')).toBe('/');
    expect(safeReturnPath('https://evil.example', '/timer')).toBe('/timer');
    expect(safeReturnPath(null)).toBe('/');
  });
  it('round-trips through the sign-in link', () => {
    const link = new URL(signInPath('/klinikk/1?x=1&y=2'), 'http://localhost');
    expect(safeReturnPath(link.searchParams.get('neste'))).toBe('/klinikk/1?x=1&y=2');
  });
  it('asks for a new sign-in and keeps the way back', () => {
    const link = new URL(signInAgainPath('/varsler'), 'http://localhost');
    expect(link.pathname).toBe('/logg-inn');
    expect(link.searchParams.get('igjen')).toBe('1');
    expect(safeReturnPath(link.searchParams.get('neste'))).toBe('/varsler');
  });
});
