import { describe, expect, it } from 'vitest';
import { chooseLocale } from './locale';

describe('chooseLocale', () => {
  it.each([
    [null, ['en-US', 'nb-NO'], 'en'],
    [null, ['nb-NO', 'en-US'], 'nb'],
    [null, ['de-DE', 'nn-NO', 'en'], 'nn'],
    [null, ['nn'], 'nn'],
    [null, ['NN-no', 'nb-NO'], 'nn'],
    [null, ['nb-NO', 'nn-NO'], 'nb'],
    ['nn', ['en-GB'], 'nn'],
    ['nb', ['nn-NO'], 'nb'],
    [null, ['de-DE', 'en-GB', 'no'], 'en'],
    [null, ['no'], 'nb'],
    [null, ['sv-SE', 'de'], 'nb'],
    [null, [], 'nb'],
    ['en', ['nb-NO'], 'en'],
    ['nb', ['en-GB'], 'nb'],
    ['fr', ['EN-gb'], 'en'],
  ] as const)('saved %s and browser %j give %s', (saved, languages, expected) => {
    expect(chooseLocale(saved, languages)).toBe(expected);
  });
});
