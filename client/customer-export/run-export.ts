import type { GridColumnId } from '../../shared/grid-view.js';
import type { IndexedCustomer } from '../customer-index/indexed-customer.js';
import { exportPlan, exportRow, type ExportRow } from './export-cells.js';
import type { ExportReply, ExportRequest } from './export-protocol.js';
import type { ExportFormat } from './export-writer.js';

export interface ExportJob {
  format: ExportFormat;
  /** In the order they are written. */
  rows: readonly IndexedCustomer[];
  columns: readonly GridColumnId[];
  /** Rows the worker has written so far. */
  onProgress: (written: number, total: number) => void;
}

/** The worker's side as the page sees it (a test may pass its own). */
export interface ExportPort {
  post(request: ExportRequest): void;
  onReply(listener: (reply: ExportReply) => void): void;
  onCrash(listener: (message: string) => void): void;
  close(): void;
}

/** Rows per message: a few milliseconds of reading on the page between two chances to paint or handle input. */
const CHUNK_ROWS = 1000;

/**
 * Writes `job.rows` to a file off the main thread: the page reads the rows' values in
 * chunks, yielding between chunks, and sends each to the worker, which writes them as
 * they arrive (the XLSX compressed as it goes) and gives the file at the end.
 */
export async function runExport(job: ExportJob, port: ExportPort = workerPort()): Promise<Blob> {
  const total = job.rows.length;
  const result = new Promise<Blob>((resolve, reject) => {
    port.onReply((reply) => {
      if (reply.type === 'progress') job.onProgress(reply.written, total);
      else if (reply.type === 'done') resolve(reply.file);
      else reject(new Error(reply.message));
    });
    port.onCrash((message) => reject(new Error(message)));
  });
  // A failure while rows are still being sent ends the export at once, not after them.
  let failed = false;
  result.catch(() => (failed = true));
  try {
    const plan = exportPlan(job.columns);
    port.post({ type: 'start', format: job.format, layout: plan.layout });
    for (let at = 0; at < total && !failed; at += CHUNK_ROWS) {
      const rows: ExportRow[] = [];
      for (const row of job.rows.slice(at, at + CHUNK_ROWS)) rows.push(exportRow(plan, row));
      port.post({ type: 'rows', rows });
      await nextTask();
    }
    port.post({ type: 'finish' });
    return await result;
  } finally {
    port.close();
  }
}

/** A fresh worker per export: its memory (the file being written) goes with it. */
function workerPort(): ExportPort {
  const worker = new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module', name: 'export' });
  return {
    post: (request) => worker.postMessage(request),
    onReply: (listener) => worker.addEventListener('message', (e: MessageEvent<ExportReply>) => listener(e.data)),
    onCrash: (listener) => {
      worker.addEventListener('error', (e) => listener(e.message || 'The export could not start'));
      worker.addEventListener('messageerror', () => listener('The export could not read its rows'));
    },
    close: () => worker.terminate(),
  };
}

/** The next task, unclamped (timers nested this deep wait 4 ms each): input and paint get their turn first. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
