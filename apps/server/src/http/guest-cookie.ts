import type { FastifyReply } from 'fastify';

/**
 * The cookie that names the browser holding a guest link (decision 0030): `__Host-` and
 * `Secure` over https. Apart from the session cookie: a guest has no account, and a signed-in
 * patient's browser may open a guest link too.
 */
export function guestCookieName(publicUrl: string): string {
  return publicUrl.startsWith('https://') ? '__Host-visitt_guest' : 'visitt_guest';
}

/** Gives the browser its guest cookie, for as long as any video room stays open (a day). */
export function setGuestCookie(reply: FastifyReply, publicUrl: string, token: string) {
  return reply.setCookie(guestCookieName(publicUrl), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: publicUrl.startsWith('https://'),
    maxAge: 24 * 60 * 60,
  });
}
