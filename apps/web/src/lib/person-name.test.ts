import { describe, expect, it } from 'vitest';
import { displayName } from './person-name';

describe('displayName', () => {
  it('keeps a name, without surrounding blanks', () => {
    expect(displayName('Ola Pasient', 'Pasienten')).toBe('Ola Pasient');
    expect(displayName('  Kari Nordmann \n', 'Pasienten')).toBe('Kari Nordmann');
  });

  it.each([null, undefined, '', '   ', '\t\n'])('falls back for %j', (name) => {
    expect(displayName(name, 'Pasienten')).toBe('Pasienten');
  });
});
