import { Hono } from 'hono';
import { createUserRequestSchema } from '../../shared/api.js';
import { hashPassword } from '../auth/password.js';
import { requirePermission } from '../auth/session-middleware.js';
import type { AppEnv } from '../http/app-env.js';
import { readJson } from '../http/read-json.js';
import { insertUser, listUsers } from './user-store.js';

/** Staff accounts of the admin's own organisation, mounted at /api/users. Admins only. */
export function userRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/', async (c) => {
    const session = requirePermission(c, 'users.manage');
    return c.json(await listUsers(c.var.deps.sql, session.organisationId));
  });

  app.post('/', async (c) => {
    // Permission before parsing: someone who may not add users learns nothing from validation errors.
    const session = requirePermission(c, 'users.manage');
    const input = await readJson(c, createUserRequestSchema);
    const passwordHash = await hashPassword(input.password);
    const user = await insertUser(c.var.deps.sql, {
      organisationId: session.organisationId,
      email: input.email,
      name: input.name,
      role: input.role,
      passwordHash,
    });
    return c.json(user, 201);
  });

  return app;
}
