import fc from 'fast-check';
import type { ExperimentalNoIndexDiff, ReadonlyJSONValue } from 'replicache';
import { describe, expect, it } from 'vitest';
import { CUSTOMER_STATUSES } from '../../shared/customer-status.js';
import type { Customer } from '../../shared/customer.js';
import { splitCustomer, type CustomerDetails, type CustomerListRow } from '../../shared/customer-split.js';
import type { FilterNode } from '../../shared/customer-filter.js';
import { customerKey, detailsKey, metricsKey } from '../../shared/keys.js';
import type { CustomerMetrics } from '../../shared/metrics.js';
import { makeCustomerMetrics } from '../../shared/test-fixtures.js';
import { CustomerIndex } from './customer-index.js';
import { queryCustomers, type CustomerQuery } from './customer-query.js';
import { GRID_COLUMN_IDS, STATUS_FILTERS } from '../../shared/grid-view.js';
import { listRows, testCustomer } from './customer-test-rows.js';
import { CustomerViewModel, type ViewQuery } from './customer-view-model.js';

type DiffOp = ExperimentalNoIndexDiff[number];
const json = (v: CustomerListRow | CustomerDetails | CustomerMetrics) => v as unknown as ReadonlyJSONValue;

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
      const { row, details } = splitCustomer(c);
      if (old) {
        const before = splitCustomer(old);
        diff.push({ op: 'change', key: customerKey(c.id), oldValue: json(before.row), newValue: json(row) });
        diff.push({ op: 'change', key: detailsKey(c.id), oldValue: json(before.details), newValue: json(details) });
      } else {
        diff.push({ op: 'add', key: customerKey(c.id), newValue: json(row) }, { op: 'add', key: detailsKey(c.id), newValue: json(details) });
      }
    }
    for (const id of removed) {
      const old = store.get(id);
      if (!old) continue;
      store.delete(id);
      diff.push({ op: 'del', key: customerKey(id), oldValue: json(splitCustomer(old).row) });
    }
    index.applyDiff(diff);
  };
  const figures = new Map<string, CustomerMetrics>();
  /** Puts (or, with undefined, deletes) figures; the customer need not be there. */
  const writeMetrics = (changes: { id: string; metrics: CustomerMetrics | undefined }[]) => {
    const diff: DiffOp[] = [];
    for (const { id, metrics } of changes) {
      const key = metricsKey(id);
      const old = figures.get(id);
      if (metrics) figures.set(id, metrics);
      else figures.delete(id);
      if (metrics) diff.push(old ? { op: 'change', key, oldValue: json(old), newValue: json(metrics) } : { op: 'add', key, newValue: json(metrics) });
      else if (old) diff.push({ op: 'del', key, oldValue: json(old) });
    }
    index.applyDiff(diff);
  };
  const publish = () => {
    const run = pending;
    pending = undefined;
    run?.();
  };
  return { index, store, write, writeMetrics, publish };
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

/** Figures with ties, no attempts (ratios "-" but channels up), no channels, and no last call. */
const FIGURES: CustomerMetrics[] = [
  makeCustomerMetrics(),
  makeCustomerMetrics({ ch: 0, cps: 0 }),
  makeCustomerMetrics({ h1: [0, 0, 0, 0, 0, 0, 0, 0], ch: 3, cps: 0, last: Date.parse('2026-02-01T10:00:00Z') }),
  makeCustomerMetrics({ h1: [40, 30, 3_000_000, 80_000, 40, 5, 3, 1], ch: 30, cps: 2.5, last: Date.parse('2026-02-01T11:59:00Z') }),
  makeCustomerMetrics({ h1: [10, 1, 60_000, 5_000, 2, 0, 0, 9], ch: 1, cps: 0.1, last: undefined }),
];
const METRIC_COLUMNS = ['asr', 'acd', 'pdd', 'cps', 'channels', 'lastCall'] as const;

