import type { ExperimentalNoIndexDiff } from 'replicache';
import type { Customer } from '../../shared/customer.js';
import { CUSTOMER_PREFIX } from '../../shared/keys.js';
import { indexCustomer, type IndexedCustomer } from './indexed-customer.js';
import { RowChangeLog, type RowChanges } from './row-change-log.js';

export interface CustomerIndexSnapshot {
  /** Increases with every published change. */
  readonly version: number;
  /** Every customer, live and deleted, in no particular order. */
  readonly rows: readonly IndexedCustomer[];
  /** True once the first diff (the initial contents of the store) has arrived. */
  readonly loaded: boolean;
  /** Looks a customer up by id. A new function per version, so it can be a memo dependency. */
  readonly get: (id: string) => IndexedCustomer | undefined;
  /**
   * The rows that changed between an earlier version and this one, or null when that is
   * not known (too long ago, or the first load): then recompute from `rows`.
   */
  readonly changesSince: (version: number) => RowChanges | null;
}

/** Subscribes to customer diffs; returns the unsubscribe function. */
export type WatchCustomerDiffs = (onDiff: (diff: ExperimentalNoIndexDiff) => void) => () => void;

/** Runs `fn` after `ms`; returns a cancel function. Injectable so tests control time. */
export type Schedule = (fn: () => void, ms: number) => () => void;

const defaultSchedule: Schedule = (fn, ms) => {
  const handle = setTimeout(fn, ms);
  return () => clearTimeout(handle);
};

export interface CustomerIndexOptions {
  /** Longest time changes wait before listeners hear of them. */
  batchMs?: number;
  schedule?: Schedule;
}

/**
 * In-memory index of every customer, kept current by Replicache watch diffs instead of
 * rescanning the store. Diffs are applied at once, but listeners are told at most every
 * `batchMs` (the first load immediately), so a 10,000-customer bulk edit, which arrives
 * as many diffs, causes one re-render.
 *
 * Replicache stays the only source of truth. An overlay (`showOptimistic`) only shows the
 * expected result of a change before Replicache has committed it; diffs meanwhile update
 * the stored row behind it, and whoever added the overlay removes it once the commit's
 * diff is in (or the change failed), which brings the stored rows back into view.
 */
export class CustomerIndex {
  /** What the page shows: the stored rows, with optimistic rows in place of some. */
  readonly #shown = new Map<string, IndexedCustomer>();
  /** Optimistic rows in the order they were shown; later ones win. */
  readonly #overlays: ReadonlyMap<string, IndexedCustomer>[] = [];
  /** The stored row (undefined: none) behind each optimistic one, kept current by diffs. */
  readonly #stored = new Map<string, IndexedCustomer | undefined>();
  readonly #log = new RowChangeLog();
  readonly #listeners = new Set<() => void>();
  #batchMs: number;
  readonly #schedule: Schedule;
  #snapshot: CustomerIndexSnapshot = { version: 0, rows: [], loaded: false, get: () => undefined, changesSince: () => null };
  #loaded = false;
  /** Changes are logged once a first version of the current store has been published. */
  #recording = false;
  #cancelFlush: (() => void) | undefined;

  constructor(options: CustomerIndexOptions = {}) {
    this.#batchMs = options.batchMs ?? 50;
    this.#schedule = options.schedule ?? defaultSchedule;
  }

  /**
   * Changes how long changes may wait before listeners hear of them; a batch already
   * waiting is rescheduled. A catch-up of 100,000 rows in pages needs no re-render per page.
   */
  setBatchMs(ms: number): void {
    if (ms === this.#batchMs) return;
    this.#batchMs = ms;
    if (this.#cancelFlush) {
      this.#cancelFlush();
      this.#cancelFlush = undefined;
      this.#flushSoon();
    }
  }

  /** Starts following a store from scratch; the returned function stops it. */
  connect(watch: WatchCustomerDiffs): () => void {
    this.#shown.clear();
    this.#overlays.length = 0;
    this.#stored.clear();
    this.#log.clear();
    this.#loaded = false;
    this.#recording = false;
    const stop = watch((diff) => this.applyDiff(diff));
    return () => {
      stop();
      this.#cancelFlush?.();
      this.#cancelFlush = undefined;
    };
  }

  /** Applies one diff from `experimentalWatch` (keys outside `c/` are ignored). */
  applyDiff(diff: ExperimentalNoIndexDiff): void {
    const shown = this.#shown;
    const stored = this.#stored;
    for (const op of diff) {
      if (!op.key.startsWith(CUSTOMER_PREFIX)) continue;
      const id = op.key.slice(CUSTOMER_PREFIX.length);
      const behindOverlay = stored.size > 0 && stored.has(id);
      const previous = behindOverlay ? stored.get(id) : shown.get(id);
      const row = op.op === 'del' ? undefined : indexCustomer(op.newValue as unknown as Customer, previous);
      // Under an optimistic row, only the row behind it changes until the overlay goes.
      if (behindOverlay) stored.set(id, row);
      else this.#show(id, previous, row);
    }
    if (!this.#loaded) {
      this.#loaded = true;
      this.#flush();
    } else if (diff.length > 0) {
      this.#flushSoon();
    }
  }

  /**
   * Shows `customers` in place of the stored ones at once (listeners are told now, not
   * after a batch). Returns the function that removes them again, putting back what is
   * stored by then.
   */
  showOptimistic(customers: Iterable<Customer>): () => void {
    const overlay = new Map<string, IndexedCustomer>();
    const stored = this.#stored;
    for (const c of customers) {
      const current = this.#shown.get(c.id);
      if (!stored.has(c.id)) stored.set(c.id, current);
      const row = indexCustomer(c, current);
      overlay.set(c.id, row);
      this.#show(c.id, current, row);
    }
    this.#overlays.push(overlay);
    this.#flush();
    return () => {
      const at = this.#overlays.indexOf(overlay);
      if (at < 0) return;
      this.#overlays.splice(at, 1);
      for (const id of overlay.keys()) {
        // A later overlay of the same customer stays; otherwise what is stored by now comes back.
        const still = this.#overlays.findLast((o) => o.has(id))?.get(id);
        const next = still ?? stored.get(id);
        if (!still) stored.delete(id);
        this.#show(id, this.#shown.get(id), next);
      }
      this.#flushSoon();
    };
  }

  /** The customer as shown: an optimistic row if there is one, else the stored one. */
  get(id: string): IndexedCustomer | undefined {
    return this.#shown.get(id);
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  readonly getSnapshot = (): CustomerIndexSnapshot => this.#snapshot;

  /** Puts `row` (undefined: none) on show for `id` in place of `before`, the row shown until now. */
  #show(id: string, before: IndexedCustomer | undefined, row: IndexedCustomer | undefined): void {
    if (before === row) return;
    if (row) this.#shown.set(id, row);
    else this.#shown.delete(id);
    // Until the first load is published nobody holds a view to update.
    if (this.#recording) this.#log.record(id, before, row);
  }

  #flushSoon(): void {
    if (!this.#cancelFlush) this.#cancelFlush = this.#schedule(() => this.#flush(), this.#batchMs);
  }

  #flush(): void {
    this.#cancelFlush?.();
    this.#cancelFlush = undefined;
    const shown = this.#shown;
    const log = this.#log;
    const version = this.#snapshot.version + 1;
    log.seal(version, this.#recording);
    this.#recording = true;
    this.#snapshot = {
      version,
      rows: Array.from(shown.values()),
      loaded: true,
      get: (id) => shown.get(id),
      changesSince: (from) => log.between(from, version),
    };
    for (const listener of this.#listeners) listener();
  }
}
