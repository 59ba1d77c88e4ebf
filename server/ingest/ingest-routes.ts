import { Hono } from 'hono';
import type { Sql } from 'postgres';
import { MAX_EVENTS_PER_REQUEST, type CallEventsResult } from '../../shared/call-event.js';
import { AppError } from '../../shared/errors.js';
import { MAX_CDRS_PER_REQUEST, type IngestIssue, type IngestResult } from '../../shared/cdr.js';
import { authenticateApiKey } from '../api-keys/api-key-auth.js';
import { retryTransient } from '../db/retry-transient.js';
import type { AppEnv } from '../http/app-env.js';
import { CdrPartitions, dayStart } from './cdr-partitions.js';
import { ingestFormat, splitRecords } from './ingest-body.js';
import { splitByWindow } from './record-window.js';
import { storeCdrs } from './store-cdrs.js';
import { storeEvents } from './store-events.js';
import { validateCdrs } from './validate-cdrs.js';
import { validateEvents } from './validate-events.js';

const partitionsBySql = new WeakMap<Sql, CdrPartitions>();
const partitionsFor = (sql: Sql) => partitionsBySql.get(sql) ?? partitionsBySql.set(sql, new CdrPartitions(sql)).get(sql)!;

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
    const { sql, config, now, pokes } = c.var.deps;
    const records = splitRecords(await c.req.text(), ingestFormat(c.req.header('content-type')), MAX_CDRS_PER_REQUEST);
    const checked = validateCdrs(records);
    const window = { now: now().getTime(), retentionDays: config.cdrRetentionDays };
    const { kept, refused } = splitByWindow(checked.valid, window, { field: 'startedAt', time: (v) => v.cdr.startedAt, callId: (v) => v.cdr.callId });
    const days = new Set(kept.map((k) => dayStart(k.cdr.startedAt)));
    await retryTransient(() => partitionsFor(sql).ensure(days));
    const stored = await storeCdrs(sql, key.organisationId, key.id, kept);
    if (stored.charged > 0) await pokes.publish(key.organisationId).catch((e: unknown) => console.error('Poke failed', e));
    const result: IngestResult = {
      accepted: stored.accepted,
      duplicates: stored.duplicates + checked.repeated,
      rejected: byLine([...checked.rejected, ...refused, ...stored.rejected]),
      ...ignored(checked.ignoredFields),
    };
    return c.json(result);
  });

  app.post('/events', async (c) => {
    const key = await authenticateApiKey(c);
    const { sql, config, now } = c.var.deps;
    const format = ingestFormat(c.req.header('content-type'));
    if (format === 'csv') throw new AppError('invalid_input', 'Send call events as a JSON array or NDJSON (application/x-ndjson).');
    const records = splitRecords(await c.req.text(), format, MAX_EVENTS_PER_REQUEST);
    const window = { now: now().getTime(), retentionDays: config.cdrRetentionDays };
    const checked = validateEvents(records, window.now);
    const { kept, refused } = splitByWindow(checked.valid, window, { field: 'at', time: (v) => v.event.at, callId: (v) => v.event.callId });
    const stored = await storeEvents(sql, key.organisationId, kept, config.maxCallSeconds);
    const result: CallEventsResult = {
      accepted: stored.accepted,
      rejected: byLine([...checked.rejected, ...refused, ...stored.rejected]),
      ...ignored(checked.ignoredFields),
    };
    return c.json(result);
  });

  return app;
}

const byLine = (issues: IngestIssue[]) => issues.sort((a, b) => a.line - b.line);

/** The answer names the fields it ignored only when there were some. */
const ignored = (names: ReadonlySet<string>): { ignoredFields?: string[] } => (names.size > 0 ? { ignoredFields: [...names].sort() } : {});
