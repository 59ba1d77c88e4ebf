import { useCallback, useLayoutEffect, useRef } from 'react';
import type { IndexedCustomer } from '../customer-index/indexed-customer.js';

/**
 * The ids of the rows the user is looking at, read when a change starts so that its
 * preview paints them first: the page on screen and the next one, whose rows move up
 * when a change takes rows out of the view.
 */
export function useRowsOnScreen(visible: readonly IndexedCustomer[], page: number, pageSize: number): () => string[] {
  const latest = useRef({ visible, page, pageSize });
  useLayoutEffect(() => {
    latest.current = { visible, page, pageSize };
  });
  return useCallback(() => {
    const { visible: rows, page: p, pageSize: size } = latest.current;
    return rows.slice((p - 1) * size, (p + 1) * size).map((r) => r.id);
  }, []);
}
