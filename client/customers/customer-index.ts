import type { ExperimentalNoIndexDiff } from 'replicache';
import type { Customer } from '../../shared/customer.js';
import { CUSTOMER_STATUSES } from '../../shared/customer-status.js';
import { CUSTOMER_PREFIX } from '../../shared/keys.js';
import { moneyToNumber } from '../../shared/money.js';
import { customerWarnings, type CustomerWarning } from '../../shared/warnings.js';
import { foldText } from './fold-text.js';

/**
 * One customer as the page needs it: the synced record plus what filtering and sorting
 * would otherwise recompute on every keystroke (warnings, search text, sort keys).
 * Built once per change of that customer, so a 100,000-row view costs nothing extra.
 */
export interface IndexedCustomer {
  readonly id: string;
  readonly customer: Customer;
  readonly warnings: readonly CustomerWarning[];
  /** Folded (lowercase, no accents) text that search terms are matched against. */
  readonly searchText: string;
  readonly nameKey: string;
  readonly credit: number;
  /** Available credit (credit plus debit limit) is zero or less. */
  readonly cannotDial: boolean;
  readonly statusRank: number;
  readonly countryKey: string | undefined;
  readonly tagsKey: string | undefined;
  /** Channel limit for sorting: unlimited (0) sorts above every number. */
  readonly channelLimit: number;
  readonly deletedAtMs: number | undefined;
}

// A term can never span two fields because terms hold no whitespace.
const FIELD_SEPARATOR = '\n';

export function indexCustomer(customer: Customer): IndexedCustomer {
  const warnings = customerWarnings(customer);
  return {
    id: customer.id,
    customer,
    warnings,
    searchText: buildSearchText(customer),
    nameKey: foldText(customer.name),
    credit: moneyToNumber(customer.credit),
    cannotDial: warnings.some((w) => w.code === 'cannot_dial'),
    statusRank: CUSTOMER_STATUSES.indexOf(customer.status),
    countryKey: customer.country,
    tagsKey: customer.tags.length > 0 ? foldText(customer.tags.join(',')) : undefined,
    channelLimit: customer.channels === 0 ? Number.POSITIVE_INFINITY : customer.channels,
    deletedAtMs: customer.deletedAt === undefined ? undefined : Date.parse(customer.deletedAt),
  };
}

function buildSearchText(c: Customer): string {
  const parts: string[] = [c.name];
  if (c.accountRef) parts.push(c.accountRef);
  parts.push(...c.tags);
  for (const k of c.contacts) {
    if (k.email) parts.push(k.email);
    // Staff type numbers with and without the plus.
    if (k.mobile) parts.push(k.mobile, k.mobile.replace(/^\+/, ''));
  }
  for (const ip of c.ipAuth) parts.push(ip.ip);
  for (const u of c.sipUsers) parts.push(u.username);
  for (const r of c.routes) if (r.techPrefix) parts.push(r.techPrefix);
  return foldText(parts.join(FIELD_SEPARATOR));
}

export interface CustomerIndexSnapshot {
  /** Increases with every published change. */
  readonly version: number;
  /** Every customer, live and deleted, in no particular order. */
  readonly rows: readonly IndexedCustomer[];
  /** True once the first diff (the initial contents of the store) has arrived. */
  readonly loaded: boolean;
  /** Looks a customer up by id. A new function per version, so it can be a memo dependency. */
  readonly get: (id: string) => IndexedCustomer | undefined;
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
 */
export class CustomerIndex {
  readonly #byId = new Map<string, IndexedCustomer>();
  readonly #listeners = new Set<() => void>();
  readonly #batchMs: number;
  readonly #schedule: Schedule;
  #snapshot: CustomerIndexSnapshot = { version: 0, rows: [], loaded: false, get: () => undefined };
  #loaded = false;
  #cancelFlush: (() => void) | undefined;

  constructor(options: CustomerIndexOptions = {}) {
    this.#batchMs = options.batchMs ?? 50;
    this.#schedule = options.schedule ?? defaultSchedule;
  }

  /** Starts following a store from scratch; the returned function stops it. */
  connect(watch: WatchCustomerDiffs): () => void {
    this.#byId.clear();
    this.#loaded = false;
    const stop = watch((diff) => this.applyDiff(diff));
    return () => {
      stop();
      this.#cancelFlush?.();
      this.#cancelFlush = undefined;
    };
  }

  /** Applies one diff from `experimentalWatch` (keys outside `c/` are ignored). */
  applyDiff(diff: ExperimentalNoIndexDiff): void {
    for (const op of diff) {
      if (!op.key.startsWith(CUSTOMER_PREFIX)) continue;
      const id = op.key.slice(CUSTOMER_PREFIX.length);
      if (op.op === 'del') this.#byId.delete(id);
      else this.#byId.set(id, indexCustomer(op.newValue as unknown as Customer));
    }
    if (!this.#loaded) {
      this.#loaded = true;
      this.#flush();
    } else if (diff.length > 0 && !this.#cancelFlush) {
      this.#cancelFlush = this.#schedule(() => this.#flush(), this.#batchMs);
    }
  }

  get(id: string): IndexedCustomer | undefined {
    return this.#byId.get(id);
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  readonly getSnapshot = (): CustomerIndexSnapshot => this.#snapshot;

  #flush(): void {
    this.#cancelFlush?.();
    this.#cancelFlush = undefined;
    const byId = this.#byId;
    this.#snapshot = { version: this.#snapshot.version + 1, rows: Array.from(byId.values()), loaded: true, get: (id) => byId.get(id) };
    for (const listener of this.#listeners) listener();
  }
}
