import { describe, expect, it } from 'vitest';
import { flatten } from './catalogue';
import { en, nb } from './all';

const nbKeys = flatten(nb);
const enKeys = flatten(en);

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('catalogues', () => {
  it('have the same keys', () => {
    expect([...enKeys.keys()].sort()).toEqual([...nbKeys.keys()].sort());
  });

  it('have no empty strings', () => {
    for (const [key, text] of [...nbKeys, ...enKeys]) {
      expect(text.trim(), key).not.toBe('');
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, text] of nbKeys) {
      expect(placeholders(enKeys.get(key) ?? ''), key).toEqual(placeholders(text));
    }
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
    expect(en.nav.startHealthcare).toBe('Start health care');
    expect(en.clinics.bookVideo).toBe('Book video consultation');
    expect(en.booking.book).toBe('Book');
    expect(en.booking.confirm).toBe('Confirm');
    expect(en.nav.myCalendar).toBe('My calendar');
    expect(en.video.start).toBe('Start video consultation');
    expect(en.video.hangUp).toBe('End call');
  });
});
