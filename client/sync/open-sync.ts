import { dropDatabase, type PushRequestV1 } from 'replicache';
import { ReplicacheImpl } from 'replicache/impl';
import type { MeResponse } from '../../shared/api.js';
import type { MutatorName } from '../../shared/mutator-args.js';
import { setReadiness } from '../app/readiness.js';
import { isPartialCookie, SCHEMA_VERSION } from '../../shared/sync-protocol.js';
import { deviceDb } from '../device/device-db.js';
import { makeClientMutators } from './client-mutators.js';
import { makeEarlyPush } from './early-push.js';
import { JournalledCommits } from './journalled-commits.js';
import { MutationJournal } from './mutation-journal.js';
import { makeTransport } from './http-sync-transport.js';
import { PersistQueue } from './persist-queue.js';
import { slicedIdbStore } from './sliced-idb-store.js';
import { uncachedChunk } from './uncached-chunks.js';
import { listenForPokes } from './poke-listener.js';
import type { MutateOptions, SyncApi, TrunklineReplicache } from './sync-context.js';
import { SyncStatusStore } from './sync-status.js';

export interface OpenSync {
  api: SyncApi;
  status: SyncStatusStore;
  /** Stops syncing; with `dropLocalData` also deletes this user's data from the device. */
  close(opts?: { dropLocalData?: boolean }): Promise<void>;
}

/**
 * User-timing entries that measurement tools can observe without any change to what the
 * user sees: the last page of a pull arrived (mark), a commit reached the local store
 * (mark), a user's change was saved (mark), and a persist ran (measure: a persist that
 * started after the latest commit mark means everything is in IndexedDB).
 */
export const SYNCED_MARK = 'trunkline:synced';
export const COMMITTED_MARK = 'trunkline:committed';
export const PERSIST_MEASURE = 'trunkline:persist';
/** A change the user made is committed locally and journalled: the moment it counts as saved. */
export const SAVED_MARK = 'trunkline:saved';

// Only the latest entry of each name is kept, so a long session does not fill the timeline buffer.
function mark(name: string): void {
  performance.clearMarks(name);
  performance.mark(name);
}

async function measured(name: string, work: () => Promise<void>): Promise<void> {
  const start = performance.now();
  await work();
  performance.clearMeasures(name);
  performance.measure(name, { start, end: performance.now() });
}

const lastSyncedKey = (userId: string) => `trunkline.lastSynced.${userId}`;

/**
 * Opens this user's local replica and keeps it in sync:
 * 1. Replicache over IndexedDB, one database per user, so users of a shared device never mix data.
 * 2. A change is journalled (one small IndexedDB write) before `mutate` resolves; Replicache's
 *    own persist runs in the background and lets the journal forget what it wrote.
 * 3. On open, journalled changes the replica lost (a killed tab) are made again, and once
 *    more after the first complete pull for those that needed its data.
 * 4. Pokes (SSE) and the browser's online event trigger pulls; a paged catch-up pulls until complete.
 * 5. The status store follows online state, pending changes, last sync and catch-up progress.
 */
