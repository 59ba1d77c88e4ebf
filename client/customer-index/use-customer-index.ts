import { useEffect, useState, useSyncExternalStore } from 'react';
import type { TrunklineReplicache } from '../sync/sync-context.js';
import { CustomerIndex, type CustomerIndexSnapshot } from './customer-index.js';

/** How often the page re-renders while a paged catch-up (a first sync of 100,000) streams in. */
export const CATCH_UP_BATCH_MS = 1000;
const BATCH_MS = 50;

/**
 * The in-memory customer index of `rep` (for optimistic previews) and its current
 * snapshot, re-rendering at most once per batch of changes: every 50 ms, or every
 * second while `catchingUp`, when each render of a growing list would only slow the sync.
 */
export function useCustomerIndex(rep: TrunklineReplicache, catchingUp = false): { index: CustomerIndex; snapshot: CustomerIndexSnapshot } {
  const [index] = useState(() => new CustomerIndex({ batchMs: BATCH_MS }));
  useEffect(() => index.setBatchMs(catchingUp ? CATCH_UP_BATCH_MS : BATCH_MS), [index, catchingUp]);
  useEffect(() => index.connect((prefix, onDiff) => rep.experimentalWatch(onDiff, { prefix, initialValuesInFirstDiff: true })), [index, rep]);
  return { index, snapshot: useSyncExternalStore(index.subscribe, index.getSnapshot) };
}
