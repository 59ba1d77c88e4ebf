import { cdrInputSchema, type CdrInput, type IngestIssue } from '../../shared/cdr.js';
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
}

/**
 * Checks each record with the shared schema. A bad record is reported with its line and
 * every reason; good records go on. A record repeated within the request counts once.
 */
export function validateCdrs(records: readonly NumberedRecord[]): ValidatedBatch {
  const valid: ValidCdr[] = [];
  const rejected: IngestIssue[] = [];
  const seen = new Set<string>();
  let repeated = 0;
  for (const { line, value } of records) {
    if (value instanceof Error) {
      rejected.push({ line, message: value.message });
      continue;
    }
    const parsed = cdrInputSchema.safeParse(value);
    if (!parsed.success) {
      rejected.push({ line, ...callIdOf(value), message: describeIssues(parsed.error.issues) });
      continue;
    }
    const key = `${parsed.data.callId}\u0000${parsed.data.startedAt}`;
    if (seen.has(key)) {
      repeated += 1;
      continue;
    }
    seen.add(key);
    valid.push({ line, cdr: parsed.data });
  }
  return { valid, rejected, repeated };
}

function callIdOf(value: unknown): { callId?: string } {
  const id = typeof value === 'object' && value !== null ? (value as { callId?: unknown }).callId : undefined;
  return typeof id === 'string' || typeof id === 'number' ? { callId: String(id) } : {};
}

function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues.map((i) => (i.path.length > 0 ? `${i.path.map(String).join('.')}: ${i.message}` : i.message)).join('; ');
}
