import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExperimentalNoIndexDiff } from 'replicache';
import { snapshotGroupsOf } from '../../shared/bulk-snapshots.js';
import { touchedSnapshotFields } from '../../shared/customer-patch.js';
import type { MutatorName } from '../../shared/mutator-args.js';
import { CustomerIndex } from '../customer-index/customer-index.js';
import { syncedEntries } from '../customer-index/customer-index-test-store.js';
import { testCustomer, testId } from '../customer-index/customer-test-rows.js';
import { narrowToCustomers } from './narrow-args.js';
import { previewMutation } from './optimistic-mutate.js';

const NOW = '2026-12-02T10:00:00.000Z';
const N = 12;
const customers = Array.from({ length: N }, (_, i) =>
  testCustomer(i, { status: i % 3 === 0 ? 'inactive' : 'active', tags: i % 2 ? ['vip'] : [], ...(i % 5 === 4 ? { deletedAt: NOW } : {}) }),
);
const index = new CustomerIndex({ schedule: () => () => {} });
index.applyDiff(customers.flatMap((c) => syncedEntries(c).map(({ key, value }): ExperimentalNoIndexDiff[number] => ({ op: 'add', key, newValue: value }))));

/** Ids of existing customers, with repeats, plus one that does not exist. */
const idsArb = fc.array(fc.integer({ min: 0, max: N }), { minLength: 1, maxLength: 20 }).map((ns) => ns.map(testId));

const changeArb: fc.Arbitrary<[MutatorName, object]> = fc.oneof(
  fc.tuple(fc.constant('bulkUpdateCustomers' as const), idsArb.map((ids) => ({ ids, patch: { channels: 3, tags: { mode: 'add' as const, values: ['gold'] } } }))),
  fc.tuple(fc.constant('setCustomerStatus' as const), idsArb.map((ids) => ({ ids, status: 'pending' as const }))),
  fc.tuple(fc.constant('deleteCustomers' as const), idsArb.map((ids) => ({ ids }))),
  fc.tuple(fc.constant('restoreCustomers' as const), idsArb.map((ids) => ({ ids }))),
  fc.tuple(
    fc.constant('restoreBulkSnapshots' as const),
    fc.array(idsArb, { minLength: 1, maxLength: 3 }).map((groupsIds) => ({
      // Each group puts back another customer's values: an id in two groups takes the last.
      groups: groupsIds.flatMap((ids, g) => snapshotGroupsOf([customers[g]!], touchedSnapshotFields({ status: 'inactive', tags: { mode: 'set', values: [] } })).map((s) => ({ ...s, ids }))),
    })),
  ),
);

describe('narrowToCustomers', () => {
  it('previews exactly the rows the whole change writes for the customers kept', async () => {
    await fc.assert(
      fc.asyncProperty(changeArb, fc.uniqueArray(fc.integer({ min: 0, max: N }), { maxLength: N }), async ([name, args], kept) => {
        const keep = new Set(kept.map(testId));
        const whole = await previewMutation(index, 'admin', name, args, NOW);
        const narrowed = narrowToCustomers(name, args, keep);
        const expected = whole && whole.filter((c) => keep.has(c.id));
        if (narrowed === null) {
          // Nothing to cut (all of it is kept) or nothing to keep: one preview is all there is.
          const touched = new Set(JSON.stringify(args).match(/[0-9a-f]{8}-[0-9a-f-]{27}/g));
          expect([...touched].every((id) => keep.has(id)) || [...touched].every((id) => !keep.has(id))).toBe(true);
          return;
        }
        expect(await previewMutation(index, 'admin', name, narrowed, NOW)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves changes that are not about many customers alone', () => {
    const keep = new Set([testId(1)]);
    expect(narrowToCustomers('updateCustomer', { id: testId(2), patch: { channels: 1 } }, keep)).toBeNull();
    expect(narrowToCustomers('dismissRejections', { ids: [testId(2)] }, keep)).toBeNull();
    expect(narrowToCustomers('restoreBulkSnapshots', { groups: [{ snapshot: {} }] }, keep)).toBeNull();
  });
});
