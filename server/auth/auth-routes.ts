import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context } from 'hono';
import {
  loginRequestSchema,
  setupRequestSchema,
  type AuthStateResponse,
  type MeResponse,
  type SessionUser,
} from '../../shared/api.js';
import { AppError } from '../../shared/errors.js';
import type { AppEnv } from '../http/app-env.js';
import { readJson } from '../http/read-json.js';
import { needsSetup, setUpFirstAdmin } from './first-setup.js';
import { LoginThrottle } from './login-throttle.js';
import { hashPassword, needsRehash, verifyPassword } from './password.js';
import { clearSessionCookie, setSessionCookie } from './session-cookie.js';
import { requireSession } from './session-middleware.js';
import type { SessionStreams } from './session-streams.js';
import { createSession, deleteSession } from './sessions.js';

const WRONG_CREDENTIALS = 'Email or password is wrong';

/**
 * Sign-in, sign-out, first-time set-up and "who am I", mounted at /api/auth. Signing out
 * ends the session's open `streams` in this process.
 */
export function authRoutes(streams: SessionStreams): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const throttle = new LoginThrottle();
  // Verified against when the email is unknown, so a miss costs as much time as a wrong password.
  let dummyHash: Promise<string> | undefined;

  app.get('/state', async (c) => {
    const body: AuthStateResponse = { needsSetup: await needsSetup(c.var.deps.sql) };
    return c.json(body);
  });

  app.post('/setup', async (c) => {
    const input = await readJson(c, setupRequestSchema);
    const { sql, config, now } = c.var.deps;
    // Cheap refusal first; the transaction re-checks under a lock.
    if (!(await needsSetup(sql))) throw new AppError('already_set_up', 'Trunkline is already set up. Sign in instead.');
    const passwordHash = await hashPassword(input.password);
    const at = now();
    const result = await setUpFirstAdmin(sql, { ...input, passwordHash }, sessionOptions(c, at));
    setSessionCookie(c, config, result.session.token, result.session.expiresAt, at);
    const body: MeResponse = { user: result.user, organisation: result.organisation };
    return c.json(body, 201);
  });

  app.post('/login', async (c) => {
    const { email, password } = await readJson(c, loginRequestSchema);
    const { sql, config, now } = c.var.deps;
    const ip = clientAddress(c);
    throttle.check(email, ip, now());
    dummyHash ??= hashPassword('not a real password, only spends the same time');
    const [user] = await sql<(SessionUser & { password_hash: string; organisation_id: string; organisation_name: string })[]>`
      select u.id, u.email, u.name, u.role, u.password_hash, u.organisation_id, o.name as organisation_name
      from users u join organisations o on o.id = u.organisation_id
      where lower(u.email) = ${email} and u.disabled_at is null`;
    const ok = await verifyPassword(password, user?.password_hash ?? (await dummyHash));
    if (!user || !ok) {
      throttle.recordFailure(email, ip, now());
      throw new AppError('bad_credentials', WRONG_CREDENTIALS);
    }
    throttle.recordSuccess(email);
    if (needsRehash(user.password_hash)) {
      // Raised cost parameters reach each account at its next sign-in.
      await sql`update users set password_hash = ${await hashPassword(password)} where id = ${user.id}`;
    }
    const at = now();
    const session = await createSession(sql, user.id, sessionOptions(c, at));
    setSessionCookie(c, config, session.token, session.expiresAt, at);
    const body: MeResponse = {
      user: { id: user.id, email: user.email, name: user.name, role: user.role },
      organisation: { id: user.organisation_id, name: user.organisation_name },
    };
    return c.json(body);
  });

  app.post('/logout', async (c) => {
    const session = c.var.session;
    if (session) {
      await deleteSession(c.var.deps.sql, session.tokenHash);
      streams.closeSession(session.tokenHash);
    }
    clearSessionCookie(c, c.var.deps.config);
    return c.json({ ok: true });
  });

  app.get('/me', async (c) => {
    const session = requireSession(c);
    const [org] = await c.var.deps.sql<{ name: string }[]>`select name from organisations where id = ${session.organisationId}`;
    const body: MeResponse = { user: session.user, organisation: { id: session.organisationId, name: org?.name ?? '' } };
    return c.json(body);
  });

  return app;
}

function sessionOptions(c: Context<AppEnv>, now: Date) {
  return { now, sessionDays: c.var.deps.config.sessionDays, userAgent: c.req.header('user-agent') };
}

/** The peer address. Forwarded-for headers are not trusted (anyone can send them). */
function clientAddress(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
