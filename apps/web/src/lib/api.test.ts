import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiRequest, apiUrl, isApiError, isWorthRetrying, parseRetryAfter } from './api';

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

describe('apiRequest errors', () => {
  afterEach(() => vi.unstubAllGlobals());

  const answer = (status: number, body: string) =>
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        Promise.resolve(
          new Response(body, { status, headers: { 'Content-Type': 'application/json' } }),
        ),
      ),
    );

  it('keeps the whole error body in `details` (a 409 hours_conflict lists appointments)', async () => {
    const body = { error: 'hours_conflict', message: 'Outside hours', appointments: [{ id: 'a' }] };
    answer(409, JSON.stringify(body));
    const error: unknown = await apiRequest('/admin/clinics/x', { method: 'PUT', body: {} }).catch(
      (e: unknown) => e,
    );
    expect(isApiError(error, 'hours_conflict')).toBe(true);
    expect(isApiError(error) && error.status).toBe(409);
    expect(isApiError(error) && error.details).toEqual(body);
  });

  it('has null `details` when the body is not an API error', async () => {
    answer(502, '<html>Bad gateway</html>');
    const error: unknown = await apiRequest('/x').catch((e: unknown) => e);
    expect(isApiError(error, 'unexpected')).toBe(true);
    expect(isApiError(error) && error.details).toBeNull();
  });
});

describe('apiRequest answers', () => {
  afterEach(() => vi.unstubAllGlobals());

  const answer = (status: number, body: string | null, type: string | null) =>
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        Promise.resolve(
          new Response(body, { status, headers: type ? { 'Content-Type': type } : {} }),
        ),
      ),
    );

  it('gives the JSON of a 2xx, and nothing for 204 or an empty body', async () => {
    answer(200, '{"name":"Ola"}', 'application/json; charset=utf-8');
    expect(await apiRequest<{ name: string }>('/me')).toEqual({ name: 'Ola' });
    answer(204, null, null);
    expect(await apiRequest('/auth/logout', { method: 'POST' })).toBeUndefined();
    answer(202, '', 'application/json');
    expect(await apiRequest('/x', { method: 'POST' })).toBeUndefined();
  });

  it('never takes a page that is not the API’s JSON for success (a captive portal)', async () => {
    answer(200, '<html>Log in to the Wi-Fi</html>', 'text/html');
    const notJson: unknown = await apiRequest('/me').catch((e: unknown) => e);
    expect(isApiError(notJson, 'unexpected')).toBe(true);
    answer(200, '{"cut', 'application/json');
    const cut: unknown = await apiRequest('/me').catch((e: unknown) => e);
    expect(isApiError(cut, 'unexpected')).toBe(true);
  });
});

describe('isWorthRetrying', () => {
  it('offers no retry for what is not there, and one for failures that may pass', () => {
    expect(isWorthRetrying(new ApiError('not_found', 404, 'Not found'))).toBe(false);
    expect(isWorthRetrying(new ApiError('network', 0, 'Offline'))).toBe(true);
    expect(isWorthRetrying(new ApiError('internal', 500, 'Oops'))).toBe(true);
    expect(isWorthRetrying(new Error('boom'))).toBe(true);
  });
});
