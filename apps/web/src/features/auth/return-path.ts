/**
 * The in-app path to go to after signing in, from `?neste=`, or `fallback`. Only paths on this
 * site are accepted ("/x", not "//evil.example" or "https://…"), so the link cannot send the
 * user elsewhere.
 */
export function safeReturnPath(value: string | null, fallback = '/'): string {
  if (value == null || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\'))
    return fallback;
  return value;
}

/** `/logg-inn?neste=…` for coming back to `path` after signing in. */
export function signInPath(path: string): string {
  return `/logg-inn?neste=${encodeURIComponent(path)}`;
}
