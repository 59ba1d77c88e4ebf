import type { WriteTransaction } from 'replicache';
import type { Role } from '../../shared/auth.js';
import { mutators } from '../../shared/mutators.js';
import type { MutatorName } from '../../shared/mutator-args.js';
import { replicacheCustomerTx } from './replicache-customer-tx.js';
import { replicacheSavedViewTx } from './replicache-saved-view-tx.js';

type ClientMutator = (tx: WriteTransaction, args: unknown) => Promise<void>;
export type ClientMutators = Record<MutatorName, ClientMutator>;

/** Told as Replicache starts each run of a mutator (the first run and every rebase). */
export type OnMutatorRun = (tx: WriteTransaction, name: MutatorName, args: unknown) => void;

/**
 * Replicache mutator definitions: each runs the shared mutator over the local store.
 * The role is read at call time, so a role change takes effect without reopening; the
 * user's id says whose views are whose (the store is the user's own).
 */
export function makeClientMutators(getRole: () => Role, onRun?: OnMutatorRun, userId = ''): ClientMutators {
  const defs = {} as ClientMutators;
  for (const name of Object.keys(mutators) as MutatorName[]) {
    defs[name] = (tx, args) => {
      onRun?.(tx, name, args);
      return mutators[name]({ ...replicacheCustomerTx(tx, getRole()), ...replicacheSavedViewTx(tx, userId) }, args);
    };
  }
  return defs;
}
