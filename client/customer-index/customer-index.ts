import type { ExperimentalNoIndexDiff } from 'replicache';
import type { CustomerDetails, CustomerListRow } from '../../shared/customer-split.js';
import { CUSTOMER_PREFIX, DETAILS_PREFIX, METRICS_PREFIX, SETTINGS_PREFIX, WARNING_THRESHOLDS_KEY } from '../../shared/keys.js';
import { TRAFFIC_WARNING_THRESHOLDS, type WarningThresholds } from '../../shared/warnings.js';
import type { CustomerMetrics } from '../../shared/metrics.js';
import { detailSearchTerms, detailTermsOf, indexCustomer, withMetrics, type IndexedCustomer } from './indexed-customer.js';
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

/** Subscribes to the diffs of the keys under `prefix`; returns the unsubscribe function. */
export type WatchCustomerDiffs = (prefix: string, onDiff: (diff: ExperimentalNoIndexDiff) => void) => () => void;

/**
 * Customers' details, their list rows, live figures and the settings warnings read: one
 * watch each, so notes and other keys never reach the index. Details come first, so the
 * first load indexes each row once, with its details already at hand.
 */
export const WATCHED_PREFIXES = [DETAILS_PREFIX, CUSTOMER_PREFIX, METRICS_PREFIX, SETTINGS_PREFIX] as const;

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
 * A customer's live figures (`m/<id>`) are synced apart from it and refreshed every few
 * seconds; each change replaces that customer's row with one carrying the new figures,
 * logged like any other change so views update incrementally. Its details (`d/<id>`)
 * likewise. Figures and details that arrive before their customer wait for it.
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
  readonly #overlays: Map<string, IndexedCustomer>[] = [];
  /** The stored row (undefined: none) behind each optimistic one, kept current by diffs. */
  readonly #stored = new Map<string, IndexedCustomer | undefined>();
  /** Stored figures by customer id, whether or not the customer is in the index yet. */
  readonly #metrics = new Map<string, CustomerMetrics>();
  /** Search terms of details whose customer is not in the index yet; a row holds its own. */
  readonly #waitingDetails = new Map<string, string>();
  /** The organisation's traffic warning thresholds (synced), the defaults until they arrive. */
  #thresholds: WarningThresholds = TRAFFIC_WARNING_THRESHOLDS;
  readonly #log = new RowChangeLog();
  readonly #listeners = new Set<() => void>();
  #batchMs: number;
  readonly #schedule: Schedule;
  #snapshot: CustomerIndexSnapshot = { version: 0, rows: [], loaded: false, get: () => undefined, changesSince: () => null };
  #loaded = false;
  /** Watches that have not delivered their first diff (the store's contents) yet. */
  #awaiting = 0;
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

  /**
   * Starts following a store from scratch, one watch per prefix of `WATCHED_PREFIXES`;
   * the first version is published once every watch has delivered the store's contents,
   * so the page never shows customers without the figures the store holds. The returned
   * function stops it.
   */
  connect(watch: WatchCustomerDiffs): () => void {
    this.#shown.clear();
    this.#overlays.length = 0;
    this.#stored.clear();
    this.#metrics.clear();
    this.#waitingDetails.clear();
    this.#thresholds = TRAFFIC_WARNING_THRESHOLDS;
    this.#log.clear();
    this.#loaded = false;
    this.#recording = false;
    this.#awaiting = WATCHED_PREFIXES.length;
    const stops = WATCHED_PREFIXES.map((prefix) => {
      let first = true;
      return watch(prefix, (diff) => {
        if (first) this.#awaiting -= 1;
        first = false;
        this.applyDiff(diff);
      });
    });
    return () => {
      for (const stop of stops) stop();
      this.#cancelFlush?.();
      this.#cancelFlush = undefined;
    };
  }

  /** Applies one diff from `experimentalWatch` (keys other than customers, figures and the thresholds are ignored). */
  applyDiff(diff: ExperimentalNoIndexDiff): void {
    for (const op of diff) {
      const value: unknown = op.op === 'del' ? undefined : op.newValue;
      // The row's own id string, not a slice of the key: 100,000 Map keys then cost no second copy.
      if (op.key.startsWith(CUSTOMER_PREFIX)) this.#applyCustomer((value as CustomerListRow | undefined)?.id ?? op.key.slice(CUSTOMER_PREFIX.length), value as CustomerListRow | undefined);
      else if (op.key.startsWith(DETAILS_PREFIX)) this.#applyDetails(op.key.slice(DETAILS_PREFIX.length), value as CustomerDetails | undefined);
      else if (op.key.startsWith(METRICS_PREFIX)) this.#applyMetrics(op.key.slice(METRICS_PREFIX.length), value as CustomerMetrics | undefined);
      else if (op.key === WARNING_THRESHOLDS_KEY) this.#applyThresholds((value as WarningThresholds | undefined) ?? TRAFFIC_WARNING_THRESHOLDS);
    }
    if (!this.#loaded) {
      if (this.#awaiting > 0) return;
      this.#loaded = true;
      this.#flush();
    } else if (diff.length > 0) {
      this.#flushSoon();
    }
  }

  #applyCustomer(id: string, customer: CustomerListRow | undefined): void {
    const stored = this.#stored;
    const behindOverlay = stored.size > 0 && stored.has(id);
    const previous = behindOverlay ? stored.get(id) : this.#shown.get(id);
    // A customer new to the index takes the figures and details' terms that arrived before it;
    // one already there keeps its own (undefined: the previous row's).
    let terms: string | undefined;
    if (!previous && customer) {
      terms = this.#waitingDetails.get(id);
      this.#waitingDetails.delete(id);
    }
    const row = customer && indexCustomer(customer, previous, this.#metrics.get(id), this.#thresholds, terms);
    // Under an optimistic row, only the row behind it changes until the overlay goes.
    if (behindOverlay) stored.set(id, row);
    else this.#show(id, previous, row);
  }

  /**
   * New details: the stored row takes their search terms (an optimistic row keeps its own
   * until it goes). The details themselves are not kept: the card reads them from the store.
   */
  #applyDetails(id: string, details: CustomerDetails | undefined): void {
    const stored = this.#stored;
    const behindOverlay = stored.size > 0 && stored.has(id);
    const previous = behindOverlay ? stored.get(id) : this.#shown.get(id);
    const terms = detailSearchTerms(details);
    if (!previous) {
      if (terms) this.#waitingDetails.set(id, terms);
      else this.#waitingDetails.delete(id);
      return;
    }
    // Details that changed in what search does not look at change nothing on the page.
    if (terms === detailTermsOf(previous)) return;
    const row = indexCustomer(previous.customer, previous, previous.metrics, this.#thresholds, terms);
    if (behindOverlay) stored.set(id, row);
    else this.#show(id, previous, row);
  }

  #applyMetrics(id: string, metrics: CustomerMetrics | undefined): void {
    if (metrics) this.#metrics.set(this.#shown.get(id)?.id ?? id, metrics);
    else this.#metrics.delete(id);
    const stored = this.#stored;
    if (stored.size > 0 && stored.has(id)) {
      // No optimistic change touches figures: the rows behind and the optimistic rows all take them.
      const behind = stored.get(id);
      if (behind) stored.set(id, withMetrics(behind, metrics, this.#thresholds));
      let top: IndexedCustomer | undefined;
      for (const overlay of this.#overlays) {
        const row = overlay.get(id);
        if (row) overlay.set(id, (top = withMetrics(row, metrics, this.#thresholds)));
      }
      if (top) this.#show(id, this.#shown.get(id), top);
      return;
    }
    const shown = this.#shown.get(id);
    if (shown) this.#show(id, shown, withMetrics(shown, metrics, this.#thresholds));
  }

  /** New thresholds: every row with figures gets its traffic warnings again (rows without figures have none). */
  #applyThresholds(thresholds: WarningThresholds): void {
    this.#thresholds = thresholds;
    const again = (row: IndexedCustomer | undefined) => (row?.metrics ? withMetrics(row, row.metrics, thresholds) : row);
    for (const [id, row] of this.#stored) this.#stored.set(id, again(row));
    for (const overlay of this.#overlays) for (const [id, row] of overlay) overlay.set(id, again(row)!);
    for (const [id, row] of [...this.#shown]) {
      if (!row.metrics) continue;
      // An optimistic row on show is the newest overlay's, already redone above.
      const top = this.#stored.has(id) ? this.#overlays.findLast((o) => o.has(id))?.get(id) : undefined;
      this.#show(id, row, top ?? again(row));
    }
  }

  /**
   * Shows `customers` in place of the stored ones at once (listeners are told now, not
   * after a batch). Returns the function that removes them again, putting back what is
   * stored by then.
   */
  showOptimistic(customers: Iterable<CustomerListRow>): () => void {
    const overlay = new Map<string, IndexedCustomer>();
    const stored = this.#stored;
    for (const c of customers) {
      const current = this.#shown.get(c.id);
      if (!stored.has(c.id)) stored.set(c.id, current);
      // The details' terms stay those shown now until the change's own diff brings the new ones.
      const row = indexCustomer(c, current, this.#metrics.get(c.id), this.#thresholds);
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
