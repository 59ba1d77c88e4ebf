import type { CustomerIndexSnapshot } from './customer-index.js';
import { sameSort, sortCustomers, updateSorted, type CustomerSort } from './customer-sort.js';
import type { IndexedCustomer } from './indexed-customer.js';
import { orderFromNameOrder } from './order-from-name.js';

const BY_NAME: CustomerSort = [{ column: 'name', direction: 'asc' }];

interface Entry {
  sort: CustomerSort;
  rows: IndexedCustomer[];
  version: number;
}

/**
 * The whole index in the orders used lately, each brought up to date from the change log
 * when asked for again: switching back to a sort (a header clicked twice, a saved view,
 * back and forward) merges the rows changed since instead of sorting 100,000 rows. A new
 * order starts from the name order (orderFromNameOrder), which is always kept.
 */
export class SortOrders {
  /** Most recently used last; the name order is never dropped. */
  #entries: Entry[] = [];

  constructor(private readonly keep = 4) {}

  /** Every row of `snapshot` (list and trash) sorted by `sort`. */
  of(snapshot: CustomerIndexSnapshot, sort: CustomerSort): IndexedCustomer[] {
    const cached = this.#take(snapshot, sort);
    if (cached) return cached;
    const byName = this.#take(snapshot, BY_NAME) ?? this.#put(BY_NAME, sortCustomers(snapshot.rows, BY_NAME), snapshot.version);
    if (sameSort(sort, BY_NAME)) return byName;
    return this.#put(sort, orderFromNameOrder(byName, sort), snapshot.version);
  }

  /** The cached order brought up to `snapshot`, or undefined when not cached or the log no longer reaches its version. */
  #take(snapshot: CustomerIndexSnapshot, sort: CustomerSort): IndexedCustomer[] | undefined {
    const at = this.#entries.findIndex((e) => sameSort(e.sort, sort));
    if (at < 0) return undefined;
    const [entry] = this.#entries.splice(at, 1);
    if (entry!.version === snapshot.version) return this.#put(sort, entry!.rows, entry!.version);
    const since = snapshot.changesSince(entry!.version);
    if (!since) return undefined;
    return this.#put(sort, updateSorted(entry!.rows, since.values(), sort).rows, snapshot.version);
  }

  #put(sort: CustomerSort, rows: IndexedCustomer[], version: number): IndexedCustomer[] {
    this.#entries.push({ sort, rows, version });
    if (this.#entries.length > this.keep) {
      const drop = this.#entries.findIndex((e) => !sameSort(e.sort, BY_NAME));
      this.#entries.splice(drop, 1);
    }
    return rows;
  }
}
