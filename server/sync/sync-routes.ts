import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { pullRequestSchema, pushRequestSchema } from '../../shared/sync-protocol.js';
import { requirePermission, requireSession } from '../auth/session-middleware.js';
import type { AppEnv } from '../http/app-env.js';
import { readJson } from '../http/read-json.js';
import { processPull } from './pull.js';
import { processPush } from './push.js';

/** Keeps proxies and load balancers from closing an idle poke stream. */
export const HEARTBEAT_MS = 25_000;

/** Replicache's endpoints: push, pull and the poke stream. Roles are checked per mutation in push. */
export function syncRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/push', async (c) => {
    const session = requireSession(c);
    const push = await readJson(c, pushRequestSchema);
    await processPush(c.var.deps, session, push);
    return c.json({});
  });

  app.post('/pull', async (c) => {
    const session = requirePermission(c, 'customers.read');
    const pull = await readJson(c, pullRequestSchema);
    return c.json(await processPull(c.var.deps, session, pull));
  });

  // Server-Sent Events: a `poke` event carries no data and means "pull now".
  app.get('/poke', (c) => {
    const session = requirePermission(c, 'customers.read');
    const { pokes } = c.var.deps;
    return streamSSE(c, async (stream) => {
      const closed = new Promise<void>((resolve) => {
        stream.onAbort(resolve);
        c.req.raw.signal.addEventListener('abort', () => resolve());
      });
      const unsubscribe = pokes.subscribe(session.organisationId, () => {
        void stream.writeSSE({ event: 'poke', data: '' });
      });
      // A comment line: EventSource ignores it, but it keeps the connection in use.
      const heartbeat = setInterval(() => void stream.write(': heartbeat\n\n'), HEARTBEAT_MS);
      try {
        await stream.write(': connected\n\n');
        await closed;
      } finally {
        clearInterval(heartbeat);
        unsubscribe();
      }
    });
  });

  return app;
}
