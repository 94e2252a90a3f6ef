import { describe, expect, it } from 'vitest';
import { flatten } from './catalogue';
import { catalogues, en, nb, nn } from './all';
import type { Locale } from './catalogue';
import { LOCALES } from './locale';

const nbKeys = flatten(nb);
const enKeys = flatten(en);
const nnKeys = flatten(nn);
const keysOf: Record<Locale, Map<string, string>> = { nb: nbKeys, nn: nnKeys, en: enKeys };

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('catalogues', () => {
  it('exist for every language', () => {
    expect(Object.keys(catalogues).sort()).toEqual([...LOCALES].sort());
  });

  it.each(LOCALES)('%s has every key of the others, and no other', (locale) => {
    const own = keysOf[locale];
    for (const other of LOCALES) {
      const missing = [...keysOf[other].keys()].filter((key) => !own.has(key));
      expect(missing, `keys of ${other} missing in ${locale}`).toEqual([]);
    }
  });

  it('have no empty strings', () => {
    for (const locale of LOCALES) {
      for (const [key, text] of keysOf[locale])
        expect(text.trim(), `${locale} ${key}`).not.toBe('');
    }
  });

  it('use the same placeholders in every language', () => {
    for (const [key, text] of nbKeys) {
      for (const locale of ['nn', 'en'] as const) {
        expect(placeholders(keysOf[locale].get(key) ?? ''), `${locale} ${key}`).toEqual(
          placeholders(text),
        );
      }
    }
  });

  // Words that are bokmål and never nynorsk: a text copied from bokmål, or a bokmål form that
  // slipped into a translation, shows up here.
  const BOKMAL_ONLY =
    /\b(ikke|jeg|hva|hvordan|hvem|hvor|hvis|hvilke|hvilken|noen|noe|bare|fra|mens|selv|dere|deres|hennes|tilgjengelig|endret)\b/i;
  it('write nynorsk in nynorsk', () => {
    const slips = [...nnKeys].filter(([, text]) => BOKMAL_ONLY.test(text));
    expect(slips.map(([key, text]) => `${key}: ${text}`)).toEqual([]);
  });

  it('keep the labels of the seed exact', () => {
    expect(nb.nav.start).toBe('Start');
    expect(nb.nav.startHealthcare).toBe('Start helsehjelp');
    expect(nb.clinics.bookVideo).toBe('Bestill videokonsultasjon');
    expect(nb.booking.book).toBe('Bestill');
    expect(nb.booking.confirm).toBe('Bekreft');
    expect(nb.nav.myCalendar).toBe('Min kalender');
    expect(nb.video.start).toBe('Start videokonsultasjon');
    expect(nb.video.hangUp).toBe('Avslutt');
    // The same words in nynorsk.
    expect(nn.nav.start).toBe('Start');
    expect(nn.nav.startHealthcare).toBe('Start helsehjelp');
    expect(nn.clinics.bookVideo).toBe('Bestill videokonsultasjon');
    expect(nn.booking.book).toBe('Bestill');
    expect(nn.booking.confirm).toBe('Bekreft');
    expect(nn.nav.myCalendar).toBe('Min kalender');
    expect(nn.video.start).toBe('Start videokonsultasjon');
    expect(nn.video.hangUp).toBe('Avslutt');
    expect(en.nav.startHealthcare).toBe('Start health care');
    expect(en.clinics.bookVideo).toBe('Book video consultation');
    expect(en.booking.book).toBe('Book');
    expect(en.booking.confirm).toBe('Confirm');
    expect(en.nav.myCalendar).toBe('My calendar');
    expect(en.video.start).toBe('Start video consultation');
    expect(en.video.hangUp).toBe('End call');
  });
});
