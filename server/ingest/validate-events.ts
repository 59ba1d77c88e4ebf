import { callEventSchema, type CallEvent } from '../../shared/call-event.js';
import type { IngestIssue } from '../../shared/cdr.js';
import type { NumberedRecord } from './ingest-body.js';

export interface ValidEvent {
  line: number;
  event: CallEvent & { at: number };
}

/** Checks each event with the shared schema; an event without a time happened `now`. */
export function validateEvents(records: readonly NumberedRecord[], now: number): { valid: ValidEvent[]; rejected: IngestIssue[] } {
  const valid: ValidEvent[] = [];
  const rejected: IngestIssue[] = [];
  for (const { line, value } of records) {
    if (value instanceof Error) {
      rejected.push({ line, message: value.message });
      continue;
    }
    const parsed = callEventSchema.safeParse(value);
    if (!parsed.success) {
      rejected.push({ line, message: parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ') });
      continue;
    }
    valid.push({ line, event: { ...parsed.data, at: parsed.data.at ?? now } });
  }
  return { valid, rejected };
}
