import { describe, expect, it } from 'vitest';
import { flatten } from '../../i18n/catalogue';
import { LOCALES } from '../../i18n/locale';
import { deviceTestTexts } from './texts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the test page's texts", () => {
  const nb = flatten(deviceTestTexts.nb);

  it.each(LOCALES)(
    '%s has every key of bokmål and no other, none empty, same placeholders',
    (locale) => {
      const own = flatten(deviceTestTexts[locale]);
      expect([...own.keys()].sort()).toEqual([...nb.keys()].sort());
      for (const [key, text] of own) {
        expect(text.trim(), key).not.toBe('');
        expect(placeholders(text), key).toEqual(placeholders(nb.get(key)!));
      }
    },
  );

  it('writes nynorsk in nynorsk', () => {
    const bokmal = /\b(ikke|jeg|hva|hvordan|noen|noe|bare|fra|mens|selv|virker|hørte)\b/i;
    const slips = [...flatten(deviceTestTexts.nn)].filter(([, text]) => bokmal.test(text));
    expect(slips).toEqual([]);
  });
});
