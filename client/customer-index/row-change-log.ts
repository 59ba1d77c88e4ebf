import type { IndexedCustomer } from './indexed-customer.js';

/** One customer's row before and after some versions of the index (undefined: absent). */
export interface RowChange {
  readonly before: IndexedCustomer | undefined;
  readonly after: IndexedCustomer | undefined;
}

/** Changed rows by customer id. */
export type RowChanges = ReadonlyMap<string, RowChange>;

interface Entry {
  version: number;
  /** Null: not recorded (the first load); whoever needs these changes recomputes instead. */
  changes: RowChanges | null;
}

/**
 * Which rows each published version of the index replaced, for the last few versions.
 * With it a view of 100,000 rows updates itself for a 10,000-row edit in a few
 * milliseconds instead of re-sorting and re-filtering everything. A consumer that missed
 * more versions than are kept gets null and recomputes.
 */
export class RowChangeLog {
  #pending = new Map<string, RowChange>();
  readonly #entries: Entry[] = [];
  #kept = 0;

  /**
   * Keeps at most `maxVersions` versions and `maxChanges` changed rows, the latest version
   * always. Views ask at every publish, so a few versions suffice; the bound is on rows
   * because each logged change keeps the row it replaced in memory (a first sync of 100,000
   * customers, or a few 10,000-row edits, held 50 MB of replaced rows with a bound of 250,000).
   */
  constructor(
    private readonly maxVersions = 64,
    private readonly maxChanges = 30_000,
  ) {}

  /** Notes that the row of `id` went from `before` to `after` (since the last `seal`, the first `before` counts). */
  record(id: string, before: IndexedCustomer | undefined, after: IndexedCustomer | undefined): void {
    const earlier = this.#pending.get(id);
    this.#pending.set(id, { before: earlier ? earlier.before : before, after });
  }

  /** Files the changes recorded since the last call under `version` (`recorded: false` files "unknown"). */
  seal(version: number, recorded = true): void {
    const changes = recorded ? this.#pending : null;
    this.#entries.push({ version, changes });
    this.#kept += changes?.size ?? 0;
    while (this.#entries.length > this.maxVersions || (this.#kept > this.maxChanges && this.#entries.length > 1)) {
      this.#kept -= this.#entries.shift()!.changes?.size ?? 0;
    }
    this.#pending = new Map();
  }

  clear(): void {
    this.#pending = new Map();
    this.#entries.length = 0;
    this.#kept = 0;
  }

  /** Everything that changed after version `from` up to and including `to`, or null if not known. */
  between(from: number, to: number): RowChanges | null {
    if (from === to) return new Map();
    if (from > to) return null;
    const first = this.#entries.findIndex((e) => e.version === from + 1);
    if (first < 0) return null;
    const entries = this.#entries.slice(first, first + (to - from));
    if (entries.length !== to - from || entries.some((e) => e.changes === null)) return null;
    if (entries.length === 1) return entries[0]!.changes;
    const merged = new Map<string, RowChange>();
    for (const { changes } of entries) {
      for (const [id, change] of changes!) {
        const earlier = merged.get(id);
        merged.set(id, earlier ? { before: earlier.before, after: change.after } : change);
      }
    }
    return merged;
  }
}
