import { CUSTOMER_STATUSES, type CustomerStatus } from '../../shared/customer-status.js';
import type { IndexedCustomer } from './customer-index.js';
import { acdSeconds, asrPercent, callsPerSecond, isDialling, lastCallAt, liveChannels, pddSeconds } from './customer-metrics.js';
import { foldText } from './fold-text.js';

/**
 * The current view of the customer list as pure functions over the index, so typing,
 * filtering and sorting are testable without a browser. Sorting compares precomputed
 * keys (no localeCompare) and filtering keeps the sorted order, so the page sorts only
 * when the data or the sort changes, not on each keystroke.
 */

export type StatusFilter = 'all' | CustomerStatus | 'dialling';
export const STATUS_FILTERS: readonly StatusFilter[] = ['all', ...CUSTOMER_STATUSES, 'dialling'];

export type CustomerView = 'customers' | 'trash';

export const SORT_COLUMNS = ['name', 'credit', 'channels', 'status', 'lastCall', 'asr', 'acd', 'pdd', 'cps', 'country', 'tags', 'deletedAt'] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];
export type SortDirection = 'asc' | 'desc';

export interface CustomerSort {
  column: SortColumn;
  direction: SortDirection;
}

export interface CustomerFilter {
  search: string;
  view: CustomerView;
  warningsOnly: boolean;
}

export interface CustomerQuery extends CustomerFilter {
  status: StatusFilter;
  sort: CustomerSort;
}

export function isSortColumn(value: string): value is SortColumn {
  return (SORT_COLUMNS as readonly string[]).includes(value);
}

/** Whitespace-separated, folded search terms; every one must match (AND). */
export function searchTerms(search: string): string[] {
  const folded = foldText(search.trim());
  return folded === '' ? [] : folded.split(/\s+/);
}

/** Rows in the view (live or trash) that match the search and the warnings toggle, order kept. */
export function matchCustomers(rows: readonly IndexedCustomer[], filter: CustomerFilter): IndexedCustomer[] {
  const terms = searchTerms(filter.search);
  const trash = filter.view === 'trash';
  const out: IndexedCustomer[] = [];
  for (const row of rows) {
    if ((row.deletedAtMs !== undefined) !== trash) continue;
    if (filter.warningsOnly && row.warnings.length === 0) continue;
    if (!matchesAll(row.searchText, terms)) continue;
    out.push(row);
  }
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
  const counts = Object.fromEntries(STATUS_FILTERS.map((s) => [s, 0])) as Record<StatusFilter, number>;
  counts.all = rows.length;
  for (const row of rows) {
    counts[row.customer.status] += 1;
    if (isDialling(row)) counts.dialling += 1;
  }
  return counts;
}

type SortKey = number | string | undefined;
type KeyOf = (row: IndexedCustomer) => SortKey;

/** Sort keys per column (at most two), most significant first. */
const SORT_KEYS: Record<SortColumn, readonly KeyOf[]> = {
  name: [(r) => r.nameKey],
  credit: [(r) => r.credit],
  channels: [liveChannels, (r) => r.channelLimit],
  status: [(r) => r.statusRank],
  lastCall: [lastCallAt],
  asr: [asrPercent],
  acd: [acdSeconds],
  pdd: [pddSeconds],
  cps: [callsPerSecond],
  country: [(r) => r.countryKey],
  tags: [(r) => r.tagsKey],
  deletedAt: [(r) => r.deletedAtMs],
};

interface Decorated {
  row: IndexedCustomer;
  k0: SortKey;
  k1: SortKey;
}

const isMissing = (k: SortKey): boolean => k === undefined || (typeof k === 'number' && Number.isNaN(k));
const compareKeys = (a: string | number, b: string | number): number => (a < b ? -1 : a > b ? 1 : 0);

/** Compares one key: missing values last whatever the direction. */
function compareKey(a: SortKey, b: SortKey, sign: number): number {
  const missingA = isMissing(a);
  const missingB = isMissing(b);
  if (missingA || missingB) return missingA === missingB ? 0 : missingA ? 1 : -1;
  return sign * compareKeys(a as string | number, b as string | number);
}

/**
 * Sorted copy of `rows`: numeric for money and numbers, missing values last in both
 * directions, ties broken by name then id so the order never flickers.
 */
export function sortCustomers(rows: readonly IndexedCustomer[], sort: CustomerSort): IndexedCustomer[] {
  const [first, second] = SORT_KEYS[sort.column];
  const sign = sort.direction === 'asc' ? 1 : -1;
  // Keys are read once per row, not once per comparison.
  const decorated: Decorated[] = rows.map((row) => ({ row, k0: first?.(row), k1: second?.(row) }));
  decorated.sort(
    (a, b) =>
      compareKey(a.k0, b.k0, sign) ||
      compareKey(a.k1, b.k1, sign) ||
      compareKeys(a.row.nameKey, b.row.nameKey) ||
      compareKeys(a.row.id, b.row.id),
  );
  return decorated.map((d) => d.row);
}

/** The rows of the current view, in order: the whole pipeline in one call. */
export function queryCustomers(rows: readonly IndexedCustomer[], query: CustomerQuery): readonly IndexedCustomer[] {
  return filterByStatus(matchCustomers(sortCustomers(rows, query.sort), query), query.status);
}
