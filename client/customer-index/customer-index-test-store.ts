import type { ExperimentalNoIndexDiff, ReadonlyJSONValue } from 'replicache';
import type { Customer } from '../../shared/customer.js';
import { splitCustomer } from '../../shared/customer-split.js';
import { customerKey, detailsKey, metricsKey } from '../../shared/keys.js';
import type { CustomerMetrics } from '../../shared/metrics.js';
import { CustomerIndex, type Schedule, type WatchCustomerDiffs } from './customer-index.js';

type DiffOp = ExperimentalNoIndexDiff[number];
export const json = (v: unknown) => v as unknown as ReadonlyJSONValue;

/** A whole customer as the store holds it: its list row (`c/`) and its details (`d/`). */
export function syncedEntries(c: Customer): { key: string; value: ReadonlyJSONValue }[] {
  const { row, details } = splitCustomer(c);
  return [
    { key: customerKey(c.id), value: json(row) },
    { key: detailsKey(c.id), value: json(details) },
  ];
}

/** A store that delivers diffs in the shape `experimentalWatch` does, one watch per prefix. */
export class FakeStore {
  readonly #values = new Map<string, ReadonlyJSONValue>();
  readonly #watchers = new Map<string, (diff: ExperimentalNoIndexDiff) => void>();
  /** When set, a new watch of this prefix gets its first diff only from `release()`. */
  holdPrefix: string | undefined;
  #held: (() => void) | undefined;
  watches = 0;

  constructor(initial: Customer[] = []) {
    for (const c of initial) for (const { key, value } of syncedEntries(c)) this.#values.set(key, value);
  }

  /** Like `rep.experimentalWatch(cb, { prefix, initialValuesInFirstDiff: true })`: the first diff holds everything under `prefix`. */
  readonly watch: WatchCustomerDiffs = (prefix, onDiff) => {
    this.watches += 1;
    const first = () => {
      this.#watchers.set(prefix, onDiff);
      onDiff([...this.#values].filter(([key]) => key.startsWith(prefix)).map(([key, newValue]): DiffOp => ({ op: 'add', key, newValue })));
    };
    if (prefix === this.holdPrefix) this.#held = first;
    else first();
    return () => {
      this.#watchers.delete(prefix);
    };
  };

  /** Delivers the first diff of the held watch. */
  release(): void {
    this.#held?.();
    this.#held = undefined;
  }

  /** Writes several keys in one transaction: one diff per watch whose keys changed. */
  write(changes: { key: string; value: ReadonlyJSONValue | undefined }[]): void {
    const diff: DiffOp[] = [];
    for (const { key, value } of changes) {
      const oldValue = this.#values.get(key);
      if (value === undefined) {
        if (oldValue === undefined) continue;
        this.#values.delete(key);
        diff.push({ op: 'del', key, oldValue });
      } else {
        this.#values.set(key, value);
        diff.push(oldValue === undefined ? { op: 'add', key, newValue: value } : { op: 'change', key, oldValue, newValue: value });
      }
    }
    for (const [prefix, onDiff] of this.#watchers) {
      const mine = diff.filter((op) => op.key.startsWith(prefix));
      if (mine.length > 0) onDiff(mine);
    }
  }

  put(c: Customer): void {
    this.write(syncedEntries(c));
  }

  del(id: string): void {
    this.write([
      { key: customerKey(id), value: undefined },
      { key: detailsKey(id), value: undefined },
    ]);
  }

  putMetrics(customerId: string, metrics: CustomerMetrics | undefined): void {
    this.write([{ key: metricsKey(customerId), value: metrics && json(metrics) }]);
  }
}

/** A clock the test advances by hand. */
export class ManualSchedule {
  pending: { fn: () => void; ms: number }[] = [];
  readonly schedule: Schedule = (fn, ms) => {
    const task = { fn, ms };
    this.pending.push(task);
    return () => {
      this.pending = this.pending.filter((t) => t !== task);
    };
  };
  runAll(): void {
    const tasks = this.pending;
    this.pending = [];
    for (const t of tasks) t.fn();
  }
}

/** An index connected to a fake store holding `initial`, batching by hand, counting notifications. */
export function connectedIndex(initial: Customer[] = [], prepare: (store: FakeStore) => void = () => {}) {
  const store = new FakeStore(initial);
  prepare(store);
  const clock = new ManualSchedule();
  const index = new CustomerIndex({ schedule: clock.schedule, batchMs: 50 });
  let notifications = 0;
  index.subscribe(() => (notifications += 1));
  const disconnect = index.connect(store.watch);
  return { store, clock, index, disconnect, notified: () => notifications };
}
