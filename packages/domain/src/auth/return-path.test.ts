import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './return-path';

describe('safeReturnPath', () => {
  it.each([
    '/',
    '/timer',
    '/timer/',
    '/klinikk/1/bestill/tid?type=video',
    '/klinikk/1?x=1&y=2#tider',
    '/.well-known/x',
    '/a.b/c..d/...',
    '/s%C3%B8k?q=%2F%2Fevil.example',
    '/x?next=//evil.example',
    '/x#//evil',
  ])('keeps %s', (value) => {
    expect(safeReturnPath(value, '/start')).toBe(value);
  });

  it.each([
    [null],
    [undefined],
    [''],
    ['timer'],
    ['https://evil.example/'],
    ['//evil.example'],
    ['///evil.example'],
    ['/\\evil.example'],
    ['/\\/evil.example'],
    ['\\/evil.example'],
    ['/.//evil.example'],
    ['/./evil.example'],
    ['/../evil.example'],
    ['/a/../b'],
    ['/a/..'],
    ['/a/.'],
    ['/a/./b'],
    ['/a//b'],
    ['/%2e//evil.example'],
    ['/%2E%2E//evil.example'],
    ['/.%2e//evil.example'],
    ['/%2f/evil.example'],
    ['/%2F%2Fevil.example'],
    ['/%5cevil.example'],
    ['/%5C%5Cevil.example'],
    ['/%252e//evil.example'],
    ['/%252f%252fevil.example'],
    ['/%25252e%25252e/x'],
    ['/%0a/evil.example'],
    ['/%00'],
    ['/%7f'],
    ['/%zz'],
    ['/%'],
    ['/%2'],
    ['/\t/evil.example'],
    ['/\n/evil.example'],
    ['/\r\n/evil.example'],
    ['/ /evil.example'],
    [' /timer'],
    ['/timer\u0000'],
    ['/timer\u007f'],
    ['/timer\u0085'],
    ['/tim\u00e9r'],
    ['/\u2044\u2044evil.example'],
    ['/\uff0f\uff0fevil.example'],
    ['/timer#a#b'],
    ["/timer?q='"],
    ['/timer?q=a b'],
    [`/${'x'.repeat(1000)}`],
  ])('refuses %j', (value) => {
    expect(safeReturnPath(value, '/start')).toBe('/start');
  });

  it('accepts up to 1000 characters', () => {
    const longest = `/${'x'.repeat(999)}`;
    expect(safeReturnPath(longest, '/')).toBe(longest);
  });
});
