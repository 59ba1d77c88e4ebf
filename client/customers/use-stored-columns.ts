import { useEffect, useLayoutEffect, useRef } from 'react';
import type { GridColumnState } from '../../shared/grid-view.js';
import { onStoredColumnsChange, readStoredColumns, sameColumns, writeStoredColumns } from './grid-columns-storage.js';

/**
 * Keeps the table's stored column state (mantine-datatable's drag, toggle, pin and resize
 * controls) and the page's view state in step: a new view state is written to the table
 * before it paints, and a change made with the table's controls comes back through
 * `onChange`. Undefined `key`: fixed columns (the trash), nothing kept.
 */
export function useStoredColumns(key: string | undefined, columns: readonly GridColumnState[], onChange: (columns: GridColumnState[]) => void): void {
  const latest = useRef({ columns, onChange });
  useLayoutEffect(() => {
    latest.current = { columns, onChange };
  });

  useLayoutEffect(() => {
    if (!key) return;
    const stored = readStoredColumns(key);
    if (!stored || !sameColumns(stored, columns)) writeStoredColumns(key, columns);
  }, [key, columns]);

  useEffect(() => {
    if (!key) return;
    // The table stores order, visibility, pins and widths under four keys, one event each: read once they are all written.
    let scheduled = false;
    return onStoredColumnsChange(key, () => {
      if (scheduled) return;
      scheduled = true;
      queueMicrotask(() => {
        scheduled = false;
        const stored = readStoredColumns(key);
        if (stored && !sameColumns(stored, latest.current.columns)) latest.current.onChange(stored);
      });
    });
  }, [key]);
}
