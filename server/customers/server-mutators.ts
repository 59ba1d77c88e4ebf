import { AppError } from '../../shared/errors.js';
import { isMutatorName, type MutatorName } from '../../shared/mutator-args.js';
import { mutators } from '../../shared/mutators.js';
import { bulkUpdateCustomersSql, setCustomerStatusSql } from './bulk-update-sql.js';
import type { MutationContext } from './mutation-context.js';
import { pgCustomerTx } from './pg-customer-tx.js';
import { pgSavedViewTx } from '../saved-views/pg-saved-view-tx.js';
import { restoreBulkSnapshotsSql } from './snapshot-sql.js';
import { deleteCustomersSql, restoreCustomersSql } from './trash-sql.js';

type ServerMutator = (ctx: MutationContext, args: unknown) => Promise<void>;

/**
 * Mutators that touch many customers run as set-based SQL (one UPDATE for 10,000 rows,
 * not 10,000 statements); each produces what the shared mutator would. Every other
 * mutator is the shared one over Postgres.
 */
const SET_BASED: Partial<Record<MutatorName, ServerMutator>> = {
  bulkUpdateCustomers: bulkUpdateCustomersSql,
  setCustomerStatus: setCustomerStatusSql,
  deleteCustomers: deleteCustomersSql,
  restoreCustomers: restoreCustomersSql,
  restoreBulkSnapshots: restoreBulkSnapshotsSql,
};

/** Runs the mutation `name` as the session's user. An unknown name is a permanent refusal. */
export async function runServerMutation(ctx: MutationContext, name: string, args: unknown): Promise<void> {
  if (!isMutatorName(name)) throw new AppError('invalid_input', `Unknown change “${name}”: this app version is not supported.`);
  const setBased = SET_BASED[name];
  if (setBased) return setBased(ctx, args);
  return mutators[name]({ ...pgCustomerTx(ctx), ...pgSavedViewTx(ctx) }, args);
}
