import { describe, expect, it } from 'vitest';
import type { Customer } from '../../shared/customer.js';
import { notesKey } from '../../shared/keys.js';
import { CustomerIndex, WATCHED_PREFIXES } from './customer-index.js';
import { connectedIndex, syncedEntries } from './customer-index-test-store.js';
import { listRows, testCustomer, testId } from './customer-test-rows.js';

const setup = (initial: Customer[] = []) => connectedIndex(initial);

describe('CustomerIndex', () => {
  it('publishes the initial contents at once, without waiting for a batch', () => {
    const { index, clock, notified } = setup([testCustomer(1), testCustomer(2)]);
    expect(notified()).toBe(1);
    expect(clock.pending).toEqual([]);
    const snap = index.getSnapshot();
    expect(snap.loaded).toBe(true);
    expect(snap.rows.map((r) => r.customer.name).sort()).toEqual(['Customer 1', 'Customer 2']);
  });

  it('is loaded even when the store holds no customer yet', () => {
    const { index, notified } = setup([]);
    expect(index.getSnapshot()).toMatchObject({ loaded: true, rows: [] });
    expect(notified()).toBe(1);
  });

  it('is not loaded before the first diff arrives', () => {
    const index = new CustomerIndex();
    expect(index.getSnapshot().loaded).toBe(false);
  });

  it('turns many diffs into one notification per batch', () => {
    const { store, clock, index, notified } = setup([testCustomer(1)]);
    const before = index.getSnapshot();
    for (let n = 2; n <= 200; n++) store.put(testCustomer(n));
    expect(notified()).toBe(1);
    expect(index.getSnapshot()).toBe(before);
    expect(clock.pending).toHaveLength(1);
    expect(clock.pending[0]?.ms).toBe(50);
    clock.runAll();
    expect(notified()).toBe(2);
    expect(index.getSnapshot().rows).toHaveLength(200);
    expect(index.getSnapshot().version).toBe(before.version + 1);
  });

  it('a 10,000-customer bulk edit in one diff causes one notification', () => {
    const customers = Array.from({ length: 10_000 }, (_, i) => testCustomer(i + 1));
    const { store, clock, index, notified } = setup(customers);
    store.write(customers.flatMap((c) => syncedEntries({ ...c, status: 'inactive' })));
    clock.runAll();
    expect(notified()).toBe(2);
    expect(index.getSnapshot().rows.every((r) => r.customer.status === 'inactive')).toBe(true);
  });

  it('applies add, change and del', () => {
    const { store, clock, index } = setup([testCustomer(1), testCustomer(2)]);
    store.put(testCustomer(3, { name: 'Added Ltd' }));
    store.put(testCustomer(1, { name: 'Renamed Ltd' }));
    store.del(testId(2));
    clock.runAll();
    const names = index.getSnapshot().rows.map((r) => r.customer.name).sort();
    expect(names).toEqual(['Added Ltd', 'Renamed Ltd']);
    expect(index.get(testId(2))).toBeUndefined();
    expect(index.get(testId(1))?.nameKey).toBe('renamed ltd');
    expect(index.getSnapshot().get(testId(3))?.customer.name).toBe('Added Ltd');
  });

  it('recomputes warnings and search text when a customer changes', () => {
    const { store, clock, index } = setup([testCustomer(1)]);
    expect(index.get(testId(1))?.warnings).toEqual([]);
    expect(index.get(testId(1))?.searchText).toContain('203.0.113.10');
    store.put(testCustomer(1, { ipAuth: [], sipUsers: [{ username: 'trunk-7', channels: 0, cps: 0 }], credit: '-5.00' }));
    clock.runAll();
    const row = index.get(testId(1));
    expect(row?.warnings.map((w) => w.code)).toEqual(['cannot_dial']);
    expect(row?.cannotDial).toBe(true);
    expect(row?.searchText).toContain('trunk-7');
    expect(row?.searchText).not.toContain('203.0.113.10');
  });

  it("details' search terms arriving before or after their customer end up on its row, and later list-row changes keep them", () => {
    const { store, clock, index } = setup();
    const [early, late] = [testCustomer(1, { ipAuth: [] }), testCustomer(2, { ipAuth: [] })];
    const [earlyEntries, lateEntries] = [syncedEntries(early), syncedEntries(late)];
    store.write([earlyEntries[1]!]);
    store.write([earlyEntries[0]!, lateEntries[0]!]);
    clock.runAll();
    expect(index.get(testId(1))?.searchText).toContain('noc1@example.net');
    expect(index.get(testId(1))).not.toHaveProperty('details');
    expect(index.get(testId(2))?.searchText).not.toContain('noc2@');
    store.write([lateEntries[1]!]);
    clock.runAll();
    expect(index.get(testId(2))?.searchText).toContain('noc2@example.net');

    const before = index.get(testId(2))!;
    store.write([syncedEntries({ ...late, status: 'inactive' })[0]!]);
    clock.runAll();
    const after = index.get(testId(2))!;
    expect(after.customer.status).toBe('inactive');
    expect(after.searchText).toBe(before.searchText);
  });

  it("an optimistic row keeps the details' search terms shown, and shows the new counts at once", () => {
    const { index } = setup([testCustomer(1)]);
    const stored = index.get(testId(1))!;
    index.showOptimistic([{ ...stored.customer, status: 'inactive' }]);
    expect(index.get(testId(1))?.searchText).toBe(stored.searchText);
    expect(index.get(testId(1))?.customer.counts).toBe(stored.customer.counts);
    index.showOptimistic(listRows([testCustomer(1, { ipAuth: [], sipUsers: [{ username: 'trunk-9', channels: 0, cps: 0 }] })]));
    expect(index.get(testId(1))?.customer.counts).toMatchObject({ ips: 0, sipUsers: 1 });
    expect(index.get(testId(1))?.searchText).toContain('noc1@example.net');
  });

  it('details that change nothing search looks at publish no new row', () => {
    const { store, clock, index } = setup([testCustomer(1)]);
    const before = index.get(testId(1))!;
    const renamed = testCustomer(1, { contacts: [{ ...testCustomer(1).contacts[0]!, name: 'Renamed Desk' }] });
    store.write([syncedEntries(renamed)[1]!]);
    clock.runAll();
    expect(index.get(testId(1))).toBe(before);
  });

  it('ignores keys outside the customer and figures prefixes', () => {
    const { clock, index } = setup([testCustomer(1)]);
    index.applyDiff([{ op: 'add', key: notesKey(testId(1)), newValue: { text: 'hello' } }]);
    clock.runAll();
    expect(index.getSnapshot().rows).toHaveLength(1);
  });

  it('drops a pending batch on disconnect and reloads from scratch on reconnect', () => {
    const { store, clock, index, disconnect, notified } = setup([testCustomer(1)]);
    store.put(testCustomer(2));
    disconnect();
    expect(clock.pending).toEqual([]);
    store.put(testCustomer(3));
    index.connect(store.watch);
    expect(store.watches).toBe(2 * WATCHED_PREFIXES.length);
    expect(notified()).toBe(2);
    expect(index.getSnapshot().rows.map((r) => r.id).sort()).toEqual([testId(1), testId(2), testId(3)]);
  });

  it('stops notifying a listener that unsubscribed', () => {
    const { store, clock, index } = setup([testCustomer(1)]);
    let calls = 0;
    const unsubscribe = index.subscribe(() => (calls += 1));
    store.put(testCustomer(2));
    clock.runAll();
    unsubscribe();
    store.put(testCustomer(3));
    clock.runAll();
    expect(calls).toBe(1);
  });

  describe('optimistic rows', () => {
    it('show at once, over the stored row, and tell listeners without waiting for a batch', () => {
      const { clock, index, notified } = setup([testCustomer(1), testCustomer(2)]);
      index.showOptimistic(listRows([testCustomer(1, { status: 'inactive' })]));
      expect(notified()).toBe(2);
      expect(clock.pending).toEqual([]);
      expect(index.getSnapshot().get(testId(1))?.customer.status).toBe('inactive');
    });

    it('hide stored changes until removed, then the row as stored by then comes back', () => {
      const { store, clock, index } = setup([testCustomer(1)]);
      const remove = index.showOptimistic(listRows([testCustomer(1, { status: 'inactive' })]));
      store.put(testCustomer(1, { status: 'inactive', name: 'Committed Ltd' }));
      clock.runAll();
      expect(index.get(testId(1))?.customer.name).toBe('Customer 1');
      remove();
      clock.runAll();
      expect(index.get(testId(1))?.customer).toMatchObject({ name: 'Committed Ltd', status: 'inactive' });
    });

    it('stack: removing an earlier overlay keeps a later one of the same customer', () => {
      const { clock, index } = setup([testCustomer(1)]);
      const first = index.showOptimistic(listRows([testCustomer(1, { status: 'inactive' })]));
      const second = index.showOptimistic(listRows([testCustomer(1, { status: 'pending' })]));
      first();
      clock.runAll();
      expect(index.get(testId(1))?.customer.status).toBe('pending');
      second();
      clock.runAll();
      expect(index.get(testId(1))?.customer.status).toBe('active');
    });

    it('of a customer the store does not hold disappear again when removed', () => {
      const { clock, index } = setup([]);
      const remove = index.showOptimistic(listRows([testCustomer(7)]));
      expect(index.getSnapshot().rows).toHaveLength(1);
      remove();
      clock.runAll();
      expect(index.getSnapshot().rows).toHaveLength(0);
    });
  });

  it('tells a view which rows each version replaced', () => {
    const { store, clock, index } = setup([testCustomer(1), testCustomer(2)]);
    const from = index.getSnapshot().version;
    store.put(testCustomer(1, { status: 'inactive' }));
    store.del(testId(2));
    clock.runAll();
    const changes = index.getSnapshot().changesSince(from)!;
    expect(changes.get(testId(1))).toMatchObject({ before: { customer: { status: 'active' } }, after: { customer: { status: 'inactive' } } });
    expect(changes.get(testId(2))).toMatchObject({ before: { id: testId(2) }, after: undefined });
    expect(index.getSnapshot().changesSince(0)).toBeNull();
  });
});
