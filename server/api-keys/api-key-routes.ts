import { Hono } from 'hono';
import { apiKeyParamsSchema, createApiKeyRequestSchema } from '../../shared/api.js';
import { parseOrThrow } from '../../shared/validation.js';
import { requirePermission } from '../auth/session-middleware.js';
import type { AppEnv } from '../http/app-env.js';
import { readJson } from '../http/read-json.js';
import { createApiKey, listApiKeys, revokeApiKey } from './api-key-store.js';

/** The switch API keys of the admin's own organisation, mounted at /api/api-keys. Admins only. */
export function apiKeyRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/', async (c) => {
    const session = requirePermission(c, 'apiKeys.manage');
    return c.json(await listApiKeys(c.var.deps.sql, session.organisationId));
  });

  app.post('/', async (c) => {
    // Permission before parsing: someone who may not create keys learns nothing from validation errors.
    const session = requirePermission(c, 'apiKeys.manage');
    const input = await readJson(c, createApiKeyRequestSchema);
    const created = await createApiKey(c.var.deps.sql, {
      organisationId: session.organisationId,
      name: input.name,
      createdBy: session.user.id,
      now: c.var.deps.now(),
    });
    return c.json(created, 201);
  });

  app.delete('/:id', async (c) => {
    const session = requirePermission(c, 'apiKeys.manage');
    const { id } = parseOrThrow(apiKeyParamsSchema, c.req.param(), 'request');
    return c.json(await revokeApiKey(c.var.deps.sql, session.organisationId, id, c.var.deps.now()));
  });

  return app;
}