export function openSync(me: MeResponse, onSessionExpired: () => void): OpenSync {
  const userId = me.user.id;
  const stored = Number(localStorage.getItem(lastSyncedKey(userId)));
  const status = new SyncStatusStore({ lastSyncedAt: stored > 0 ? stored : null, online: navigator.onLine });
  let settledReplay = false;
  const { puller, pusher, pushNow } = makeTransport({
    onPulled(cookie) {
      if (isPartialCookie(cookie)) {
        status.set({ progress: { sent: cookie?.sent ?? 0, total: cookie?.total ?? 0 } });
        // Keep paging right away; Replicache queues this behind the pull being applied.
        queueMicrotask(() => void rep.pull({ now: true }).catch(() => {}));
      } else {
        const now = Date.now();
        // Observable completion signals for performance measurement (no effect on behaviour).
        mark(SYNCED_MARK);
        setReadiness('synced', 'true');
        localStorage.setItem(lastSyncedKey(userId), String(now));
        status.set({ progress: null, lastSyncedAt: now });
        if (!settledReplay) {
          settledReplay = true;
          void commits.replay({ settled: true }).catch((e: unknown) => console.error('Journal replay failed', e));
        }
      }
    },
    onUnauthenticated: onSessionExpired,
  });

  // A large bulk change leaves at once, not after Replicache's local run of it.
  const earlyPush = makeEarlyPush(
    async (mutation) =>
      pushNow({
        pushVersion: 1,
        clientGroupID: await rep.clientGroupID,
        profileID: await rep.profileID,
        schemaVersion: SCHEMA_VERSION,
        mutations: [mutation as PushRequestV1['mutations'][number]],
      }),
    () => me.user.role,
  );
  const rep: TrunklineReplicache = new ReplicacheImpl(
    {
      name: `trunkline-${userId}`,
      schemaVersion: SCHEMA_VERSION,
      mutators: makeClientMutators(() => me.user.role, earlyPush, userId),
      puller,
      pusher,
      pullURL: '/api/replicache/pull',
      pushURL: '/api/replicache/push',
      pullInterval: 60_000,
      logLevel: 'error',
      // Persists write in slices, so a click never waits for a large one.
      kvStore: slicedIdbStore(),
      // Details and notes are read from IndexedDB when a card needs them, not held in memory.
      uncachedChunk,
    },
    { enableScheduledPersist: false },
  );

  const commits = new JournalledCommits(rep, new MutationJournal(deviceDb().journal, userId), () => persistQueue.flush());
  // A persist covers every change committed before it started.
  const persistQueue: PersistQueue = new PersistQueue(async () => {
    const covered = commits.persistStarting();
    await measured(PERSIST_MEASURE, () => rep.persist());
    await commits.persisted(covered);
  });
  void commits
    .replay({ settled: false })
    .then((replayed) => replayed > 0 && persistQueue.schedule())
    .catch((e: unknown) => console.error('Journal replay failed', e));
  const refreshPending = () =>
    void rep
      .experimentalPendingMutations()
      .then((m) => status.set({ pending: m.length }))
      .catch(() => {});

  // Every commit (local change or pulled data) gets persisted soon, and the pending count refreshed.
  // Not page by page during a catch-up: each persist rewrites the tree's upper nodes and takes the
  // main thread, and an interrupted catch-up resumes from the last persisted cookie anyway.
  // Local changes do not wait for it: the journal keeps them meanwhile.
  const stopWatch = rep.experimentalWatch(() => {
    mark(COMMITTED_MARK);
    if (status.get().progress === null) persistQueue.schedule();
    refreshPending();
  });
  rep.onOnlineChange = (online) => status.set({ online });
  // The server syncs a newer shape of data than this code reads (it was upgraded). Replicache
  // would reload the page, but the service worker would serve this same code again: look for
  // the new version instead, so the update prompt offers it. Changes still go out meanwhile.
  rep.onUpdateNeeded = () => void navigator.serviceWorker?.getRegistration().then((r) => r?.update());
  rep.onSync = (syncing) => {
    status.set({ syncing });
    if (!syncing) refreshPending();
  };
  const onOnline = () => {
    void rep.pull({ now: true }).catch(() => {});
    void rep.push({ now: true }).catch(() => {});
  };
  const stopPokes = listenForPokes(() => void rep.pull().catch(() => {}), onOnline);
  const onOffline = () => status.set({ online: false });
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);

  const api: SyncApi = {
    rep,
    role: me.user.role,
    userId,
    async mutate(name: MutatorName, args: unknown, options?: MutateOptions) {
      // Replicache resolves a mutation after its watch callbacks ran: the index already holds
      // it when onCommitted runs. Durable once journalled; the replica persists later.
      await commits.save(name, args as object, options);
      mark(SAVED_MARK);
      refreshPending();
    },
  };

  return {
    api,
    status,
    async close({ dropLocalData = false } = {}) {
      setReadiness('synced', null);
      stopPokes();
      stopWatch();
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      persistQueue.cancel();
      if (!dropLocalData) await persistQueue.flush().catch(() => {});
      const idbName = rep.idbName;
      await rep.close();
      if (dropLocalData) {
        await dropDatabase(idbName);
        localStorage.removeItem(lastSyncedKey(userId));
      }
    },
  };
}
