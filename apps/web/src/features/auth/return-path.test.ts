import { safeReturnPath } from '@visitt/domain';
import { describe, expect, it } from 'vitest';
import { signInAgainPath, signInPath } from './return-path';

// The rule itself is the domain's (tested there and, with a URL parser, on the server); these
// check that the links the client builds come back through it.
describe('sign-in links', () => {
  it('round-trip the way back through `?neste=`', () => {
    const link = new URL(signInPath('/klinikk/1?x=1&y=2'), 'http://localhost');
    expect(safeReturnPath(link.searchParams.get('neste'), '/')).toBe('/klinikk/1?x=1&y=2');
  });

  it('keep a path the browser had percent-encoded', () => {
    const here = new URL('http://localhost/finn-klinikk?q=Bjørnstjerne Bjørnson#liste');
    const link = new URL(signInPath(`${here.pathname}${here.search}${here.hash}`), here);
    expect(safeReturnPath(link.searchParams.get('neste'), '/')).toBe(
      '/finn-klinikk?q=Bj%C3%B8rnstjerne%20Bj%C3%B8rnson#liste',
    );
  });

  it('ask for a new sign-in and keep the way back', () => {
    const link = new URL(signInAgainPath('/varsler'), 'http://localhost');
    expect(link.pathname).toBe('/logg-inn');
    expect(link.searchParams.get('igjen')).toBe('1');
    expect(safeReturnPath(link.searchParams.get('neste'), '/')).toBe('/varsler');
  });

  it('fall back when `neste` leads off the site', () => {
    for (const neste of ['//evil.example', '/.//evil.example', '/%2e%2e//evil.example']) {
      const link = new URL(`/logg-inn?neste=${encodeURIComponent(neste)}`, 'http://localhost');
      expect(safeReturnPath(link.searchParams.get('neste'), '/timer')).toBe('/timer');
    }
  });
});
