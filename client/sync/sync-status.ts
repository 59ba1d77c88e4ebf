import { useSyncExternalStore } from 'react';

/** What the sync indicator shows. */
export interface SyncStatus {
  /** The server answered the last request. */
  online: boolean;
  /** Local changes the server has not acknowledged yet. */
  pending: number;
  /** When the last pull completed (epoch ms), null before the first. */
  lastSyncedAt: number | null;
  /** While a large first sync is paged: rows received and expected. */
  progress: { sent: number; total: number } | null;
  syncing: boolean;
}

/** A tiny observable store for the sync status, shared by the provider and the indicator. */
export class SyncStatusStore {
  private status: SyncStatus;
  private listeners = new Set<() => void>();

  constructor(initial: Partial<SyncStatus> = {}) {
    this.status = { online: true, pending: 0, lastSyncedAt: null, progress: null, syncing: false, ...initial };
  }

  get = (): SyncStatus => this.status;

  set(patch: Partial<SyncStatus>): void {
    const next = { ...this.status, ...patch };
    if ((Object.keys(patch) as (keyof SyncStatus)[]).every((k) => next[k] === this.status[k])) return;
    this.status = next;
    for (const l of this.listeners) l();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

export function useSyncStatus(store: SyncStatusStore): SyncStatus {
  return useSyncExternalStore(store.subscribe, store.get);
}

/** One derived value of the status (a primitive): re-renders only when that value changes, not on every progress tick. */
export function useSyncStatusValue<T extends string | number | boolean | null>(store: SyncStatusStore, select: (status: SyncStatus) => T): T {
  return useSyncExternalStore(store.subscribe, () => select(store.get()));
}
