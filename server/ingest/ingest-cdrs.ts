import type { Sql } from 'postgres';
import type { IngestResult } from '../../shared/cdr.js';
import { retryTransient } from '../db/retry-transient.js';
import type { AppDeps } from '../http/app-env.js';
import { CdrPartitions, dayStart } from './cdr-partitions.js';
import { byLine, ignoredFields } from './ingest-answer.js';
import type { NumberedRecord } from './ingest-body.js';
import { splitByWindow } from './record-window.js';
import { storeCdrs } from './store-cdrs.js';
import { validateCdrs } from './validate-cdrs.js';

export type IngestCdrsDeps = Pick<AppDeps, 'sql' | 'config' | 'pokes' | 'now'>;

/** The switch API key a request came with: its records belong to the key's organisation. */
export interface SwitchKey {
  id: string;
  organisationId: string;
}

// One per database handle: a process remembers the days it has created.
const partitionsBySql = new WeakMap<Sql, CdrPartitions>();
const partitionsFor = (sql: Sql) => partitionsBySql.get(sql) ?? partitionsBySql.set(sql, new CdrPartitions(sql)).get(sql)!;

/**
 * Ingests the call records of one request: each is checked with the shared schema and
 * the time window (retention, switch clock), their days' partitions are made, the good
 * ones are stored and charged (see `storeCdrs`), and the organisation's devices are poked
 * when credits changed. The answer reports every refused record with its line and reason.
 */
export async function ingestCdrs(deps: IngestCdrsDeps, key: SwitchKey, records: readonly NumberedRecord[]): Promise<IngestResult> {
  const { sql, config, now, pokes } = deps;
  const checked = validateCdrs(records);
  const window = { now: now().getTime(), retentionDays: config.cdrRetentionDays };
  const { kept, refused } = splitByWindow(checked.valid, window, { field: 'startedAt', time: (v) => v.cdr.startedAt, callId: (v) => v.cdr.callId });
  await retryTransient(() => partitionsFor(sql).ensure(new Set(kept.map((k) => dayStart(k.cdr.startedAt)))));
  const stored = await storeCdrs(sql, key.organisationId, key.id, kept);
  if (stored.charged > 0) await pokes.publish(key.organisationId).catch((e: unknown) => console.error('Poke failed', e));
  return {
    accepted: stored.accepted,
    duplicates: stored.duplicates + checked.repeated,
    rejected: byLine([...checked.rejected, ...refused, ...stored.rejected]),
    ...ignoredFields(checked.ignoredFields),
  };
}
