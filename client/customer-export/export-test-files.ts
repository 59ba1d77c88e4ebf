import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { createExportSession, type ExportReply, type ExportRequest } from './export-protocol.js';
import type { ExportPort } from './run-export.js';

/**
 * For tests: the worker's session run in this process (messages cloned as postMessage
 * would), and exported files read back as a spreadsheet user's tools would.
 */
export function inProcessPort(): ExportPort {
  let listener: (reply: ExportReply) => void = () => {};
  const handle = createExportSession((reply) => listener(reply));
  let queue = Promise.resolve();
  return {
    post: (request: ExportRequest) => {
      const copy = structuredClone(request);
      queue = queue.then(() => handle(copy));
    },
    onReply: (l) => (listener = l),
    onCrash: () => {},
    close: () => {},
  };
}

/** Runs one export through the session: start, the given chunks of rows, finish. */
export async function exportThroughSession(requests: { start: ExportRequest; rows: ExportRequest[] }): Promise<{ file: Blob; progress: number[] }> {
  const replies: ExportReply[] = [];
  const handle = createExportSession((r) => replies.push(r));
  await handle(requests.start);
  for (const r of requests.rows) await handle(r);
  await handle({ type: 'finish' });
  const done = replies.find((r) => r.type === 'done');
  if (!done) throw new Error(`No file: ${JSON.stringify(replies)}`);
  return { file: done.file, progress: replies.flatMap((r) => (r.type === 'progress' ? [r.written] : [])) };
}

/** The CSV's bytes start with a UTF-8 byte order mark; its rows as papaparse reads them. */
export async function readCsv(file: Blob): Promise<{ bom: boolean; rows: string[][] }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const parsed = Papa.parse<string[]>(text, { newline: '\r\n', header: false, skipEmptyLines: false });
  if (parsed.errors.length > 0) throw new Error(JSON.stringify(parsed.errors.slice(0, 3)));
  return { bom, rows: parsed.data };
}

/** The XLSX's first sheet, read back with exceljs: one array of cells per row, the header first. */
export async function readXlsx(file: Blob): Promise<ExcelJS.Cell[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await file.arrayBuffer());
  const sheet = workbook.worksheets[0]!;
  const width = sheet.columnCount;
  const rows: ExcelJS.Cell[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    rows.push(Array.from({ length: width }, (_, c) => row.getCell(c + 1)));
  }
  return rows;
}
