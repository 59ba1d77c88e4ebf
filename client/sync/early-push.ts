import type { WriteTransaction } from 'replicache';
import { can, type Permission, type Role } from '../../shared/auth.js';
import { mutatorArgSchemas, type MutatorName } from '../../shared/mutator-args.js';
import type { PushMutation } from '../../shared/sync-protocol.js';

/**
 * Changes that may leave the device before Replicache's own run of them ends: large
 * bulk changes, whose local run over 10,000 customers takes seconds on a slow device.
 * Only mutators that, once their arguments and the role pass, never refuse on the
 * device: one sent early is then sure to be committed locally under the same id.
 */
const EARLY_MUTATORS: Partial<Record<MutatorName, Permission>> = {
  setCustomerStatus: 'customers.write',
  bulkUpdateCustomers: 'customers.write',
  restoreBulkSnapshots: 'customers.write',
  deleteCustomers: 'customers.delete',
  restoreCustomers: 'customers.delete',
};

/** Smaller changes run locally in well under a frame's worth of time per hundred rows: the usual push follows at once. */
export const EARLY_PUSH_MIN_ROWS = 500;

function rowsIn(args: unknown): number {
  const a = args as { ids?: unknown[]; groups?: { ids?: unknown[] }[] } | null;
  return (a?.ids?.length ?? 0) + (a?.groups?.reduce((n, g) => n + (g.ids?.length ?? 0), 0) ?? 0);
}

/** Sends one mutation as a push of its own; failures are the caller's to ignore. */
export type SendEarly = (mutation: PushMutation) => Promise<void>;

/**
 * Called by each client mutator as Replicache starts running it. On the first run of a
 * large bulk change (not a rebase), sends it at once under the id Replicache gave it,
 * exactly as Replicache's own push will later: the server applies mutation ids in order
 * (an early copy that arrives before an earlier change is refused as "from the future"
 * and changes nothing) and skips an id it has processed, so the later push is a no-op and
 * the next pull acknowledges the change. Other devices are poked as soon as it commits.
 */
export function makeEarlyPush(send: SendEarly, getRole: () => Role) {
  return (tx: WriteTransaction, name: MutatorName, args: unknown): void => {
    const permission = EARLY_MUTATORS[name];
    if (tx.reason !== 'initial' || !permission || rowsIn(args) < EARLY_PUSH_MIN_ROWS) return;
    // What the shared mutator checks first: a change it would refuse is left to the usual push.
    if (!can(getRole(), permission) || !mutatorArgSchemas[name].safeParse(args).success) return;
    send({ clientID: tx.clientID, id: tx.mutationID, name, args, timestamp: Date.now() }).catch(() => {
      // Offline, or an earlier change not pushed yet: Replicache's push carries it as usual.
    });
  };
}
