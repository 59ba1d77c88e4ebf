import { bulkSnapshotSchema, pickSnapshot, type BulkSnapshotPatch, type SnapshotField, type SnapshotSource } from './customer-patch.js';
import type { ParsedMutatorArgs } from './mutator-args.js';

/**
 * Undo of a bulk edit in its compact form: ids grouped by identical snapshot. An undo of
 * a status change on 100,000 customers is then the ids and a handful of snapshots, small
 * enough to sync, where one full snapshot per customer was several times larger.
 */
export interface SnapshotGroup {
  ids: string[];
  snapshot: BulkSnapshotPatch;
}

/** Groups `snapshots` by identical content, keeping first-seen order. */
export function groupSnapshots(snapshots: Iterable<readonly [string, BulkSnapshotPatch]>): SnapshotGroup[] {
  const groups = new Map<string, SnapshotGroup>();
  for (const [id, snapshot] of snapshots) {
    const key = JSON.stringify(snapshot);
    const group = groups.get(key);
    if (group) group.ids.push(id);
    else groups.set(key, { ids: [id], snapshot });
  }
  return [...groups.values()];
}

/**
 * What undo puts back, taken before a bulk edit touching `fields`: the live customers of
 * `ids`, grouped by their values of those fields.
 */
export function snapshotGroupsOf(customers: Iterable<SnapshotSource & { id: string }>, fields: readonly SnapshotField[]): SnapshotGroup[] {
  return groupSnapshots([...customers].map((c) => [c.id, pickSnapshot(c, fields)] as const));
}

/**
 * The snapshot to put back per customer, from either form of the arguments. When an id
 * appears more than once, its last snapshot wins (both forms, as they always did).
 */
export function snapshotsById(args: ParsedMutatorArgs<'restoreBulkSnapshots'>): Map<string, BulkSnapshotPatch> {
  const byId = new Map<string, BulkSnapshotPatch>();
  if ('groups' in args) {
    for (const group of args.groups) for (const id of group.ids) byId.set(id, group.snapshot);
  } else {
    for (const entry of args.entries) byId.set(entry.id, entry.snapshot);
  }
  return byId;
}

/**
 * Rewrites the arguments of an undo queued in the earlier form (one full snapshot per
 * customer) into groups, which put back exactly the same; anything else, and an earlier
 * form with any invalid snapshot (refused either way), is returned as it is. The pusher
 * sends queued undos this way so they fit the server's limits.
 */
export function compactSnapshotArgs(args: unknown): unknown {
  const entries = (args as { entries?: unknown } | null)?.entries;
  if (!Array.isArray(entries)) return args;
  const byId = new Map<string, BulkSnapshotPatch>();
  for (const entry of entries as { id?: unknown; snapshot?: unknown }[]) {
    const snapshot = bulkSnapshotSchema.safeParse(entry?.snapshot);
    if (typeof entry?.id !== 'string' || !snapshot.success) return args;
    byId.set(entry.id, snapshot.data);
  }
  return byId.size === 0 ? args : { groups: groupSnapshots(byId) };
}