/** Typed conditions that edits and figures move rows into and out of. */
const CONDITIONS: readonly FilterNode[] = [
  { type: 'number', field: 'credit', op: 'lt', value: 0 },
  {
    type: 'group',
    op: 'or',
    children: [
      { type: 'set', field: 'status', op: 'in', values: ['inactive'] },
      { type: 'number', field: 'asr1h', op: 'ge', value: 50 },
    ],
  },
  { type: 'date', field: 'lastCall', op: 'within', amount: 1, unit: 'd' },
];

const queryArb = fc.record({
  // Metric columns twice as likely: their keys change with every figures update.
  // One to three levels, as shift-click builds them.
  sort: fc.uniqueArray(
    fc.record({
      column: fc.oneof(fc.constantFrom(...GRID_COLUMN_IDS), fc.constantFrom(...METRIC_COLUMNS)),
      direction: fc.constantFrom('asc' as const, 'desc' as const),
    }),
    { minLength: 1, maxLength: 3, selector: (l) => l.column },
  ),
  filter: fc.record({
    search: fc.constantFrom(...SEARCHES),
    view: fc.constantFrom('customers' as const, 'trash' as const),
    warningsOnly: fc.boolean(),
    // The same objects again and again, as the page keeps its conditions until the user changes them.
    conditions: fc.constantFrom(undefined, ...CONDITIONS),
    now: fc.constant(Date.parse('2026-12-01T12:00:00.000Z')),
  }),
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
  fc.record({
    kind: fc.constant('metrics' as const),
    // Up to 59 while 40 customers exist at first: figures may come before their customer; null deletes.
    changes: fc.array(fc.record({ n: fc.integer({ min: 0, max: 59 }), figures: fc.option(fc.constantFrom(...FIGURES)) }), { minLength: 1, maxLength: 10 }),
  }),
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
  it('always shows what a computation from scratch shows, through edits, removals, figures, overlays and query changes', () => {
    fc.assert(
      fc.property(queryArb, fc.array(stepArb, { minLength: 1, maxLength: 25 }), (firstQuery, steps) => {
        const { index, write, writeMetrics, publish } = manualIndex();
        write(Array.from({ length: 40 }, (_, n) => testCustomer(n, { tags: TAGS[n % TAGS.length]!, credit: `${(n * 37) % 500}.00` })));
        writeMetrics(Array.from({ length: 20 }, (_, n) => ({ id: testCustomer(n * 2).id, metrics: FIGURES[n % FIGURES.length] })));
        const vm = new CustomerViewModel();
        let query: ViewQuery = firstQuery;
        const overlays: (() => void)[] = [];
        expectSameAsScratch(vm, index, query);
        for (const step of steps) {
          if (step.kind === 'edit') write(step.edits.map((e) => edited(e.n, e)));
          else if (step.kind === 'remove') write([], step.ns.map((n) => testCustomer(n).id));
          else if (step.kind === 'query') query = step.query;
          else if (step.kind === 'optimistic') overlays.push(index.showOptimistic(listRows(step.edits.map((e) => edited(e.n, e)))));
          else if (step.kind === 'metrics') writeMetrics(step.changes.map((c) => ({ id: testCustomer(c.n).id, metrics: c.figures ?? undefined })));
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
    const query: ViewQuery = { sort: [{ column: 'name', direction: 'asc' }], filter: { search: '', view: 'customers', warningsOnly: false }, status: 'all' };
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
    const q = (search: string): ViewQuery => ({ sort: [{ column: 'name', direction: 'asc' }], filter: { search, view: 'customers', warningsOnly: false }, status: 'all' });
    expect(vm.update(index.getSnapshot(), q('noc1')).visible).toHaveLength(11);
    expect(vm.update(index.getSnapshot(), q('noc12')).visible).toHaveLength(1);
    expect(vm.update(index.getSnapshot(), q('noc2')).visible).toHaveLength(11);
    expect(vm.update(index.getSnapshot(), q('')).visible).toHaveLength(30);
  });
});
