import { CDR_FIELDS, cdrInputSchema, type CdrInput, type IngestIssue } from '../../shared/cdr.js';
import { callRecordKey } from './call-record-key.js';
import { checkRecords } from './check-records.js';
import type { NumberedRecord } from './ingest-body.js';

export interface ValidCdr {
  line: number;
  cdr: CdrInput;
}

export interface ValidatedBatch {
  valid: ValidCdr[];
  rejected: IngestIssue[];
  /** Records repeated within this request (same call id and start): stored once. */
  repeated: number;
  /** Field names the valid records carried that are not call-record fields. */
  ignoredFields: Set<string>;
}

/**
 * Checks each record with the shared schema. A bad record is reported with its line and
 * every reason; good records go on. A record repeated within the request counts once.
 */
export function validateCdrs(records: readonly NumberedRecord[]): ValidatedBatch {
  const checked = checkRecords(records, cdrInputSchema, CDR_FIELDS);
  const valid: ValidCdr[] = [];
  const seen = new Set<string>();
  let repeated = 0;
  for (const { line, value: cdr } of checked.valid) {
    const key = callRecordKey(cdr.callId, cdr.startedAt);
    if (seen.has(key)) {
      repeated += 1;
      continue;
    }
    seen.add(key);
    valid.push({ line, cdr });
  }
  return { valid, rejected: checked.rejected, repeated, ignoredFields: checked.ignoredFields };
}
