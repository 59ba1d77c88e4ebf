import Papa from 'papaparse';
import type { ExportLayout, ExportValue } from './export-cells.js';
import type { ExportWriter } from './export-writer.js';
import { neutraliseFormula } from './formula-injection.js';

export const CSV_TYPE = 'text/csv;charset=utf-8';
const NEWLINE = '\r\n';

/**
 * CSV as spreadsheets read it: UTF-8 with a byte order mark (without it Excel reads the
 * file in the system's code page and garbles accented names), CRLF lines, fields quoted
 * when needed by papaparse. Numbers are plain numbers, dates ISO 8601 in UTC, text safe
 * from formulas.
 */
export function createCsvWriter(layout: ExportLayout): ExportWriter {
  const kinds = layout.columns.map((c) => c.kind);
  const cell = (value: ExportValue, i: number): string | number => {
    if (value === null) return '';
    if (typeof value === 'string') return neutraliseFormula(value);
    return kinds[i] === 'date' ? new Date(value).toISOString() : value;
  };
  const parts: string[] = [Papa.BYTE_ORDER_MARK, unparse([layout.columns.map((c) => neutraliseFormula(c.title))])];
  return {
    add(rows) {
      if (rows.length === 0) return;
      parts.push(NEWLINE, unparse(rows.map((row) => row.map(cell))));
    },
    async finish() {
      return new Blob(parts, { type: CSV_TYPE });
    },
  };
}

// Papa's own formula escaping stays off: neutraliseFormula does it, the same as in XLSX.
const unparse = (rows: (string | number)[][]) => Papa.unparse(rows, { newline: NEWLINE, header: false });
