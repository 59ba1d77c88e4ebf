import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.js';

/** How long the database gets to answer a health check: a hung connect must not hang the check. */
export const HEALTH_CHECK_TIMEOUT_MS = 2000;

/** The body of `GET /api/healthz`. */
export type Health = { ok: true } | { ok: false; reason: string };

/**
 * `GET /healthz` (mounted under /api), for load balancers and monitors: 200 `{ ok: true }`
 * while the database answers, 503 `{ ok: false, reason }` while it does not (within
 * {@link HEALTH_CHECK_TIMEOUT_MS}). Nothing is cached: the first check after the database
 * is back answers 200 again, without a restart. It asks on a connection of its own where
 * there is one, so busy requests never make a working server look down.
 */
export function healthRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/healthz', async (c) => {
    const { sql, healthSql } = c.var.deps;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${HEALTH_CHECK_TIMEOUT_MS / 1000} s`)), HEALTH_CHECK_TIMEOUT_MS);
    });
    try {
      await Promise.race([(healthSql ?? sql)`select 1`.execute(), timedOut]);
      return c.json<Health>({ ok: true });
    } catch (error) {
      return c.json<Health>({ ok: false, reason: `database unreachable: ${(error as Error).message}` }, 503);
    } finally {
      clearTimeout(timer);
    }
  });
  return app;
}
