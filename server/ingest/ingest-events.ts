import type { CallEventsResult } from '../../shared/call-event.js';
import type { AppDeps } from '../http/app-env.js';
import { byLine, ignoredFields } from './ingest-answer.js';
import type { NumberedRecord } from './ingest-body.js';
import { splitByWindow } from './record-window.js';
import { storeEvents } from './store-events.js';
import { validateEvents } from './validate-events.js';

export type IngestEventsDeps = Pick<AppDeps, 'sql' | 'config' | 'now'>;

/**
 * Ingests the call events of one request for an organisation: each is checked with the
 * shared schema (an event without a time happened now) and the same time window as call
 * records, and the good ones are applied to the live calls (see `storeEvents`). The answer
 * reports every refused event with its line and reason.
 */
export async function ingestEvents(deps: IngestEventsDeps, organisationId: string, records: readonly NumberedRecord[]): Promise<CallEventsResult> {
  const { sql, config, now } = deps;
  const window = { now: now().getTime(), retentionDays: config.cdrRetentionDays };
  const checked = validateEvents(records, window.now);
  const { kept, refused } = splitByWindow(checked.valid, window, { field: 'at', time: (v) => v.event.at, callId: (v) => v.event.callId });
  const stored = await storeEvents(sql, organisationId, kept, config.maxCallSeconds);
  return {
    accepted: stored.accepted,
    rejected: byLine([...checked.rejected, ...refused, ...stored.rejected]),
    ...ignoredFields(checked.ignoredFields),
  };
}
