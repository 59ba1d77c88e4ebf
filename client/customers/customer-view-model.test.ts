import fc from 'fast-check';
import type { ExperimentalNoIndexDiff, ReadonlyJSONValue } from 'replicache';
import { describe, expect, it } from 'vitest';
import { CUSTOMER_STATUSES } from '../../shared/customer-status.js';
import type { Customer } from '../../shared/customer.js';
import { customerKey } from '../../shared/keys.js';
import { CustomerIndex } from './customer-index.js';
import { queryCustomers, SORT_COLUMNS, STATUS_FILTERS, type CustomerQuery } from './customer-query.js';
import { testCustomer } from './customer-test-rows.js';
import { CustomerViewModel, type ViewQuery } from './customer-view-model.js';

type DiffOp = ExperimentalNoIndexDiff[number];
const json = (c: Customer) => c as unknown as ReadonlyJSONValue;

/** An index fed by hand, flushed on demand (no timers): each `publish` is one version. */
function manualIndex() {
  let pending: (() => void) | undefined;
  const index = new CustomerIndex({ schedule: (fn) => ((pending = fn), () => (pending = undefined)) });
  const store = new Map<string, Customer>();
  const write = (customers: Customer[], removed: string[] = []) => {
    const diff: DiffOp[] = [];
    for (const c of customers) {
      const old = store.get(c.id);
      store.set(c.id, c);
      diff.push(old ? { op: 'change', key: customerKey(c.id), oldValue: json(old), newValue: json(c) } : { op: 'add', key: customerKey(c.id), newValue: json(c) });
    }
    for (const id of removed) {
      const old = store.get(id);
      if (!old) continue;
      store.delete(id);
      diff.push({ op: 'del', key: customerKey(id), oldValue: json(old) });
    }
    index.applyDiff(diff);
  };
  const publish = () => {
    const run = pending;
    pending = undefined;
    run?.();
  };
  return { index, store, write, publish };
}

const toQuery = (q: ViewQuery): CustomerQuery => ({ ...q.filter, status: q.status, sort: q.sort });

function expectSameAsScratch(vm: CustomerViewModel, index: CustomerIndex, query: ViewQuery): void {
  const snapshot = index.getSnapshot();
  const result = vm.update(snapshot, query);
  const expected = queryCustomers(snapshot.rows, toQuery(query));
  expect(result.visible.map((r) => r.id)).toEqual(expected.map((r) => r.id));
  // Same objects, not stale copies: the grid renders these.
  expect(result.visible.every((r, i) => r === expected[i])).toBe(true);
  expect(result.visibleIds).toEqual(expected.map((r) => r.id));
  const live = snapshot.rows.filter((r) => r.deletedAtMs === undefined).length;
  expect(result.counts).toEqual({ live, trash: snapshot.rows.length - live });
  for (const status of STATUS_FILTERS) {
    expect(result.statusCounts[status], status).toBe(queryCustomers(snapshot.rows, { ...toQuery(query), status }).length);
  }
}

const SEARCHES = ['', 'c', 'cu', 'noc1', 'noc12', 'renamed', 'renamed 1', 'vip', 'vip gold', 'zzz'];
const TAGS = [[], ['vip'], ['vip', 'gold'], ['wholesale']];

const queryArb = fc.record({
  sort: fc.record({ column: fc.constantFrom(...SORT_COLUMNS), direction: fc.constantFrom('asc' as const, 'desc' as const) }),
  filter: fc.record({ search: fc.constantFrom(...SEARCHES), view: fc.constantFrom('customers' as const, 'trash' as const), warningsOnly: fc.boolean() }),
  status: fc.constantFrom(...STATUS_FILTERS),
});

const editArb = fc.record({
  n: fc.integer({ min: 0, max: 59 }),
  status: fc.constantFrom(...CUSTOMER_STATUSES),
  credit: fc.constantFrom('-50.00', '0.00', '10.00', '100.00', '2500.50'),
  tags: fc.constantFrom(...TAGS),
  deleted: fc.boolean(),
  rename: fc.boolean(),
  noRoutes: fc.boolean(),
});

