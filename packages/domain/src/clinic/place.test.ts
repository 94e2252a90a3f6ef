import { describe, expect, it } from 'vitest';
import { clinicPlace } from './place';

describe('clinicPlace', () => {
  it.each([
    ['Storgata 1, 0155 Oslo', 'Oslo', 'Storgata 1, 0155 Oslo'],
    ['Storgata 1, 0155 OSLO', 'Oslo', 'Storgata 1, 0155 OSLO'],
    ['Torget 2, 9008 Tromsø', ' Tromsø ', 'Torget 2, 9008 Tromsø'],
    ['Storgata 1', 'Oslo', 'Storgata 1, Oslo'],
    // "Nordoslo" does not end with the town "Oslo": a word of its own is needed.
    ['Veien 3, Nordoslo', 'Oslo', 'Veien 3, Nordoslo, Oslo'],
    ['Storgata 1', null, 'Storgata 1'],
    [null, 'Oslo', 'Oslo'],
    ['', '', ''],
  ])('%j and %j give %j', (address, town, expected) => {
    expect(clinicPlace(address, town)).toBe(expected);
  });
});
