import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './return-path';

describe('safeReturnPath', () => {
  it.each([
    ['/timer', '/timer'],
    ['/klinikk/1?x=1#y', '/klinikk/1?x=1#y'],
    ['/a/../b', '/b'],
  ])('keeps the path %s on this site', (value, expected) => {
    expect(safeReturnPath(value, '/')).toBe(expected);
  });

  it.each([
    [undefined],
    [''],
    ['timer'],
    ['//evil.example/x'],
    ['/\\evil.example'],
    ['https://evil.example/'],
    ['/\t/evil.example'],
    ['/%0a'.replace('%0a', '\n')],
    [`/${'x'.repeat(1001)}`],
  ])('replaces %j by the fallback', (value) => {
    expect(safeReturnPath(value, '/start')).toBe('/start');
  });
});
