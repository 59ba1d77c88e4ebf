import { useSyncStatus } from '../sync/sync-status.js';
import { useSyncStatusStore } from '../sync/SyncProvider.js';

export interface FirstSync {
  /** This device has never completed a sync and can reach the server: an empty list means "not here yet". */
  waiting: boolean;
  /** Rows received and expected while a large first sync is paged. */
  progress: { sent: number; total: number } | null;
}

/** Whether the customers are still on their way to a new device. */
export function useFirstSync(): FirstSync {
  const status = useSyncStatus(useSyncStatusStore());
  return { waiting: status.lastSyncedAt === null && status.online, progress: status.progress };
}
