import { useCallback, useMemo, useState } from 'react';
import type { CustomerView } from '../customer-index/customer-query.js';
import type { IndexedCustomer } from '../customer-index/indexed-customer.js';
import { addAll, allSelected, applyPageSelection, selectedInView } from './customer-selection.js';

export interface ViewSelection {
  /** Every selected id, the ones the view hides too (the grid's checkboxes read it). */
  selected: ReadonlySet<string>;
  /** The selected customers the view shows: what actions reach. */
  ids: string[];
  /** Selected customers the view hides, left alone by actions. */
  hidden: number;
  pageAllSelected: boolean;
  allMatchingSelected: boolean;
  onPageSelectionChange(pageIds: string[], selectedOnPage: string[]): void;
  selectAllMatching(): void;
  dropHidden(): void;
  clear(): void;
}

/**
 * The grid's selection, by id, narrowed to the view: `get` changes with every index
 * version, so customers that left the list drop out, and `inView` (the view's own filter)
 * keeps actions to the rows the view shows.
 */
export function useViewSelection(
  get: (id: string) => IndexedCustomer | undefined,
  view: CustomerView,
  inView: (row: IndexedCustomer) => boolean,
  pageIds: readonly string[],
  visibleIds: readonly string[],
): ViewSelection {
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const { ids, hidden } = useMemo(() => selectedInView(selected, get, view, inView), [selected, get, view, inView]);
  const pageAllSelected = useMemo(() => allSelected(selected, pageIds), [selected, pageIds]);
  const allMatchingSelected = useMemo(() => allSelected(selected, visibleIds), [selected, visibleIds]);
  const clear = useCallback(() => setSelected(new Set()), []);
  return {
    selected,
    ids,
    hidden,
    pageAllSelected,
    allMatchingSelected,
    onPageSelectionChange: useCallback((page: string[], onPage: string[]) => setSelected((s) => applyPageSelection(s, page, onPage)), []),
    selectAllMatching: () => setSelected((s) => addAll(s, visibleIds)),
    dropHidden: () => setSelected(new Set(ids)),
    clear,
  };
}
