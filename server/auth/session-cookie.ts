import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { Config } from '../config.js';

/** Name of the cookie holding the opaque session token. */
export const SESSION_COOKIE = 'trunkline_session';

/**
 * Sends the session cookie: HttpOnly (scripts cannot read it), SameSite=Lax (not sent on
 * cross-site POSTs), and Secure when the browser reached us over https.
 */
export function setSessionCookie(c: Context, config: Config, token: string, expiresAt: Date, now: Date): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: isSecure(c, config),
    maxAge: Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000)),
  });
}

export function clearSessionCookie(c: Context, config: Config): void {
  deleteCookie(c, SESSION_COOKIE, { httpOnly: true, sameSite: 'Lax', path: '/', secure: isSecure(c, config) });
}

/**
 * SECURE_COOKIES=true/false decides outright. Otherwise ('auto') the cookie is Secure when
 * the request came over https, judged by the URL this server saw or by the browser's own
 * Origin header (which the origin check has vetted), so plain-http localhost keeps working.
 * Behind a TLS-terminating proxy, set SECURE_COOKIES=true to be sure.
 */
function isSecure(c: Context, config: Config): boolean {
  if (config.secureCookies !== 'auto') return config.secureCookies;
  return new URL(c.req.url).protocol === 'https:' || (c.req.header('origin')?.startsWith('https://') ?? false);
}
