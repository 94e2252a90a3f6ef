// Characters a return path may hold at all: RFC 3986's unreserved and sub-delimiters (without
// the apostrophe, which a URL parser escapes in a query), `:`, `@`, `/`, `%` for escapes, and `?`
// and `#` for the query and fragment. Everything else is refused rather than repaired: spaces
// and control characters (parsers strip or keep them differently), the backslash (browsers read
// it as `/`), non-ASCII (a path built from `location` arrives percent-encoded anyway).
const ALLOWED = /^[A-Za-z0-9\-._~!$&()*+,;=:@/%?#]*$/;

// A `%` must start an escape of two hex digits.
const BROKEN_ESCAPE = /%(?![0-9A-Fa-f]{2})/;

// Escapes refused in the path: they would hide a dot segment (`%2e`), a slash or backslash
// (`%2f`, `%5c`), a control character, or another escape (`%25`, so a second decoding somewhere
// downstream cannot produce any of these either).
const HIDING_ESCAPE = /%(?:2[eEfF5]|5[cC]|[01][0-9A-Fa-f]|7[fF])/;

const MAX_LENGTH = 1000;

/**
 * A path on this site to go to after signing in, or `fallback`. Returns `value` unchanged when it
 * is one: it starts with exactly one `/`, holds only URL-safe ASCII, has no empty segment (`//`) but
 * a trailing slash, no dot segment (`/./`, `/../`, `/.`, `/..`) in its path, and no escape there that decodes
 * to `.`, `/`, `\`, `%` or a control character. So a URL parser keeps it on this origin with this
 * very path, however many times it is decoded. Anything else, and anything over 1000 characters,
 * gives `fallback`. The value comes from a link anyone can craft (`?neste=`, the OpenID Connect
 * return path), so it is checked, never repaired.
 */
export function safeReturnPath(value: string | null | undefined, fallback: string): string {
  if (!value || value.length > MAX_LENGTH) return fallback;
  if (!value.startsWith('/') || !ALLOWED.test(value) || BROKEN_ESCAPE.test(value)) return fallback;
  const hash = value.indexOf('#');
  // A second `#` would be escaped by a URL parser, so the value would not come back unchanged.
  if (hash !== -1 && value.includes('#', hash + 1)) return fallback;
  const pathEnd = value.search(/[?#]/);
  const path = pathEnd === -1 ? value : value.slice(0, pathEnd);
  if (HIDING_ESCAPE.test(path)) return fallback;
  // A trailing slash is one empty segment at the end; any other empty one is a `//`.
  const segments = path.slice(1).split('/');
  const last = segments.length - 1;
  const isRefused = segments.some(
    (segment, i) => segment === '.' || segment === '..' || (segment === '' && i !== last),
  );
  return isRefused ? fallback : value;
}
