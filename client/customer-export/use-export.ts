import { notifications } from '@mantine/notifications';
import { createElement, useCallback, useState } from 'react';
import type { GridColumnId } from '../../shared/grid-view.js';
import { errorMessage } from '../customer-actions/action-notifications.js';
import type { IndexedCustomer } from '../customer-index/indexed-customer.js';
import { customersCount } from '../format/format-metrics.js';
import { downloadFile, exportFileName } from './export-file.js';
import type { ExportFormat } from './export-writer.js';
import { ExportProgress } from './ExportProgress.js';
import { runExport } from './run-export.js';

export interface ExportChoice {
  format: ExportFormat;
  /** In the order they are written. */
  rows: readonly IndexedCustomer[];
  columns: readonly GridColumnId[];
}

let counter = 0;

/**
 * Exports rows to a downloaded file, with its progress in a notification that turns into
 * the result. `running` is true while an export is under way.
 */
export function useExport(): { start: (choice: ExportChoice) => void; running: boolean } {
  const [running, setRunning] = useState(false);
  const start = useCallback((choice: ExportChoice) => {
    counter += 1;
    const id = `customer-export-${counter}`;
    const name = exportFileName(choice.format);
    const count = customersCount(choice.rows.length);
    const what = `Exporting ${count} to ${choice.format.toUpperCase()}`;
    const progress = (written: number) => createElement(ExportProgress, { what, written, total: choice.rows.length });
    setRunning(true);
    notifications.show({ id, message: progress(0), autoClose: false, allowClose: false });
    runExport({ ...choice, onProgress: (written) => notifications.update({ id, message: progress(written) }) })
      .then((file) => {
        downloadFile(file, name);
        notifications.update({ id, color: 'green', message: `Exported ${count} to ${name}`, autoClose: 6000, allowClose: true });
      })
      .catch((e: unknown) => notifications.update({ id, color: 'red', title: 'Export failed', message: errorMessage(e), autoClose: false, allowClose: true }))
      .finally(() => setRunning(false));
  }, []);
  return { start, running };
}
