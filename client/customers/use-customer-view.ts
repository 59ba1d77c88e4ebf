import { useMemo } from 'react';
import type { IndexedCustomer } from './customer-index.js';
import { countStatuses, filterByStatus, matchCustomers, sortCustomers, type CustomerQuery, type StatusFilter } from './customer-query.js';

export interface CustomerViewState {
  /** Customers in the list and in the trash, before any filter. */
  counts: { live: number; trash: number };
  /** How many rows each status filter would show under the current search. */
  statusCounts: Record<StatusFilter, number>;
  /** Every row of the view, in order. */
  visible: readonly IndexedCustomer[];
  visibleIds: string[];
  /** The requested page, clamped to the pages that exist. */
  page: number;
  pageRows: IndexedCustomer[];
}

/**
 * The current view of the index, memoised step by step: sorting runs when the data or
 * the sort change, typing only filters the sorted rows, and paging only slices.
 */
export function useCustomerView(rows: readonly IndexedCustomer[], query: CustomerQuery, page: number, pageSize: number): CustomerViewState {
  const { sort, search, view, warningsOnly, status } = query;
  const counts = useMemo(() => {
    let trash = 0;
    for (const r of rows) if (r.deletedAtMs !== undefined) trash += 1;
    return { live: rows.length - trash, trash };
  }, [rows]);
  const sorted = useMemo(() => sortCustomers(rows, sort), [rows, sort]);
  const matched = useMemo(() => matchCustomers(sorted, { search, view, warningsOnly }), [sorted, search, view, warningsOnly]);
  const statusCounts = useMemo(() => countStatuses(matched), [matched]);
  const visible = useMemo(() => filterByStatus(matched, status), [matched, status]);
  const visibleIds = useMemo(() => visible.map((r) => r.id), [visible]);
  const currentPage = Math.min(page, Math.max(1, Math.ceil(visible.length / pageSize)));
  const pageRows = useMemo(() => visible.slice((currentPage - 1) * pageSize, currentPage * pageSize), [visible, currentPage, pageSize]);
  return { counts, statusCounts, visible, visibleIds, page: currentPage, pageRows };
}
