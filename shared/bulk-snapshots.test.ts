import { describe, expect, it } from 'vitest';
import { compactSnapshotArgs, groupSnapshots, snapshotGroupsOf, snapshotsById } from './bulk-snapshots.js';
import { bulkSnapshot, touchedSnapshotFields } from './customer-patch.js';
import { describeMutation, mutatorArgSchemas } from './mutator-args.js';
import { makeCustomer } from './test-fixtures.js';

const id = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
const parse = (args: unknown) => mutatorArgSchemas.restoreBulkSnapshots.parse(args);

describe('compact undo of a bulk edit', () => {
  it('groups customers by identical snapshot of the touched fields', () => {
    const customers = [
      makeCustomer({ id: id(1), status: 'active', channels: 1 }),
      makeCustomer({ id: id(2), status: 'inactive', channels: 2 }),
      makeCustomer({ id: id(3), status: 'active', channels: 3 }),
    ];
    expect(snapshotGroupsOf(customers, touchedSnapshotFields({ status: 'pending' }))).toEqual([
      { ids: [id(1), id(3)], snapshot: { status: 'active', penaltyUntil: null, statusBeforePenalty: null } },
      { ids: [id(2)], snapshot: { status: 'inactive', penaltyUntil: null, statusBeforePenalty: null } },
    ]);
    expect(touchedSnapshotFields({ channels: 3, tags: { mode: 'add', values: [] } })).toEqual(['channels', 'tags']);
  });

  it('reads both forms; a repeated id takes its last snapshot', () => {
    const full = bulkSnapshot(makeCustomer());
    const entries = [
      { id: id(1), snapshot: full },
      { id: id(1), snapshot: { ...full, channels: 9 } },
    ];
    expect(snapshotsById(parse({ entries })).get(id(1))).toMatchObject({ channels: 9 });
    const groups = [
      { ids: [id(1), id(2)], snapshot: { channels: 1 } },
      { ids: [id(1)], snapshot: { channels: 2 } },
    ];
    expect([...snapshotsById(parse({ groups }))]).toEqual([
      [id(1), { channels: 2 }],
      [id(2), { channels: 1 }],
    ]);
  });

  it('rewrites an undo queued in the earlier form into groups that put back the same', () => {
    const full = bulkSnapshot(makeCustomer());
    const entries = [
      { id: id(1), snapshot: full },
      { id: id(2), snapshot: { ...full, status: 'inactive' } },
      { id: id(3), snapshot: full },
      { id: id(2), snapshot: full },
    ];
    const compact = compactSnapshotArgs({ entries }) as { groups: unknown[] };
    expect(compact.groups).toHaveLength(1);
    expect(snapshotsById(parse(compact))).toEqual(snapshotsById(parse({ entries })));
    expect(describeMutation('restoreBulkSnapshots', compact)).toBe('Undo of a bulk edit (3 customers)');
    // What would be refused stays as it was, to be refused for the same reason.
    const invalid = { entries: [{ id: id(1), snapshot: { status: 'active' } }] };
    expect(compactSnapshotArgs(invalid)).toBe(invalid);
    expect(compactSnapshotArgs({ groups: [] })).toEqual({ groups: [] });
  });

  it('an undo of a status change on 100,000 customers is a fraction of the earlier form', () => {
    const statuses = ['active', 'inactive', 'pending'] as const;
    const customers = Array.from({ length: 100_000 }, (_, i) =>
      makeCustomer({ id: id(i), status: statuses[i % 3], tags: ['wholesale', `t${i % 50}`], country: 'GB' }),
    );
    const earlier = JSON.stringify({ entries: customers.map((c) => ({ id: c.id, snapshot: bulkSnapshot(c) })) });
    const compact = JSON.stringify({ groups: snapshotGroupsOf(customers, touchedSnapshotFields({ status: 'inactive' })) });
    expect(parse(JSON.parse(compact))).toBeTruthy();
    // Only the ids remain of any size: 39 bytes each, about a fifth of the earlier form.
    expect(compact.length).toBeLessThan(100_000 * 40);
    expect(compact.length * 4).toBeLessThan(earlier.length);
    expect(groupSnapshots([]).length).toBe(0);
  });
});
