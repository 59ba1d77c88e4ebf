import type { Role } from '../../shared/auth.js';
import type { Customer } from '../../shared/customer.js';
import { joinCustomer } from '../../shared/customer-split.js';
import type { MutatorName } from '../../shared/mutator-args.js';
import { mutators, type CustomerTx } from '../../shared/mutators.js';
import type { SyncApi } from '../sync/sync-context.js';
import type { CustomerIndex } from '../customer-index/customer-index.js';

/**
 * Runs a shared mutator over the rows of the index instead of the store: the customers it
 * would write, computed by the very code Replicache runs next, so the preview and the
 * committed result agree (only `updatedAt` may differ by a few milliseconds). Null when
 * the mutator refuses (bad input, no permission): the real mutation then fails the same way.
 */
export async function previewMutation(index: CustomerIndex, role: Role, name: MutatorName, args: unknown): Promise<Customer[] | null> {
  const written = new Map<string, Customer>();
  const now = new Date().toISOString();
  const tx: CustomerTx = {
    role,
    now: () => now,
    getCustomer: async (id) => {
      const mine = written.get(id);
      if (mine) return mine;
      const row = index.get(id);
      return row && joinCustomer(row.customer, row.details);
    },
    putCustomer: async (customer) => void written.set(customer.id, customer),
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
 * computed by `previewMutation`), then goes through Replicache as usual. The overlay is
 * removed as soon as Replicache has committed the change, whose diff carries the same
 * rows, or at once if the mutation fails. `onShown` runs with the preview (or, for a change
 * that writes no customer, at the commit). Resolves, like `sync.mutate`, once durable.
 */
export function optimisticMutate(index: CustomerIndex, sync: Pick<SyncApi, 'mutate' | 'role'>, paint = afterNextPaint): SyncApi['mutate'] {
  return async (name, args, options) => {
    const preview = await previewMutation(index, sync.role, name, args);
    const remove = preview && preview.length > 0 ? index.showOptimistic(preview) : undefined;
    let shown = false;
    const show = () => {
      if (shown) return;
      shown = true;
      options?.onShown?.();
    };
    if (remove) show();
    try {
      await sync.mutate(name, args, {
        // Let the preview reach the screen before Replicache's own run of a large change takes the main thread.
        beforeCommit: remove ? paint : undefined,
        onCommitted() {
          remove?.();
          show();
          options?.onCommitted?.();
        },
      });
    } finally {
      remove?.();
    }
  };
}
