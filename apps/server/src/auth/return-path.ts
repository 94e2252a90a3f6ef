/**
 * A path on this site to send the browser to after signing in, or `fallback`. Only same-origin
 * paths pass: `/x` (not `//evil.example`, `/\evil.example`, `https://…`, or anything with control
 * characters or backslashes, which browsers may read as another host). Checked on the server
 * because the value comes from a link anyone can craft.
 */
export function safeReturnPath(value: string | undefined | null, fallback: string): string {
  if (!value || value.length > 1000) return fallback;
  if (!value.startsWith('/') || value.startsWith('//')) return fallback;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what it refuses
  if (/[\\\u0000-\u001F\u007F]/.test(value)) return fallback;
  const base = 'https://visitt.invalid';
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
