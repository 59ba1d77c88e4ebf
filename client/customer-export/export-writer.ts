import type { ExportRow } from './export-cells.js';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Takes the rows in chunks, in order, then gives the file. */
export interface ExportWriter {
  add(rows: readonly ExportRow[]): void;
  finish(): Promise<Blob>;
}
