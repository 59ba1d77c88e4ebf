import { Hono } from 'hono';
import { MAX_EVENTS_PER_REQUEST } from '../../shared/call-event.js';
import { AppError } from '../../shared/errors.js';
import { MAX_CDRS_PER_REQUEST } from '../../shared/cdr.js';
import { authenticateApiKey } from '../api-keys/api-key-auth.js';
import type { AppEnv } from '../http/app-env.js';
import { ingestFormat, splitRecords } from './ingest-body.js';
import { ingestCdrs } from './ingest-cdrs.js';
import { ingestEvents } from './ingest-events.js';

/**
 * What softswitches call, mounted at /api/ingest, authenticated by a switch API key
 * (`Authorization: Bearer <key>`). Bodies are a JSON array, NDJSON or CSV (with its
 * header line). The answer reports every refused record with its line and reason, and
 * the field names it ignored; the good ones are stored. Sending the same records again
 * is safe: they count once.
 */
export function ingestRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/cdrs', async (c) => {
    const key = await authenticateApiKey(c);
    const records = splitRecords(await c.req.text(), ingestFormat(c.req.header('content-type')), MAX_CDRS_PER_REQUEST);
    return c.json(await ingestCdrs(c.var.deps, key, records));
  });

  app.post('/events', async (c) => {
    const key = await authenticateApiKey(c);
    const format = ingestFormat(c.req.header('content-type'));
    if (format === 'csv') throw new AppError('invalid_input', 'Send call events as a JSON array or NDJSON (application/x-ndjson).');
    const records = splitRecords(await c.req.text(), format, MAX_EVENTS_PER_REQUEST);
    return c.json(await ingestEvents(c.var.deps, key.organisationId, records));
  });

  return app;
}
