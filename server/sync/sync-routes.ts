import { Hono } from 'hono';
import { pullRequestSchema, pushRequestSchema } from '../../shared/sync-protocol.js';
import { requirePermission, requireSession } from '../auth/session-middleware.js';
import type { SessionStreams } from '../auth/session-streams.js';
import type { AppEnv } from '../http/app-env.js';
import { readJson } from '../http/read-json.js';
import { pokeStream } from './poke-stream.js';
import { processPull } from './pull.js';
import { processPush } from './push.js';

/**
 * Replicache's endpoints: push, pull and the poke stream. Roles are checked per mutation in
 * push. Poke streams are registered in `streams` (see `pokeStream`).
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

  app.get('/poke', (c) => {
    const session = requirePermission(c, 'customers.read');
    return pokeStream(c, session, streams);
  });

  return app;
}
