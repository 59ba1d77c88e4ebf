import { CALL_EVENT_FIELDS, callEventSchema, type CallEvent } from '../../shared/call-event.js';
import type { IngestIssue } from '../../shared/cdr.js';
import { checkRecords } from './check-records.js';
import type { NumberedRecord } from './ingest-body.js';

export interface ValidEvent {
  line: number;
  event: CallEvent & { at: number };
}

/** Checks each event with the shared schema; an event without a time happened `now`. */
export function validateEvents(records: readonly NumberedRecord[], now: number): { valid: ValidEvent[]; rejected: IngestIssue[]; ignoredFields: Set<string> } {
  const checked = checkRecords(records, callEventSchema, CALL_EVENT_FIELDS);
  const valid = checked.valid.map(({ line, value }) => ({ line, event: { ...value, at: value.at ?? now } }));
  return { valid, rejected: checked.rejected, ignoredFields: checked.ignoredFields };
}
