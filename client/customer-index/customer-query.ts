import { CUSTOMER_STATUSES } from '../../shared/customer-status.js';
import type { FilterNode } from '../../shared/customer-filter.js';
import type { StatusFilter } from '../../shared/grid-view.js';
import { compileFilter } from './customer-filter.js';
import type { IndexedCustomer } from './indexed-customer.js';
import { isDialling } from './customer-metrics.js';
import { sortCustomers, type CustomerSort } from './customer-sort.js';
import { foldText } from './fold-text.js';

/**
 * The current view of the customer list as pure functions over the index, so typing,
 * filtering and sorting are testable without a browser. Filtering keeps the sorted order
 * (customer-sort.ts), so the page sorts only when the data or the sort changes, not on
 * each keystroke.
 */

export type { StatusFilter } from '../../shared/grid-view.js';
export type { CustomerSort } from './customer-sort.js';

export type CustomerView = 'customers' | 'trash';

export interface CustomerFilter {
  search: string;
  view: CustomerView;
  warningsOnly: boolean;
  /** Typed conditions in AND/OR groups (shared/customer-filter.ts); absent: none. */
  conditions?: FilterNode | undefined;
  /** When "within 24 h" and "more than 30 days ago" count back from (epoch ms); absent: now. */
  now?: number | undefined;
}

export interface CustomerQuery extends CustomerFilter {
  status: StatusFilter;
  sort: CustomerSort;
}

/** Whitespace-separated, folded search terms; every one must match (AND). */
export function searchTerms(search: string): string[] {
  const folded = foldText(search.trim());
  return folded === '' ? [] : folded.split(/\s+/);
}

/** Whether a row is in the view (live or trash) and matches the search, the warnings toggle and the typed conditions. */
export function rowMatcher(filter: CustomerFilter): (row: IndexedCustomer) => boolean {
  const terms = searchTerms(filter.search);
  const trash = filter.view === 'trash';
  const conditions = filter.conditions ? compileFilter(filter.conditions, filter.now ?? Date.now()) : undefined;
  return (row) =>
    (row.deletedAtMs !== undefined) === trash &&
    !(filter.warningsOnly && row.warnings.length === 0) &&
    matchesAll(row.searchText, terms) &&
    (conditions === undefined || conditions(row));
}

/** Rows in the view (live or trash) that match the search and the warnings toggle, order kept. */
export function matchCustomers(rows: readonly IndexedCustomer[], filter: CustomerFilter): IndexedCustomer[] {
  const matches = rowMatcher(filter);
  const out: IndexedCustomer[] = [];
  for (const row of rows) if (matches(row)) out.push(row);
  return out;
}

function matchesAll(text: string, terms: readonly string[]): boolean {
  for (const term of terms) if (!text.includes(term)) return false;
  return true;
}

export function matchesStatus(row: IndexedCustomer, status: StatusFilter): boolean {
  if (status === 'all') return true;
  if (status === 'dialling') return isDialling(row);
  return row.customer.status === status;
}

export function filterByStatus(rows: readonly IndexedCustomer[], status: StatusFilter): readonly IndexedCustomer[] {
  return status === 'all' ? rows : rows.filter((row) => matchesStatus(row, status));
}

/** How many rows each status filter would show: the live counts beside the filter. */
export function countStatuses(rows: readonly IndexedCustomer[]): Record<StatusFilter, number> {
  // Counted by status rank into a small array: far cheaper per row than string-keyed updates.
  const byRank = new Array<number>(CUSTOMER_STATUSES.length).fill(0);
  let dialling = 0;
  for (const row of rows) {
    if (row.statusRank >= 0) byRank[row.statusRank]! += 1;
    if (isDialling(row)) dialling += 1;
  }
  const counts = { all: rows.length, dialling } as Record<StatusFilter, number>;
  CUSTOMER_STATUSES.forEach((status, rank) => (counts[status] = byRank[rank]!));
  return counts;
}

/** The rows of the current view, in order: the whole pipeline in one call. */
export function queryCustomers(rows: readonly IndexedCustomer[], query: CustomerQuery): readonly IndexedCustomer[] {
  return filterByStatus(matchCustomers(sortCustomers(rows, query.sort), query), query.status);
}
