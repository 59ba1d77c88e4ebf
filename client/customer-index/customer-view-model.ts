import type { CustomerIndexSnapshot } from './customer-index.js';
import {
  countStatuses,
  filterByStatus,
  matchCustomers,
  matchesStatus,
  rowMatcher,
  searchTerms,
  type CustomerFilter,
  type CustomerSort,
  type StatusFilter,
} from './customer-query.js';
import { sameSort, updateSorted, type UpdatedList } from './customer-sort.js';
import type { IndexedCustomer } from './indexed-customer.js';
import type { RowChange, RowChanges } from './row-change-log.js';
import { SortOrders } from './sort-orders.js';

export interface ViewQuery {
  sort: CustomerSort;
  filter: CustomerFilter;
  status: StatusFilter;
}

export interface CustomerViewResult {
  /** Customers in the list and in the trash, before any filter. */
  counts: { live: number; trash: number };
  /** How many rows each status filter would show under the current search. */
  statusCounts: Record<StatusFilter, number>;
  /** Every row of the view, in order. */
  visible: readonly IndexedCustomer[];
  /** Ids of `visible`; the same array while only rows' contents changed, so selection checks can be skipped. */
  visibleIds: readonly string[];
}

interface State extends CustomerViewResult {
  snapshot: CustomerIndexSnapshot;
  query: ViewQuery;
  matched: IndexedCustomer[];
}

const NO_CHANGES: RowChanges = new Map();

/**
 * The page's view of the index (sorted, searched, filtered by status), kept up to date
 * from the index's change log instead of recomputed: the view before a change plus the
 * changed rows give the view after it. Typing that narrows the search filters the
 * previous matches only. Results always equal a computation from scratch
 * (`queryCustomers`); anything the log cannot say is recomputed.
 */
export class CustomerViewModel {
  #last: State | undefined;
  /** The whole index in recent orders: a new filter or sort starts from one of them. */
  readonly #orders = new SortOrders();

  update(snapshot: CustomerIndexSnapshot, query: ViewQuery): CustomerViewResult {
    const last = this.#last;
    const changes = !last ? null : last.snapshot === snapshot ? NO_CHANGES : snapshot.changesSince(last.snapshot.version);
    let next: State;
    if (!last || !changes) next = fromScratch(snapshot, query, this.#orders);
    else if (sameSort(last.query.sort, query.sort)) next = updated(last, snapshot, query, changes, this.#orders);
    else if (changes.size === 0 && sameFilter(last.query.filter, query.filter)) next = resorted(last, snapshot, query, this.#orders);
    else next = fromScratch(snapshot, query, this.#orders);
    this.#last = next;
    return next;
  }
}

function updated(last: State, snapshot: CustomerIndexSnapshot, query: ViewQuery, changes: RowChanges, orders: SortOrders): State {
  const { sort, filter, status } = query;
  const lastFilter = last.query.filter;
  const filterKept = sameFilter(lastFilter, filter);
  const counts = changes.size === 0 ? last.counts : adjustCounts(last.counts, changes.values());
  let matched: UpdatedList;
  if (filterKept) {
    matched = updateSorted(last.matched, only(changes, rowMatcher(filter)), sort);
  } else if (narrows(lastFilter, filter)) {
    // Typing on: only the previous matches (brought up to date) can still match.
    const before = updateSorted(last.matched, only(changes, rowMatcher(lastFilter)), sort);
    matched = { rows: matchCustomers(before.rows, filter), moved: true };
  } else {
    matched = { rows: matchAll(orders.of(snapshot, sort), filter, counts.trash), moved: true };
  }
  let visible: UpdatedList;
  if (status === 'all') {
    visible = matched;
  } else if (filterKept && status === last.query.status) {
    const matches = rowMatcher(filter);
    visible = updateSorted(last.visible as IndexedCustomer[], only(changes, (r) => matches(r) && matchesStatus(r, status)), sort);
  } else {
    visible = { rows: filterByStatus(matched.rows, status) as IndexedCustomer[], moved: true };
  }
  const sameIds = filterKept && status === last.query.status && !visible.moved;
  return {
    snapshot,
    query,
    counts,
    matched: matched.rows,
    statusCounts: matched.rows === last.matched ? last.statusCounts : countStatuses(matched.rows),
    visible: visible.rows,
    visibleIds: sameIds ? last.visibleIds : visible.rows.map((r) => r.id),
  };
}

/** Only the order changed (same rows, same filter): the counts stand, the rows are filtered from the new order. */
function resorted(last: State, snapshot: CustomerIndexSnapshot, query: ViewQuery, orders: SortOrders): State {
  const matched = matchAll(orders.of(snapshot, query.sort), query.filter, last.counts.trash);
  const visible = filterByStatus(matched, query.status);
  return { ...last, snapshot, query, matched, visible, visibleIds: visible.map((r) => r.id) };
}

function fromScratch(snapshot: CustomerIndexSnapshot, query: ViewQuery, orders: SortOrders): State {
  let trash = 0;
  for (const r of snapshot.rows) if (r.deletedAtMs !== undefined) trash += 1;
  const matched = matchAll(orders.of(snapshot, query.sort), query.filter, trash);
  const visible = filterByStatus(matched, query.status);
  return {
    snapshot,
    query,
    counts: { live: snapshot.rows.length - trash, trash },
    matched,
    statusCounts: countStatuses(matched),
    visible,
    visibleIds: visible.map((r) => r.id),
  };
}

function adjustCounts(counts: { live: number; trash: number }, changes: Iterable<RowChange>): { live: number; trash: number } {
  let { live, trash } = counts;
  for (const { before, after } of changes) {
    if (before && before.deletedAtMs === undefined) live -= 1;
    else if (before) trash -= 1;
    if (after && after.deletedAtMs === undefined) live += 1;
    else if (after) trash += 1;
  }
  return { live, trash };
}

/**
 * The rows of `sorted` (every row, list and trash) that match `filter`. With no search,
 * condition or warnings toggle on a list without trash that is every row: the order
 * itself is returned (read-only, as every list here), not a copy of 100,000 rows.
 */
function matchAll(sorted: IndexedCustomer[], filter: CustomerFilter, trash: number): IndexedCustomer[] {
  const everything = filter.view === 'customers' && trash === 0 && !filter.warningsOnly && !filter.conditions && searchTerms(filter.search).length === 0;
  return everything ? sorted : matchCustomers(sorted, filter);
}

/** The changes as seen by a list holding only rows that pass `keep`. */
function* only(changes: RowChanges, keep: (row: IndexedCustomer) => boolean): Iterable<RowChange> {
  for (const { before, after } of changes.values()) {
    const b = before && keep(before) ? before : undefined;
    const a = after && keep(after) ? after : undefined;
    if (b || a) yield { before: b, after: a };
  }
}

/** Typed conditions compare by identity: the page replaces them, never edits them in place. */
function sameFilter(a: CustomerFilter, b: CustomerFilter): boolean {
  return a.search === b.search && a.view === b.view && a.warningsOnly === b.warningsOnly && a.conditions === b.conditions && a.now === b.now;
}

/** Every row matching `next` also matches `last` (the search was typed further, or the warnings toggle turned on). */
function narrows(last: CustomerFilter, next: CustomerFilter): boolean {
  if (last.view !== next.view || (last.warningsOnly && !next.warningsOnly) || last.conditions !== next.conditions || last.now !== next.now) return false;
  const nextTerms = searchTerms(next.search);
  return searchTerms(last.search).every((term) => nextTerms.some((t) => t.includes(term)));
}
