import Papa from 'papaparse';
import { CDR_FIELDS, CDR_REQUIRED_FIELDS } from '../../shared/cdr.js';
import { AppError } from '../../shared/errors.js';

/** One record of an ingest request before validation, with the line staff will be told about. */
export interface NumberedRecord {
  line: number;
  value: unknown;
}

export type IngestFormat = 'json' | 'ndjson' | 'csv';

/** The format from the Content-Type header; JSON when it says nothing more specific. */
export function ingestFormat(contentType: string | undefined): IngestFormat {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/x-ndjson' || type === 'application/ndjson' || type === 'application/jsonl') return 'ndjson';
  if (type === 'text/csv' || type === 'application/csv') return 'csv';
  return 'json';
}

/**
 * Splits a request body into records numbered as the sender sees them: a JSON array's
 * element n is line n (1-based), an NDJSON line is its line number, a CSV record is its
 * spreadsheet row (the header is row 1). A line that is not JSON becomes a record whose
 * value is an `Error`, so it is reported with its number and the rest still import.
 */
export function splitRecords(body: string, format: IngestFormat, maxRecords: number): NumberedRecord[] {
  const records = format === 'json' ? jsonArray(body) : format === 'ndjson' ? ndjson(body) : csv(body);
  if (records.length > maxRecords) {
    throw new AppError('too_large', `At most ${maxRecords.toLocaleString('en')} records per request; this one has ${records.length.toLocaleString('en')}. Send it in parts.`);
  }
  return records;
}

function jsonArray(body: string): NumberedRecord[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new AppError('invalid_input', 'The body is not valid JSON. Send a JSON array of records, NDJSON (application/x-ndjson) or CSV (text/csv).');
  }
  const list = Array.isArray(parsed) ? parsed : [parsed];
  return list.map((value, i) => ({ line: i + 1, value }));
}

function ndjson(body: string): NumberedRecord[] {
  const records: NumberedRecord[] = [];
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.trim();
    if (text === '') continue;
    try {
      records.push({ line: i + 1, value: JSON.parse(text) });
    } catch {
      records.push({ line: i + 1, value: new Error('This line is not valid JSON') });
    }
  }
  return records;
}

// papaparse: a maintained, fast (100k rows in ~0.4 s) parser that handles quoting, BOMs and delimiters.
function csv(body: string): NumberedRecord[] {
  const result = Papa.parse<Record<string, string>>(body.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: csvHeaderToField,
  });
  // Without this check a body without its header line would lose its first record: papaparse
  // would take that record for the header.
  const columns = new Set(result.meta.fields ?? []);
  const missing = CDR_REQUIRED_FIELDS.filter((f) => !columns.has(f));
  if (missing.length > 0) {
    const optional = CDR_FIELDS.filter((f) => !CDR_REQUIRED_FIELDS.includes(f));
    throw new AppError(
      'invalid_input',
      `The first line of a CSV must be a header naming its columns: ${CDR_REQUIRED_FIELDS.join(', ')} (required), ` +
        `${optional.join(', ')} (optional). This one lacks the required ${missing.join(', ')}.`,
    );
  }
  return result.data.map((value, i) => ({ line: i + 2, value }));
}

const BY_LOOSE_NAME = new Map(CDR_FIELDS.map((f) => [f.toLowerCase(), f]));

/** `call_id`, `Call ID` and `callId` all name the same field. */
export function csvHeaderToField(header: string): string {
  const loose = header.trim().toLowerCase().replace(/[\s_-]/g, '');
  return BY_LOOSE_NAME.get(loose) ?? header.trim();
}
