import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { AppError } from '../../shared/errors.js';
import { SESSION_COOKIE } from '../auth/session-cookie.js';
import type { Config } from '../config.js';
import type { AppEnv } from './app-env.js';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Cross-site request forgery guard for state-changing requests (the session cookie is
 * SameSite=Lax, and this checks what Lax leaves open).
 *
 * - With an `Origin` header, it must be this server's own origin (the scheme it was
 *   reached over plus the `Host` header) or one listed in PUBLIC_ORIGIN. X-Forwarded-*
 *   headers are never trusted: behind a TLS-terminating proxy the server sees http while
 *   the browser says https, so list the public origin in PUBLIC_ORIGIN.
 * - Without `Origin`, a request carrying the session cookie is refused: browsers always
 *   send Origin on these methods, so a cookie without one is not a page of ours.
 * - Without `Origin` and without the cookie, the request passes. It carries no ambient
 *   browser credential, so it cannot be forged cross-site; this is how future machine
 *   clients (API keys in the Authorization header, no cookie) get through, and the routes
 *   they call must authenticate them themselves.
 */
export function originCheck(config: Config): MiddlewareHandler<AppEnv> {
  const allowed = new Set(config.allowedOrigins);
  return async (c, next) => {
    if (!STATE_CHANGING.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    if (origin === undefined) {
      if (getCookie(c, SESSION_COOKIE) !== undefined) {
        throw new AppError('bad_origin', 'This request did not say which site sent it, so it was refused.');
      }
      return next();
    }
    if (origin === new URL(c.req.url).origin || allowed.has(origin)) return next();
    throw new AppError('bad_origin', `Requests from ${origin} are not allowed. Open Trunkline at its own address.`);
  };
}
