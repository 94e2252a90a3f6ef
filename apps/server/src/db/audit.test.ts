import { describe, expect, it } from 'vitest';
import { storableDetails } from './audit';

describe('storableDetails', () => {
  it.each([
    ['a NUL', 'a\u0000b', 'a\uFFFDb'],
    ['a lone high surrogate', 'a\uD800b', 'a\uFFFDb'],
    ['a lone low surrogate', 'a\uDC00b', 'a\uFFFDb'],
    ['a whole pair, kept', 'a\uD83D\uDE00b', 'a\uD83D\uDE00b'],
    ['plain text, kept', 'Lege Ås', 'Lege Ås'],
  ])('%s', (_name, value, stored) => {
    expect(JSON.parse(storableDetails({ name: value, nested: { list: [value] } }))).toEqual({
      name: stored,
      nested: { list: [stored] },
    });
  });
});