const stepArb = fc.oneof(
  fc.record({ kind: fc.constant('edit' as const), edits: fc.array(editArb, { minLength: 1, maxLength: 12 }) }),
  fc.record({ kind: fc.constant('remove' as const), ns: fc.array(fc.integer({ min: 0, max: 59 }), { maxLength: 4 }) }),
  fc.record({ kind: fc.constant('query' as const), query: queryArb }),
  fc.record({ kind: fc.constant('optimistic' as const), edits: fc.array(editArb, { minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('dropOverlay' as const) }),
);

type Edit = typeof editArb extends fc.Arbitrary<infer T> ? T : never;

function edited(n: number, e: Edit): Customer {
  return testCustomer(n, {
    status: e.status,
    credit: e.credit,
    tags: e.tags,
    name: e.rename ? `Renamed ${n}` : `Customer ${n}`,
    ...(e.noRoutes ? { routes: [] } : {}),
    ...(e.deleted ? { deletedAt: '2026-03-01T00:00:00.000Z' } : {}),
  });
}

describe('CustomerViewModel', () => {
  it('always shows what a computation from scratch shows, through edits, removals, overlays and query changes', () => {
    fc.assert(
      fc.property(queryArb, fc.array(stepArb, { minLength: 1, maxLength: 25 }), (firstQuery, steps) => {
        const { index, write, publish } = manualIndex();
        write(Array.from({ length: 40 }, (_, n) => testCustomer(n, { tags: TAGS[n % TAGS.length]!, credit: `${(n * 37) % 500}.00` })));
        const vm = new CustomerViewModel();
        let query: ViewQuery = firstQuery;
        const overlays: (() => void)[] = [];
        expectSameAsScratch(vm, index, query);
        for (const step of steps) {
          if (step.kind === 'edit') write(step.edits.map((e) => edited(e.n, e)));
          else if (step.kind === 'remove') write([], step.ns.map((n) => testCustomer(n).id));
          else if (step.kind === 'query') query = step.query;
          else if (step.kind === 'optimistic') overlays.push(index.showOptimistic(step.edits.map((e) => edited(e.n, e))));
          else overlays.shift()?.();
          publish();
          expectSameAsScratch(vm, index, query);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the same visible ids while only rows changed in place, so selection checks can be skipped', () => {
    const { index, write, publish } = manualIndex();
    write(Array.from({ length: 10 }, (_, n) => testCustomer(n)));
    const vm = new CustomerViewModel();
    const query: ViewQuery = { sort: { column: 'name', direction: 'asc' }, filter: { search: '', view: 'customers', warningsOnly: false }, status: 'all' };
    const before = vm.update(index.getSnapshot(), query);
    write([testCustomer(3, { status: 'inactive' })]);
    publish();
    const after = vm.update(index.getSnapshot(), query);
    expect(after.visibleIds).toBe(before.visibleIds);
    expect(after.visible.find((r) => r.id === testCustomer(3).id)?.customer.status).toBe('inactive');
    write([testCustomer(3, { name: 'Aardvark Telecom' })]);
    publish();
    const moved = vm.update(index.getSnapshot(), query);
    expect(moved.visibleIds).not.toBe(before.visibleIds);
    expect(moved.visible[0]!.customer.name).toBe('Aardvark Telecom');
  });

  it('narrows the previous matches as the user types on, and widens correctly when they delete', () => {
    const { index, write } = manualIndex();
    write(Array.from({ length: 30 }, (_, n) => testCustomer(n)));
    const vm = new CustomerViewModel();
    const q = (search: string): ViewQuery => ({ sort: { column: 'name', direction: 'asc' }, filter: { search, view: 'customers', warningsOnly: false }, status: 'all' });
    expect(vm.update(index.getSnapshot(), q('noc1')).visible).toHaveLength(11);
    expect(vm.update(index.getSnapshot(), q('noc12')).visible).toHaveLength(1);
    expect(vm.update(index.getSnapshot(), q('noc2')).visible).toHaveLength(11);
    expect(vm.update(index.getSnapshot(), q('')).visible).toHaveLength(30);
  });
});
