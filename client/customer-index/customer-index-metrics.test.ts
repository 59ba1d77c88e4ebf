import { describe, expect, it } from 'vitest';
import { METRICS_PREFIX, WARNING_THRESHOLDS_KEY } from '../../shared/keys.js';
import { makeCustomerMetrics } from '../../shared/test-fixtures.js';
import { connectedIndex } from './customer-index-test-store.js';
import { queryCustomers } from './customer-query.js';
import { listRows, testCustomer, testId } from './customer-test-rows.js';

const busy = makeCustomerMetrics({ ch: 12 });
const quiet = makeCustomerMetrics({ ch: 0, cps: 0 });

describe('CustomerIndex with live figures', () => {
  it('replaces a customer’s row with one carrying its new figures, logged like any change', () => {
    const { store, clock, index } = connectedIndex([testCustomer(1), testCustomer(2)]);
    const before = index.get(testId(1))!;
    const from = index.getSnapshot().version;
    store.putMetrics(testId(1), busy);
    clock.runAll();
    const after = index.get(testId(1))!;
    expect(after).not.toBe(before);
    expect(after.metrics).toBe(busy);
    expect(after.customer).toBe(before.customer);
    expect(after.searchText).toBe(before.searchText);
    const changes = index.getSnapshot().changesSince(from)!;
    expect([...changes.keys()]).toEqual([testId(1)]);
    expect(changes.get(testId(1))).toEqual({ before, after });
  });

  it('keeps the figures when the customer is edited, and drops them when their entry goes', () => {
    const { store, clock, index } = connectedIndex([testCustomer(1)]);
    store.putMetrics(testId(1), busy);
    store.put(testCustomer(1, { status: 'inactive' }));
    clock.runAll();
    expect(index.get(testId(1))).toMatchObject({ customer: { status: 'inactive' }, metrics: busy });
    store.putMetrics(testId(1), quiet);
    clock.runAll();
    expect(index.get(testId(1))?.metrics).toBe(quiet);
    store.putMetrics(testId(1), undefined);
    clock.runAll();
    expect(index.get(testId(1))?.metrics).toBeUndefined();
  });

  it('keeps figures that arrive before their customer and attaches them when it arrives', () => {
    const { store, clock, index } = connectedIndex([]);
    store.putMetrics(testId(5), busy);
    clock.runAll();
    expect(index.getSnapshot().rows).toEqual([]);
    store.put(testCustomer(5));
    clock.runAll();
    expect(index.get(testId(5))?.metrics).toBe(busy);
    // A customer deleted and put back finds its figures again.
    store.del(testId(5));
    store.put(testCustomer(5, { name: 'Back Again' }));
    clock.runAll();
    expect(index.get(testId(5))).toMatchObject({ customer: { name: 'Back Again' }, metrics: busy });
  });

  it('publishes its first version only once both customers and figures have loaded', () => {
    const { store, index, notified } = connectedIndex([testCustomer(1)], (s) => {
      s.putMetrics(testId(1), busy);
      s.holdPrefix = METRICS_PREFIX;
    });
    expect(index.getSnapshot().loaded).toBe(false);
    expect(notified()).toBe(0);
    store.release();
    expect(notified()).toBe(1);
    const snap = index.getSnapshot();
    expect(snap.loaded).toBe(true);
    expect(snap.get(testId(1))?.metrics).toBe(busy);
    // The first load is not a change a view could replay.
    expect(snap.changesSince(0)).toBeNull();
  });

  describe('under optimistic rows', () => {
    it('shows new figures on the optimistic row and keeps them on the stored row that comes back', () => {
      const { store, clock, index } = connectedIndex([testCustomer(1)]);
      store.putMetrics(testId(1), quiet);
      clock.runAll();
      const remove = index.showOptimistic(listRows([testCustomer(1, { status: 'inactive' })]));
      expect(index.get(testId(1))).toMatchObject({ customer: { status: 'inactive' }, metrics: quiet });
      store.putMetrics(testId(1), busy);
      clock.runAll();
      expect(index.get(testId(1))).toMatchObject({ customer: { status: 'inactive' }, metrics: busy });
      remove();
      clock.runAll();
      expect(index.get(testId(1))).toMatchObject({ customer: { status: 'active' }, metrics: busy });
    });

    it('brings the later optimistic row back with the new figures when an earlier one goes', () => {
      const { store, clock, index } = connectedIndex([testCustomer(1)]);
      const first = index.showOptimistic(listRows([testCustomer(1, { status: 'inactive' })]));
      const second = index.showOptimistic(listRows([testCustomer(1, { status: 'pending' })]));
      store.putMetrics(testId(1), busy);
      first();
      clock.runAll();
      expect(index.get(testId(1))).toMatchObject({ customer: { status: 'pending' }, metrics: busy });
      second();
      clock.runAll();
      expect(index.get(testId(1))).toMatchObject({ customer: { status: 'active' }, metrics: busy });
      expect(index.getSnapshot().rows).toHaveLength(1);
    });
  });

  it('adds traffic warnings with the figures and takes them away when the traffic recovers', () => {
    const { store, clock, index } = connectedIndex([testCustomer(1, { channels: 12 })]);
    const codes = () => index.get(testId(1))!.warnings.map((w) => w.code);
    expect(codes()).toEqual([]);
    store.putMetrics(testId(1), makeCustomerMetrics({ h1: [40, 2, 120_000, 40_000, 40, 0, 0, 0], ch: 12 }));
    clock.runAll();
    expect(codes()).toEqual(['low_asr', 'channels_full']);
    const matches = queryCustomers(index.getSnapshot().rows, { search: '', view: 'customers', warningsOnly: true, status: 'all', sort: [{ column: 'name', direction: 'asc' }] });
    expect(matches.map((r) => r.id)).toEqual([testId(1)]);
    store.put(testCustomer(1, { channels: 0 }));
    store.putMetrics(testId(1), makeCustomerMetrics({ h1: [40, 30, 120_000, 40_000, 40, 0, 0, 0], ch: 12 }));
    clock.runAll();
    expect(codes()).toEqual([]);
  });

  it('judges traffic warnings by the organisation’s synced thresholds, and again when they change', () => {
    const { store, clock, index } = connectedIndex([testCustomer(1), testCustomer(2)]);
    const codes = (n: number) => index.get(testId(n))!.warnings.map((w) => w.code);
    // ASR 25% on 40 attempts: fine by the default 20%.
    store.putMetrics(testId(1), makeCustomerMetrics({ h1: [40, 10, 120_000, 40_000, 40, 0, 0, 0], ch: 1 }));
    clock.runAll();
    expect(codes(1)).toEqual([]);
    const from = index.getSnapshot().version;
    store.write([{ key: WARNING_THRESHOLDS_KEY, value: { pddSeconds: 10, minPddCalls: 5, asrPercent: 30, minAttempts: 20 } }]);
    clock.runAll();
    expect(codes(1)).toEqual(['low_asr']);
    // Only rows with figures changed, and the view hears of them like any change.
    expect([...index.getSnapshot().changesSince(from)!.keys()]).toEqual([testId(1)]);
    expect(codes(2)).toEqual([]);
  });
});
