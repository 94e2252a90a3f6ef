import type { Clinic, Me } from '@visitt/contracts';

/** `ABCD EFGH …`: the base32 key in groups of four, easier to type and to check. */
export function groupedSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/** The server's QR code (an SVG of paths only) as an image, so nothing of it runs in the page. */
export function svgDataUri(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/**
 * Where the identity provider's button leads (a full page navigation): the start path with
 * `next`, and `link=1` to link the identity to the signed-in account instead of signing in to
 * another one.
 */
export function oidcStartUrl(
  startPath: string,
  next: string,
  { link = false }: { link?: boolean } = {},
): string {
  const params = new URLSearchParams({ next });
  if (link) params.set('link', '1');
  return `${startPath}?${params.toString()}`;
}

/** Whether the patient must sign in strongly before starting a video consultation at `clinic`. */
export function needsStrongAuth(
  me: Pick<Me, 'strongAuth'> | null,
  clinic: Pick<Clinic, 'requiresStrongAuthForVideo'> | undefined,
): boolean {
  return me != null && !me.strongAuth && clinic?.requiresStrongAuthForVideo === true;
}

/**
 * The catalogue key of the way back from the code step to the address: another e-mail address,
 * or another number when the code went to a phone.
 */
export function changeAddressKey(
  channel: 'email' | 'phone',
): 'auth.changeAddress' | 'auth.changeNumber' {
  return channel === 'phone' ? 'auth.changeNumber' : 'auth.changeAddress';
}
