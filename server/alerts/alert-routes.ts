import { Hono } from 'hono';
import { alertLogQuerySchema, alertRuleIdSchema, alertRuleInputSchema } from '../../shared/alert-rule.js';
import { parseOrThrow } from '../../shared/validation.js';
import { requirePermission } from '../auth/session-middleware.js';
import type { AppEnv } from '../http/app-env.js';
import { readJson } from '../http/read-json.js';
import { listAlertEvents } from './alert-event-store.js';
import { deleteAlertRule, listAlertRules, saveAlertRule } from './alert-rule-store.js';

/** Alert rules (`/api/alert-rules`: staff read, admins and operators write) and the alerts log (`/api/alerts`). */
export function alertRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/alert-rules', async (c) => {
    const session = requirePermission(c, 'customers.read');
    return c.json(await listAlertRules(c.var.deps.sql, session.organisationId));
  });

  app.post('/alert-rules', async (c) => {
    const session = requirePermission(c, 'alerts.manage');
    const values = await readJson(c, alertRuleInputSchema);
    return c.json(await saveAlertRule(c.var.deps.sql, session.organisationId, values), 201);
  });

  app.put('/alert-rules/:id', async (c) => {
    const session = requirePermission(c, 'alerts.manage');
    const { id } = parseOrThrow(alertRuleIdSchema, c.req.param(), 'request');
    const values = await readJson(c, alertRuleInputSchema);
    return c.json(await saveAlertRule(c.var.deps.sql, session.organisationId, values, id));
  });

  app.delete('/alert-rules/:id', async (c) => {
    const session = requirePermission(c, 'alerts.manage');
    const { id } = parseOrThrow(alertRuleIdSchema, c.req.param(), 'request');
    await deleteAlertRule(c.var.deps.sql, session.organisationId, id);
    return c.json({ ok: true });
  });

  app.get('/alerts', async (c) => {
    const session = requirePermission(c, 'customers.read');
    const query = parseOrThrow(alertLogQuerySchema, c.req.query(), 'request');
    return c.json(await listAlertEvents(c.var.deps.sql, session.organisationId, query));
  });

  return app;
}
