import { useSyncStatusStore } from './SyncProvider.js';
import { useSyncStatusValue } from './sync-status.js';

const isOnline = (s: { online: boolean }) => s.online;

/** Whether the server answered the app's last request: the same signal as the header's sync indicator. */
export function useOnline(): boolean {
  return useSyncStatusValue(useSyncStatusStore(), isOnline);
}
