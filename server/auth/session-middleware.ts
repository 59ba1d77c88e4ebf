import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { assertCan, type Permission } from '../../shared/auth.js';
import { AppError } from '../../shared/errors.js';
import type { AppEnv, Session } from '../http/app-env.js';
import { SESSION_COOKIE, setSessionCookie } from './session-cookie.js';
import { findSession } from './sessions.js';

/** Puts the signed-in user (from the session cookie) on `c.var.session`, or undefined. */
export function sessionMiddleware(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    let session: Session | undefined;
    if (token) {
      const { sql, config, now } = c.var.deps;
      const at = now();
      const found = await findSession(sql, token, { now: at, sessionDays: config.sessionDays });
      if (found?.renewedUntil) setSessionCookie(c, config, token, found.renewedUntil, at);
      if (found) session = { user: found.user, organisationId: found.organisationId, tokenHash: found.tokenHash };
    }
    c.set('session', session);
    await next();
  };
}

/** The request's session, or a 401 unauthenticated. */
export function requireSession(c: Context<AppEnv>): Session {
  const session = c.var.session;
  if (!session) throw new AppError('unauthenticated', 'Please sign in.');
  return session;
}

/** The request's session when its role holds `permission`; 401 or 403 otherwise. */
export function requirePermission(c: Context<AppEnv>, permission: Permission): Session {
  const session = requireSession(c);
  assertCan(session.user.role, permission);
  return session;
}
