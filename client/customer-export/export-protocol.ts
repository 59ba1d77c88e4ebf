import { createCsvWriter } from './csv-writer.js';
import type { ExportLayout, ExportRow } from './export-cells.js';
import type { ExportFormat, ExportWriter } from './export-writer.js';
import { createXlsxWriter } from './xlsx-writer.js';

/** The page to the export worker: start, the rows in chunks (in order), finish. */
export type ExportRequest =
  | { type: 'start'; format: ExportFormat; layout: ExportLayout }
  | { type: 'rows'; rows: ExportRow[] }
  | { type: 'finish' };

/** The worker to the page: rows written so far, then the file or why there is none. */
export type ExportReply = { type: 'progress'; written: number } | { type: 'done'; file: Blob } | { type: 'failed'; message: string };

/**
 * One export as the worker runs it, apart from the worker itself (export.worker.ts only
 * passes messages), so it runs as is in tests.
 */
export function createExportSession(reply: (message: ExportReply) => void): (request: ExportRequest) => Promise<void> {
  let writer: ExportWriter | undefined;
  let written = 0;
  return async (request) => {
    try {
      if (request.type === 'start') {
        writer = request.format === 'csv' ? createCsvWriter(request.layout) : createXlsxWriter(request.layout);
        written = 0;
      } else if (!writer) {
        throw new Error('The export was not started');
      } else if (request.type === 'rows') {
        writer.add(request.rows);
        written += request.rows.length;
        reply({ type: 'progress', written });
      } else {
        const file = await writer.finish();
        writer = undefined;
        reply({ type: 'done', file });
      }
    } catch (e) {
      writer = undefined;
      reply({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  };
}
