import { describe, expect, it } from 'vitest';
import { STATEMENT_LISTS, STATEMENT_REVIEWED, statementTexts } from './statement-texts';

/** Every dotted key with its text. */
function leaves(node: object, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(node)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object')
      for (const [k, v] of leaves(value as object, path)) out.set(k, v);
    else out.set(path, value);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const [source, ...others] = Object.entries(statementTexts);
const sourceLeaves = leaves(source![1]);

describe('the accessibility statement’s texts', () => {
  it('come in bokmål, nynorsk and English', () => {
    expect(Object.keys(statementTexts).sort()).toEqual(['en', 'nb', 'nn']);
    expect(source![0]).toBe('nb');
  });

  it.each(others)('%s has exactly the keys of bokmål', (_locale, texts) => {
    expect([...leaves(texts).keys()].sort()).toEqual([...sourceLeaves.keys()].sort());
  });

  it.each(Object.entries(statementTexts))('%s has no empty text', (_locale, texts) => {
    for (const [key, text] of leaves(texts)) {
      expect(typeof text, key).toBe('string');
      expect((text as string).trim(), key).not.toBe('');
    }
  });

  it.each(others)('%s fills the same placeholders as bokmål', (_locale, texts) => {
    for (const [key, text] of leaves(texts))
      expect(placeholders(text as string), key).toEqual(
        placeholders(sourceLeaves.get(key) as string),
      );
  });

  it('writes nynorsk in its own forms, not bokmål’s', () => {
    const nynorsk = [...leaves(statementTexts.nn).values()].join('\n');
    for (const bokmal of [
      /\bikke\b/i,
      /\bhva\b/i,
      /\bhvordan\b/i,
      /\bogså\b/i,
      /\bfra\b/i,
      /\bbare\b/i,
    ])
      expect(nynorsk).not.toMatch(bokmal);
  });

  it('shows every item of each list', () => {
    for (const [list, keys] of Object.entries(STATEMENT_LISTS))
      for (const texts of Object.values(statementTexts))
        expect(Object.keys(texts[list as keyof typeof STATEMENT_LISTS].items).sort()).toEqual(
          [...keys].sort(),
        );
  });

  it('was last reviewed on a real date', () => {
    expect(STATEMENT_REVIEWED).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(new Date(`${STATEMENT_REVIEWED}T12:00:00Z`).toISOString().slice(0, 10)).toBe(
      STATEMENT_REVIEWED,
    );
  });
});
