import { createContext, useContext } from 'react';
import type { ReplicacheImpl } from 'replicache/impl';
import type { Role } from '../../shared/auth.js';
import type { MutatorArgs, MutatorName } from '../../shared/mutator-args.js';
import type { ClientMutators } from './client-mutators.js';

export type TrunklineReplicache = ReplicacheImpl<ClientMutators>;

export interface MutateOptions {
  /**
   * Called as soon as the change shows on this device (an optimistic preview, or else the
   * local commit), before it is durable: the moment a dialog can close. Not called for a
   * change the device refuses.
   */
  onShown?: () => void;
  /**
   * Called once the change is committed to the local store and its watch diffs have been
   * delivered, before it is durable: the moment an optimistic preview can give way.
   */
  onCommitted?: () => void;
  /**
   * Awaited after the change is journalled (started) and before Replicache runs it: lets
   * an optimistic preview reach the screen before a large change takes the main thread.
   */
  beforeCommit?: () => Promise<void>;
  /**
   * Awaited before the journal entry is written: copying a 10,000-id change into IndexedDB
   * takes a slice of the click's frame, and "saved" waits for the entry anyway.
   */
  beforeJournal?: () => Promise<void>;
}

/** What the signed-in part of the app uses to read and change synced data. */
export interface SyncApi {
  rep: TrunklineReplicache;
  /**
   * Applies a mutator locally at once and resolves when the change is durable on this
   * device (journalled in IndexedDB, a few milliseconds), so a reload or a crash right
   * after cannot lose it. Rejects with the shared AppError when the change is invalid or
   * not allowed.
   */
  mutate<N extends MutatorName>(name: N, args: MutatorArgs<N>, options?: MutateOptions): Promise<void>;
  role: Role;
  /** The signed-in user (whose saved views are theirs). */
  userId: string;
}

export const SyncContext = createContext<SyncApi | null>(null);

export function useSync(): SyncApi {
  const api = useContext(SyncContext);
  if (!api) throw new Error('useSync() used outside <SyncProvider>');
  return api;
}
