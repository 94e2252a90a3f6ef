import { describe, expect, it } from 'vitest';
import { typeWithDuration } from './type-label';

describe('typeWithDuration', () => {
  it('does not repeat a length the name already has', () => {
    expect(typeWithDuration('Videokonsultasjon 15 min', 15, '15 min')).toBe(
      'Videokonsultasjon 15 min',
    );
  });
  it('adds the length otherwise', () => {
    expect(typeWithDuration('Samtale', 30, '30 min')).toBe('Samtale · 30 min');
    expect(typeWithDuration('Videokonsultasjon 15 min', 30, '30 min')).toBe(
      'Videokonsultasjon 15 min · 30 min',
    );
  });
});
