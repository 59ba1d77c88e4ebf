import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { SAMPLE_DATA_ONLY_BELOW, sampleDataRequestSchema, type SampleDataResponse } from '../../shared/api.js';
import { requirePermission } from '../auth/session-middleware.js';
import type { AppEnv } from '../http/app-env.js';
import { readJson } from '../http/read-json.js';
import { insertSampleCustomers } from './insert-sample-customers.js';

/**
 * POST /api/sample-data {count}: fills a near-empty organisation with realistic demo
 * customers. Admins only, and only while the organisation has fewer than
 * SAMPLE_DATA_ONLY_BELOW customers: a demo aid, not a way to grow a real list by 100,000.
 */
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
      onlyBelow: SAMPLE_DATA_ONLY_BELOW,
      // After each batch's commit: every open client of the organisation pulls the new rows.
      afterBatch: () => pokes.publish(session.organisationId).catch((e: unknown) => console.error('Poke failed', e)),
    });
    const body: SampleDataResponse = { created: result.created };
    return c.json(body, 201);
  });

  return app;
}
