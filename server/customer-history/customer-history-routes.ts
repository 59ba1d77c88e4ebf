import { Hono } from 'hono';
import { AppError } from '../../shared/errors.js';
import { customerIdParamSchema, ledgerQuerySchema, trafficHistoryQuerySchema } from '../../shared/traffic-history.js';
import { parseOrThrow } from '../../shared/validation.js';
import { requirePermission } from '../auth/session-middleware.js';
import type { AppEnv } from '../http/app-env.js';
import { ledgerEntries } from './ledger-entries.js';
import { trafficHistory } from './traffic-history.js';

/** A customer's history for the card, mounted at /api/customers: traffic over time and the balance ledger. */
export function customerHistoryRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/:id/traffic', async (c) => {
    const session = requirePermission(c, 'customers.read');
    const { id } = parseOrThrow(customerIdParamSchema, c.req.param(), 'request');
    const q = parseOrThrow(trafficHistoryQuerySchema, c.req.query(), 'request');
    const history = await trafficHistory(c.var.deps.sql, session.organisationId, id, new Date(q.from), new Date(q.to));
    if (!history) throw new AppError('not_found', 'That customer does not exist.');
    return c.json(history);
  });

  app.get('/:id/ledger', async (c) => {
    const session = requirePermission(c, 'customers.read');
    const { id } = parseOrThrow(customerIdParamSchema, c.req.param(), 'request');
    const q = parseOrThrow(ledgerQuerySchema, c.req.query(), 'request');
    return c.json(await ledgerEntries(c.var.deps.sql, session.organisationId, id, q));
  });

  return app;
}
