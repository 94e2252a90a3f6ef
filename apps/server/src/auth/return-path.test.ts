import { safeReturnPath } from '@visitt/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

// The property runs here rather than in the domain because it needs the WHATWG URL parser, which
// the domain (no DOM, no node:*) does not have.
const ORIGIN = 'https://visitt.invalid';
const FALLBACK = '/fallback';

/** What a browser does with the value as a redirect target: where it goes, and to which path. */
function followed(value: string): { origin: string; path: string } {
  const url = new URL(value, ORIGIN);
  // From the serialization, which keeps an empty `?` or `#` (url.search and url.hash drop them).
  return { origin: url.origin, path: url.href.slice(url.origin.length) };
}

/** `decodeURIComponent`, or null where the escapes are no UTF-8 (it throws then). */
function decodedOrNull(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

/** The characters attacks are made of, so generated strings hit the interesting cases often. */
const pieces = fc.constantFrom(
  '/',
  '\\',
  '.',
  '..',
  '%',
  '%2e',
  '%2E',
  '%2f',
  '%2F',
  '%5c',
  '%25',
  '%0a',
  '?',
  '#',
  '@',
  ':',
  '\t',
  '\n',
  ' ',
  '\u0000',
  'evil.example',
  'https:',
  'x',
  '\uff0f',
);
const attackish = fc.array(pieces, { maxLength: 12 }).map((parts) => parts.join(''));
const anything = fc.oneof(
  attackish,
  attackish.map((s) => `/${s}`),
  fc.string({ unit: 'grapheme-ascii', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.webUrl().map((u) => u.slice(u.indexOf('/', 8))),
);

describe('safeReturnPath', () => {
  it('gives either the fallback or one path on this origin that a URL parser keeps as it is', () => {
    fc.assert(
      fc.property(anything, (value) => {
        const result = safeReturnPath(value, FALLBACK);
        if (result === FALLBACK) return;
        expect(result).toBe(value);
        expect(result[0]).toBe('/');
        expect(['/', '\\']).not.toContain(result[1]);
        expect(followed(result)).toEqual({ origin: ORIGIN, path: result });
        // Decoded again (as a second layer might), the path still has no way off the site. An
        // escape that is no UTF-8 (`/%A0`) cannot be decoded at all: such a layer goes nowhere.
        const path = new URL(result, ORIGIN).pathname;
        const decoded = decodedOrNull(path);
        if (decoded === null) return;
        expect(followed(decoded).origin).toBe(ORIGIN);
        expect(decoded).not.toMatch(/\/\/|\\|(^|\/)\.\.?(\/|$)/);
      }),
      // An escape that is no UTF-8, once found by a random run.
      { numRuns: 20_000, examples: [['/%A0']] },
    );
  });

  it('keeps ordinary paths of the site', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z0-9-]{1,12}$/), { minLength: 1, maxLength: 5 }),
        fc.option(fc.stringMatching(/^[a-z]{1,5}=[a-z0-9]{0,5}$/), { nil: undefined }),
        (segments, query) => {
          const value = `/${segments.join('/')}${query ? `?${query}` : ''}`;
          expect(safeReturnPath(value, FALLBACK)).toBe(value);
        },
      ),
    );
  });

  it.each([
    '/.//evil.example',
    '/%2e//evil.example',
    '/%2e%2e//evil.example',
    '/a/..//evil.example',
    '/%252e//evil.example',
    '/\\evil.example',
    '/\t/evil.example',
    '//evil.example',
  ])('refuses %j, which a URL parser would otherwise resolve to another path', (value) => {
    expect(safeReturnPath(value, FALLBACK)).toBe(FALLBACK);
  });

  it('closes the open redirect of `/.//evil.example`', () => {
    // What the old check let through: the URL parser turns it into a protocol-relative path.
    expect(followed('/.//evil.example').path).toBe('//evil.example');
    expect(safeReturnPath('/.//evil.example', FALLBACK)).toBe(FALLBACK);
  });
});
