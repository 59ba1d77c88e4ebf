import { snapshotGroupsOf, type SnapshotGroup } from '../../shared/bulk-snapshots.js';
import type { CustomerListRow } from '../../shared/customer-split.js';
import type { SnapshotField } from '../../shared/customer-patch.js';
import type { IndexedCustomer } from '../customer-index/indexed-customer.js';
import type { CustomerView } from '../customer-index/customer-query.js';

/**
 * Selection kept as a set of ids across pages and filters. The grid only knows the rows
 * of the page it shows, so its changes are merged into the whole set here.
 */
export function applyPageSelection(selected: ReadonlySet<string>, pageIds: readonly string[], selectedOnPage: readonly string[]): Set<string> {
  const next = new Set(selected);
  for (const id of pageIds) next.delete(id);
  for (const id of selectedOnPage) next.add(id);
  return next;
}

export function addAll(selected: ReadonlySet<string>, ids: readonly string[]): Set<string> {
  const next = new Set(selected);
  for (const id of ids) next.add(id);
  return next;
}

export function allSelected(selected: ReadonlySet<string>, ids: readonly string[]): boolean {
  if (ids.length === 0 || selected.size < ids.length) return false;
  for (const id of ids) if (!selected.has(id)) return false;
  return true;
}

export interface SelectionInView {
  /** Selected customers the user can see in the current view: the only ones actions touch. */
  ids: string[];
  /** Selected customers that still exist but that the search, status or filters now hide. */
  hidden: number;
}

/**
 * The selection as actions see it: a bulk edit, a status change or a delete never reaches
 * a customer the current view hides (a filter changed after selecting, an edit elsewhere
 * moved it out), nor one that left the list or the trash meanwhile.
 */
export function selectedInView(
  selected: ReadonlySet<string>,
  get: (id: string) => IndexedCustomer | undefined,
  view: CustomerView,
  inView: (row: IndexedCustomer) => boolean = () => true,
): SelectionInView {
  const ids: string[] = [];
  let hidden = 0;
  for (const id of selected) {
    const row = get(id);
    if (!row || (row.deletedAtMs !== undefined) !== (view === 'trash')) continue;
    if (inView(row)) ids.push(id);
    else hidden += 1;
  }
  return { ids, hidden };
}

export interface UndoSnapshot {
  /** The customers of the selection still live: the ones the change applies to. */
  live: string[];
  /** What undo puts back: the fields the change touches, grouped by identical values. */
  groups(): SnapshotGroup[];
}

/**
 * What undo of a bulk edit or status change touching `fields` puts back, taken before the
 * change. Only the rows are taken now (they never change: an edit makes new ones); the
 * grouping, 10,000 customers' worth of work, waits until Undo is clicked.
 */
export function undoSnapshot(ids: readonly string[], get: (id: string) => IndexedCustomer | undefined, fields: readonly SnapshotField[]): UndoSnapshot {
  const customers: CustomerListRow[] = [];
  for (const id of ids) {
    const row = get(id);
    if (row && row.deletedAtMs === undefined) customers.push(row.customer);
  }
  let groups: SnapshotGroup[] | undefined;
  return { live: customers.map((c) => c.id), groups: () => (groups ??= snapshotGroupsOf(customers, fields)) };
}
