import type { Role } from '../../shared/auth.js';
import { joinCustomer, splitCustomer, type CustomerDetails, type CustomerListRow } from '../../shared/customer-split.js';
import type { MutatorName } from '../../shared/mutator-args.js';
import { WITHOUT_SAVED_VIEWS } from '../../shared/saved-views.js';
import { mutators, type MutatorTx } from '../../shared/mutators.js';
import type { SyncApi } from '../sync/sync-context.js';
import type { CustomerIndex } from '../customer-index/customer-index.js';
import { narrowToCustomers } from './narrow-args.js';

/** Reads a customer's details from the store: the index holds none. */
export type ReadDetails = (id: string) => Promise<CustomerDetails | undefined>;

const noDetails: ReadDetails = async () => undefined;

/**
 * Runs a shared mutator over the rows of the index instead of the store: the list rows it
 * would write, computed by the very code Replicache runs next, so the preview and the
 * committed result agree (only `updatedAt` may differ by a few milliseconds). A change of
 * whole customers (the card) reads their details through `readDetails`; a bulk change
 * reads none. Null when the mutator refuses (bad input, no permission): the real mutation
 * then fails the same way.
 */
export async function previewMutation(
  index: CustomerIndex,
  role: Role,
  name: MutatorName,
  args: unknown,
  now = new Date().toISOString(),
  readDetails = noDetails,
): Promise<CustomerListRow[] | null> {
  const written = new Map<string, CustomerListRow>();
  const writtenDetails = new Map<string, CustomerDetails>();
  const row = (id: string) => written.get(id) ?? index.get(id)?.customer;
  const tx: MutatorTx = {
    ...WITHOUT_SAVED_VIEWS,
    role,
    now: () => now,
    getCustomer: async (id) => {
      const r = row(id);
      return r && joinCustomer(r, writtenDetails.get(id) ?? (await readDetails(id)));
    },
    putCustomer: async (customer) => {
      const split = splitCustomer(customer);
      written.set(customer.id, split.row);
      writtenDetails.set(customer.id, split.details);
    },
    getCustomerRow: async (id) => row(id),
    putCustomerRow: async (customer) => {
      const counts = row(customer.id)?.counts;
      if (!counts) throw new Error(`No row for ${customer.id}`);
      written.set(customer.id, { ...customer, counts });
    },
    // Notes, SIP secrets and refusals are not in the index.
    setNotes: async () => {},
    setSipSecrets: async () => {},
    dismissRejection: async () => {},
    noteBalanceEntry: async () => {},
    // Not customers: nothing to preview.
    putWarningThresholds: async () => {},
  };
  try {
    await mutators[name](tx, args);
  } catch {
    return null;
  }
  return [...written.values()];
}

/** Resolves after the next paint (or soon, in a background tab where frames do not run). */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => setTimeout(resolve, 0);
    if (document.visibilityState === 'hidden') done();
    else requestAnimationFrame(done);
  });
}

/**
 * `mutate` for the customers page: the change shows in the index at once (an overlay
 * computed by `previewMutation`), then goes through Replicache as usual. A change to many
 * customers shows in two steps: the customers `onScreen` (the rows the user is looking
 * at) in the click's own frame, then, after that paint, all of them, before Replicache's
 * run of the change takes the main thread. The overlays are removed as soon as Replicache
 * has committed the change, whose diff carries the same rows, or at once if the mutation
 * fails. `onShown` runs with the first preview (or, for a change that writes no customer,
 * at the commit). Resolves, like `sync.mutate`, once durable.
 */
export function optimisticMutate(
  index: CustomerIndex,
  sync: Pick<SyncApi, 'mutate' | 'role'>,
  paint = afterNextPaint,
  onScreen: () => Iterable<string> = () => [],
  readDetails = noDetails,
): SyncApi['mutate'] {
  /** Shows the preview of a change, if it writes customers; `shown` runs in the same task, so React renders both at once. */
  const overlay = async (name: MutatorName, args: unknown, shown: () => void = () => {}) => {
    const preview = await previewMutation(index, sync.role, name, args, undefined, readDetails);
    if (!preview || preview.length === 0) return undefined;
    const remove = index.showOptimistic(preview);
    shown();
    return remove;
  };
  return async (name, args, options) => {
    let shown = false;
    const show = () => {
      if (shown) return;
      shown = true;
      options?.onShown?.();
    };
    const onScreenArgs = narrowToCustomers(name, args, new Set(onScreen()));
    // The rows on screen first when there are others; else (or if none of them changes) the whole change.
    let first = onScreenArgs ? await overlay(name, onScreenArgs, show) : undefined;
    let all = first ? undefined : await overlay(name, args, show);
    const removeAll = () => {
      first?.();
      all?.();
    };
    const previewed = Boolean(first ?? all);
    try {
      await sync.mutate(name, args, {
        // The click's frame only shows the preview; the journal entry is written just after it.
        beforeJournal: previewed ? paint : undefined,
        // Let the preview reach the screen before Replicache's own run of a large change takes the main thread.
        beforeCommit: previewed
          ? async () => {
              await paint();
              if (all) return;
              // The whole preview is computed from the rows as they were (a row the change
              // leaves as it is would not be in it) and replaces the first one before
              // anyone is told: the screen goes straight from one to the other.
              first?.();
              first = undefined;
              all = await overlay(name, args);
              if (all) await paint();
            }
          : undefined,
        onCommitted() {
          removeAll();
          show();
          options?.onCommitted?.();
        },
      });
    } finally {
      removeAll();
    }
  };
}
