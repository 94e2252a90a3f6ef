import { isErrorCode, type ErrorCode } from '@visitt/contracts';

/** Codes the client adds for failures that never reached a JSON answer from the API. */
export type ClientErrorCode = 'network' | 'unexpected';

/** A failed API call: the API's error code (or a client-side one) and the HTTP status. */
export class ApiError extends Error {
  readonly code: ErrorCode | ClientErrorCode;
  readonly status: number;
  /** Seconds to wait, from `Retry-After` (for `rate_limited`), or null. */
  readonly retryAfterSeconds: number | null;
  readonly issues: readonly { path: string; message: string }[];
  /**
   * The whole JSON error body as the API sent it (null when it was not JSON), for codes that
   * carry more than `error` and `message` — e.g. the appointments of a 409 `hours_conflict`.
   * Parse it with the code's own contract before use.
   */
  readonly details: unknown;

  constructor(
    code: ErrorCode | ClientErrorCode,
    status: number,
    message: string,
    options: {
      retryAfterSeconds?: number | null;
      issues?: { path: string; message: string }[];
      details?: unknown;
    } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.retryAfterSeconds = options.retryAfterSeconds ?? null;
    this.issues = options.issues ?? [];
    this.details = options.details ?? null;
  }
}

/** Whether `error` is an {@link ApiError} with one of `codes`. */
export function isApiError(
  error: unknown,
  ...codes: (ErrorCode | ClientErrorCode)[]
): error is ApiError {
  return error instanceof ApiError && (codes.length === 0 || codes.includes(error.code));
}

/**
 * Whether asking again could help: not when the thing is not there (404 `not_found`), which
 * trying again will not change — the page offers a way back instead.
 */
export function isWorthRetrying(error: unknown): boolean {
  return !isApiError(error, 'not_found');
}

/**
 * Seconds from a `Retry-After` header (delta-seconds or an HTTP date), or null when absent or
 * unreadable. `now` is passed in so the function stays pure.
 */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value == null || value.trim() === '') return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | undefined>;
  signal?: AbortSignal;
  /** Lets the request finish when the page goes away (a `tel:` link opened right after, say). */
  keepalive?: boolean;
}

/** The issues of a `validation_failed` answer, when they are as the contract says. */
function readIssues(value: unknown): { path: string; message: string }[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const issues = value.filter(
    (issue): issue is { path: string; message: string } =>
      typeof issue === 'object' &&
      issue !== null &&
      typeof (issue as { path?: unknown }).path === 'string' &&
      typeof (issue as { message?: unknown }).message === 'string',
  );
  return issues.length === value.length ? issues : undefined;
}

const API_BASE = '/api/v1';

/** Builds `/api/v1{path}?query`, leaving out undefined and empty values. */
export function apiUrl(path: string, query?: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') params.set(key, value);
  }
  const search = params.toString();
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

async function readError(response: Response): Promise<ApiError> {
  const retryAfterSeconds = parseRetryAfter(response.headers.get('Retry-After'), Date.now());
  let json: unknown = null;
  try {
    json = await response.json();
  } catch {
    // Not JSON (a proxy's error page, say): fall through to a generic error.
  }
  // `{ error, message, issues? }` with one of the API's codes; anything else is unexpected.
  const body = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
  if (isErrorCode(body.error) && typeof body.message === 'string') {
    return new ApiError(body.error, response.status, body.message, {
      retryAfterSeconds,
      issues: readIssues(body.issues),
      details: json,
    });
  }
  const code: ErrorCode | ClientErrorCode =
    response.status === 401
      ? 'unauthorized'
      : response.status === 404
        ? 'not_found'
        : response.status === 429
          ? 'rate_limited'
          : 'unexpected';
  return new ApiError(code, response.status, `HTTP ${response.status}`, { retryAfterSeconds });
}

/**
 * Calls the API on the same origin with the session cookie. Resolves with the JSON answer as
 * `T`, the operation's contract type (undefined for an answer without a body); rejects with an
 * {@link ApiError}. The answer is not checked again here: the server checks every answer
 * against the same contract before it sends it (a mismatch there is a 500), and leaving the
 * schemas out keeps the first page small (decision 0026).
 */
export async function apiRequest<T = undefined>(
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const { method = 'GET', body, query, signal, keepalive } = options;
  let response: Response;
  try {
    response = await fetch(apiUrl(path, query), {
      method,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
      signal,
      ...(keepalive ? { keepalive } : {}),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError('network', 0, error instanceof Error ? error.message : 'Network error');
  }
  if (!response.ok) throw await readError(response);
  if (response.status === 204) return undefined as T;
  // The API answers 2xx with JSON or with nothing. Anything else (a captive portal's page, a
  // cut connection) is not taken for success.
  let text: string;
  try {
    text = await response.text();
  } catch {
    throw new ApiError('network', response.status, 'The answer was cut off');
  }
  if (text === '') return undefined as T;
  if (!(response.headers.get('content-type') ?? '').includes('json'))
    throw new ApiError('unexpected', response.status, 'The answer was not JSON');
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError('unexpected', response.status, 'The answer was not JSON');
  }
}
