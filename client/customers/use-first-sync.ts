import { useSyncStatusStore } from '../sync/SyncProvider.js';
import { useSyncStatus, useSyncStatusValue, type SyncStatus } from '../sync/sync-status.js';

export interface FirstSync {
  /** This device has never completed a sync and can reach the server: an empty list means "not here yet". */
  waiting: boolean;
  /** A large paged catch-up (the first sync of 100,000 customers, not a 10,000-row edit made elsewhere) is streaming in. */
  catchingUp: boolean;
}

/** Above this many rows a catch-up is a download to show progress of, not an edit to show at once. */
export const LARGE_CATCH_UP = 20_000;

const isWaiting = (s: SyncStatus) => s.lastSyncedAt === null && s.online;
const isCatchingUp = (s: SyncStatus) => s.progress !== null && s.progress.total > LARGE_CATCH_UP;

/**
 * Whether the customers are still on their way to a new device. Only changes of these two
 * flags re-render the caller, not each page of a catch-up.
 */
export function useFirstSync(): FirstSync {
  const store = useSyncStatusStore();
  return { waiting: useSyncStatusValue(store, isWaiting), catchingUp: useSyncStatusValue(store, isCatchingUp) };
}

/** Rows received and expected while a large first sync is paged (re-renders on every page). */
export function useFirstSyncProgress(): SyncStatus['progress'] {
  return useSyncStatus(useSyncStatusStore()).progress;
}
