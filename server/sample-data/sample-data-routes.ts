import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { sampleDataRequestSchema, type SampleDataResponse } from '../../shared/api.js';
import { requirePermission } from '../auth/session-middleware.js';
import type { AppEnv } from '../http/app-env.js';
import { readJson } from '../http/read-json.js';
import { insertSampleCustomers } from './insert-sample-customers.js';

/** POST /api/sample-data {count}: fills the organisation with realistic demo customers. */
export function sampleDataRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/', async (c) => {
    const session = requirePermission(c, 'sample-data.load');
    const { count } = await readJson(c, sampleDataRequestSchema);
    const { sql, config, now, pokes } = c.var.deps;
    const result = await insertSampleCustomers(sql, {
      organisationId: session.organisationId,
      count,
      // A fresh seed per load, so loading twice gives different customers.
      seed: randomBytes(16).toString('hex'),
      now: now(),
      sipRealm: config.sipRealm,
    });
    // After the commit: every open client of the organisation pulls the new rows.
    await pokes.publish(session.organisationId);
    const body: SampleDataResponse = { created: result.created };
    return c.json(body, 201);
  });

  return app;
}
