import { describe, expect, it } from 'vitest';
import { apiUrl, parseRetryAfter } from './api';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-12-01T10:00:00Z');
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', now)).toBe(120);
    expect(parseRetryAfter('Tue, 01 Dec 2026 10:01:30 GMT', now)).toBe(90);
    expect(parseRetryAfter('Tue, 01 Dec 2026 09:00:00 GMT', now)).toBe(0);
  });
  it('gives null when absent or unreadable', () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});

describe('apiUrl', () => {
  it('encodes the + of an offset and leaves out empty values', () => {
    expect(
      apiUrl('/clinics/x/slots', { from: '2026-12-01T00:00:00+01:00', q: '', to: undefined }),
    ).toBe('/api/v1/clinics/x/slots?from=2026-12-01T00%3A00%3A00%2B01%3A00');
  });
});
