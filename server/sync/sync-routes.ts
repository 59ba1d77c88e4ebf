import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { pullRequestSchema, pushRequestSchema } from '../../shared/sync-protocol.js';
import { requirePermission, requireSession } from '../auth/session-middleware.js';
import type { SessionStreams } from '../auth/session-streams.js';
import { sessionIsLive } from '../auth/sessions.js';
import type { AppEnv } from '../http/app-env.js';
import { readJson } from '../http/read-json.js';
import { processPull } from './pull.js';
import { processPush } from './push.js';

/**
 * Replicache's endpoints: push, pull and the poke stream. Roles are checked per mutation in
 * push. Poke streams are registered in `streams`, which caps them and ends them on sign-out.
 */
export function syncRoutes(streams: SessionStreams): Hono<AppEnv> {
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
    const { pokes, sql, config, now } = c.var.deps;
    let end = () => {};
    const ended = new Promise<void>((resolve) => (end = resolve));
    // Before the stream starts, so a refusal is a plain 429.
    const release = streams.open(session.tokenHash, () => end());
    return streamSSE(c, async (stream) => {
      stream.onAbort(() => end());
      c.req.raw.signal.addEventListener('abort', () => end());
      const unsubscribe = pokes.subscribe(session.organisationId, () => {
        void stream.writeSSE({ event: 'poke', data: '' });
      });
      // A comment line keeps proxies from closing an idle stream (EventSource ignores it). The
      // session is re-checked too: signed out in another process, expired or its user disabled,
      // the stream ends. A failed check (database unreachable) keeps the stream.
      const beat = async () => {
        const live = await sessionIsLive(sql, session.tokenHash, now()).catch(() => true);
        if (!live) return end();
        await stream.write(': heartbeat\n\n');
      };
      const heartbeat = setInterval(() => void beat(), config.pokeHeartbeatMs);
      try {
        await stream.write(': connected\n\n');
        await ended;
      } finally {
        clearInterval(heartbeat);
        unsubscribe();
        release();
      }
    });
  });

  return app;
}
