import type { ExportFormat } from './export-writer.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** `customers-2026-12-03.csv`: the day of the export, on this device's calendar. */
export function exportFileName(format: ExportFormat, at = new Date()): string {
  return `customers-${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}.${format}`;
}

/** How long the file's URL outlives the click: the browser reads it after the click returns. */
const URL_LIFETIME_MS = 60_000;

/** Saves `file` as `name` through the browser's own download. */
export function downloadFile(file: Blob, name: string): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), URL_LIFETIME_MS);
}
