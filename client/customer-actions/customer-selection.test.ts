import { describe, expect, it } from 'vitest';
import { applySnapshot, applyBulkPatch, touchedSnapshotFields, type BulkPatch } from '../../shared/customer-patch.js';
import { addAll, allSelected, applyPageSelection, selectedInView, undoSnapshot } from './customer-selection.js';
import { testId, testRow } from '../customer-index/customer-test-rows.js';

const NOW = '2026-02-01T12:00:00.000Z';
const live = [testRow(1), testRow(2), testRow(3)];
const gone = testRow(4, { deletedAt: NOW });
const byId = new Map([...live, gone].map((r) => [r.id, r]));
const get = (id: string) => byId.get(id);

describe('selection across pages', () => {
  it('keeps selections made on other pages when this page changes', () => {
    const fromPage1 = new Set(['a', 'b']);
    const next = applyPageSelection(fromPage1, ['c', 'd', 'e'], ['d']);
    expect([...next].sort()).toEqual(['a', 'b', 'd']);
    const unticked = applyPageSelection(next, ['c', 'd', 'e'], []);
    expect([...unticked].sort()).toEqual(['a', 'b']);
  });

  it('"select all matching" adds every matching id to what was selected', () => {
    const next = addAll(new Set(['x']), ['a', 'b']);
    expect([...next].sort()).toEqual(['a', 'b', 'x']);
    expect(allSelected(next, ['a', 'b'])).toBe(true);
    expect(allSelected(next, ['a', 'c'])).toBe(false);
    expect(allSelected(next, [])).toBe(false);
  });

  it('acts only on selected customers still in the view', () => {
    const selected = new Set([testId(1), testId(4), 'vanished']);
    expect(selectedInView(selected, get, 'customers')).toEqual({ ids: [testId(1)], hidden: 0 });
    expect(selectedInView(selected, get, 'trash')).toEqual({ ids: [testId(4)], hidden: 0 });
  });

  it('acts only on selected customers the filters show, and counts the ones they hide', () => {
    const selected = new Set([testId(1), testId(2), testId(3), testId(4)]);
    const onlyTwo = (r: { id: string }) => r.id === testId(2);
    expect(selectedInView(selected, get, 'customers', onlyTwo)).toEqual({ ids: [testId(2)], hidden: 2 });
  });

  it('snapshots let undo put back exactly what a bulk edit changed', () => {
    const patch: BulkPatch = { status: 'inactive', channels: 2, country: 'DE', tags: { mode: 'set', values: ['x'] } };
    const snapshot = undoSnapshot([testId(1), testId(4)], get, touchedSnapshotFields(patch));
    const { live: ids } = snapshot;
    const groups = snapshot.groups();
    expect(ids).toEqual([testId(1)]);
    expect(groups.flatMap((g) => g.ids)).toEqual([testId(1)]);
    const before = live[0]!.customer;
    const edited = applyBulkPatch(before, patch, NOW);
    const undone = applySnapshot(edited, groups[0]!.snapshot, NOW);
    expect({ ...undone, updatedAt: before.updatedAt }).toEqual(before);
  });

  it('an undo snapshot holds only the fields the change touches, one per distinct value', () => {
    const groups = undoSnapshot([testId(1), testId(2), testId(3)], get, touchedSnapshotFields({ status: 'inactive' })).groups();
    const statuses = new Set(live.map((r) => r.customer.status));
    expect(groups).toHaveLength(statuses.size);
    for (const g of groups) expect(Object.keys(g.snapshot)).toEqual(['status', 'penaltyUntil', 'statusBeforePenalty']);
    expect(groups.flatMap((g) => g.ids).sort()).toEqual([testId(1), testId(2), testId(3)].sort());
  });

  it('puts back the values from before the change even when undo is grouped after it', () => {
    const rows = new Map(live.map((r) => [r.id, r]));
    const snapshot = undoSnapshot([testId(1), testId(2)], (id) => rows.get(id), touchedSnapshotFields({ status: 'pending' }));
    for (const n of [1, 2]) rows.set(testId(n), testRow(n, { status: 'pending' }));
    expect(snapshot.groups().flatMap((g) => g.snapshot.status)).toEqual(['active']);
  });
});
