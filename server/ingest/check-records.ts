import type { z } from 'zod';
import type { IngestIssue } from '../../shared/cdr.js';
import type { NumberedRecord } from './ingest-body.js';

/** The records of a request that passed their schema, and those that did not. */
export interface CheckedRecords<T> {
  valid: { line: number; value: T }[];
  rejected: IngestIssue[];
  /** Names the valid records carried that the schema does not know: ignored, so the sender is told. */
  ignoredFields: Set<string>;
}

/** papaparse's key for the cells of a CSV row beyond its header: not a field anyone named. */
const CSV_EXTRA_CELLS = '__parsed_extra';

/**
 * Checks each record with `schema`. A bad record is reported with its line and every
 * reason, naming the fields it carried that are not in `fields` (a misspelt name is the
 * likely cause of a "missing"); good records go on, their unknown names collected.
 */
export function checkRecords<S extends z.ZodType>(records: readonly NumberedRecord[], schema: S, fields: readonly string[]): CheckedRecords<z.output<S>> {
  const known = new Set(fields);
  const valid: { line: number; value: z.output<S> }[] = [];
  const rejected: IngestIssue[] = [];
  const ignoredFields = new Set<string>();
  for (const { line, value } of records) {
    if (value instanceof Error) {
      rejected.push({ line, message: value.message });
      continue;
    }
    const unknown = unknownFields(value, known);
    const parsed = schema.safeParse(value);
    if (parsed.success) {
      valid.push({ line, value: parsed.data });
      for (const name of unknown) ignoredFields.add(name);
      continue;
    }
    const reasons = describeIssues(parsed.error.issues);
    rejected.push({ line, ...callIdOf(value), message: unknown.length > 0 ? `${reasons}; ${describeUnknown(unknown)}` : reasons });
  }
  return { valid, rejected, ignoredFields };
}

/** The names of `value`'s fields that are not `known`, in the order they came. */
export function unknownFields(value: unknown, known: ReadonlySet<string>): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  return Object.keys(value).filter((k) => !known.has(k) && k !== CSV_EXTRA_CELLS);
}

const describeUnknown = (names: readonly string[]) => `unknown ${names.length === 1 ? 'field' : 'fields'}: ${names.join(', ')}`;

function callIdOf(value: unknown): { callId?: string } {
  const id = typeof value === 'object' && value !== null ? (value as { callId?: unknown }).callId : undefined;
  return typeof id === 'string' || typeof id === 'number' ? { callId: String(id) } : {};
}

function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues.map((i) => (i.path.length > 0 ? `${i.path.map(String).join('.')}: ${i.message}` : i.message)).join('; ');
}
