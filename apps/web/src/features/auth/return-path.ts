/** `/logg-inn?neste=…` for coming back to `path` after signing in. */
export function signInPath(path: string): string {
  return `/logg-inn?neste=${encodeURIComponent(path)}`;
}

/**
 * `/logg-inn?neste=…&igjen=1`: sign in again although signed in (the server wants a recent
 * sign-in before contact details change), then back to `path`. Without `igjen` the sign-in page
 * sends a signed-in user straight on.
 */
export function signInAgainPath(path: string): string {
  return `${signInPath(path)}&igjen=1`;
}
