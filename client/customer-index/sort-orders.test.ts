import { describe, expect, it } from 'vitest';
import type { CustomerIndexSnapshot } from './customer-index.js';
import { sortCustomers, type CustomerSort } from './customer-sort.js';
import { testRow } from './customer-test-rows.js';
import type { IndexedCustomer } from './indexed-customer.js';
import type { RowChange, RowChanges } from './row-change-log.js';
import { SortOrders } from './sort-orders.js';

const BY_CREDIT: CustomerSort = [{ column: 'credit', direction: 'desc' }];
const BY_NAME: CustomerSort = [{ column: 'name', direction: 'asc' }];
const OTHERS: CustomerSort[] = (['status', 'country', 'accountRef', 'channels', 'tags'] as const).map((column) => [{ column, direction: 'asc' }]);

/** Snapshots by hand: each knows the rows changed since the first one, unless the log is `lost`. */
function snapshots() {
  const all: CustomerIndexSnapshot[] = [];
  const changes = new Map<number, RowChanges>();
  const at = (rows: IndexedCustomer[], changed: RowChanges, lost = false): CustomerIndexSnapshot => {
    const version = all.length + 1;
    changes.set(version, changed);
    const snapshot: CustomerIndexSnapshot = {
      version,
      rows,
      loaded: true,
      get: (id) => rows.find((r) => r.id === id),
      changesSince: (from) => {
        if (lost) return null;
        const out = new Map<string, RowChange>();
        for (let v = from + 1; v <= version; v++) for (const [id, c] of changes.get(v)!) out.set(id, { before: out.get(id)?.before ?? c.before, after: c.after });
        return out;
      },
    };
    all.push(snapshot);
    return snapshot;
  };
  return { at };
}

const rows = () => [testRow(1, { name: 'A', credit: '5.00' }), testRow(2, { name: 'B', credit: '50.00' }), testRow(3, { name: 'C', credit: '-1.00' })];
const ids = (list: readonly IndexedCustomer[]) => list.map((r) => r.id);

describe('recent sort orders', () => {
  it('gives every row in the order asked for', () => {
    const { at } = snapshots();
    const first = at(rows(), new Map());
    const orders = new SortOrders();
    for (const sort of [BY_CREDIT, BY_NAME, ...OTHERS]) expect(ids(orders.of(first, sort))).toEqual(ids(sortCustomers(first.rows, sort)));
  });

  it('gives back a recent order as it was while nothing changed, and brings it up to date from the changes when something did', () => {
    const { at } = snapshots();
    const before = rows();
    const first = at(before, new Map());
    const orders = new SortOrders();
    const byCredit = orders.of(first, BY_CREDIT);
    orders.of(first, OTHERS[0]!);
    expect(orders.of(first, BY_CREDIT)).toBe(byCredit);

    const richer = testRow(3, { name: 'C', credit: '900.00' });
    const second = at([before[0]!, before[1]!, richer], new Map([[richer.id, { before: before[2], after: richer }]]));
    expect(ids(orders.of(second, BY_CREDIT))).toEqual(ids(sortCustomers(second.rows, BY_CREDIT)));
    expect(orders.of(second, BY_CREDIT)[0]).toBe(richer);
  });

  it('sorts again when the change log no longer reaches back to an order', () => {
    const { at } = snapshots();
    const before = rows();
    const orders = new SortOrders();
    orders.of(at(before, new Map()), BY_CREDIT);
    const added = testRow(4, { name: 'D', credit: '60.00' });
    const second = at([...before, added], new Map(), true);
    expect(ids(orders.of(second, BY_CREDIT))).toEqual(ids(sortCustomers(second.rows, BY_CREDIT)));
  });

  it('keeps the last few orders and always the name order', () => {
    const { at } = snapshots();
    const first = at(rows(), new Map());
    const orders = new SortOrders(2);
    const byName = orders.of(first, BY_NAME);
    const byCredit = orders.of(first, BY_CREDIT);
    for (const sort of OTHERS) orders.of(first, sort);
    expect(orders.of(first, BY_NAME)).toBe(byName);
    const again = orders.of(first, BY_CREDIT);
    expect(again).not.toBe(byCredit);
    expect(ids(again)).toEqual(ids(byCredit));
  });
});
