import type { WriteTransaction } from 'replicache';
import type { Role } from '../../shared/auth.js';
import { detailsUnchanged, joinCustomer, splitCustomer, type CustomerDetails, type CustomerListRow } from '../../shared/customer-split.js';
import { customerKey, detailsKey, notesKey, rejectionKey, WARNING_THRESHOLDS_KEY } from '../../shared/keys.js';
import { AppError } from '../../shared/errors.js';
import type { CustomerTx } from '../../shared/mutators.js';

/**
 * The shared mutators' storage, over a Replicache transaction: the optimistic, local side.
 * A customer is read as its list row joined with its details and written back split
 * (customer-split.ts); the details are written only when they changed. A change that never
 * touches the lists (a bulk edit, a balance entry) goes through the list row alone, so it
 * never reads details, which the device keeps out of memory.
 */
export function replicacheCustomerTx(tx: WriteTransaction, role: Role): CustomerTx {
  // What this transaction read or wrote, so a read-modify-write reads each key once.
  const rows = new Map<string, CustomerListRow | undefined>();
  const details = new Map<string, CustomerDetails | undefined>();
  const storedRow = async (id: string) => {
    if (!rows.has(id)) rows.set(id, (await tx.get(customerKey(id))) as CustomerListRow | undefined);
    return rows.get(id);
  };
  const storedDetails = async (id: string) => {
    if (!details.has(id)) details.set(id, (await tx.get(detailsKey(id))) as CustomerDetails | undefined);
    return details.get(id);
  };
  return {
    role,
    now: () => new Date().toISOString(),
    async getCustomer(id) {
      const row = await storedRow(id);
      return row && joinCustomer(row, await storedDetails(id));
    },
    async putCustomer(customer) {
      const [previousRow, previousDetails] = [await storedRow(customer.id), await storedDetails(customer.id)];
      const unchanged = previousRow !== undefined && detailsUnchanged(previousDetails, customer);
      const split = splitCustomer(customer, previousRow, unchanged);
      await tx.set(customerKey(customer.id), split.row);
      rows.set(customer.id, split.row);
      if (!unchanged) {
        await tx.set(detailsKey(customer.id), split.details);
        details.set(customer.id, split.details);
      }
    },
    // The stored list row itself: its counts ride along unchanged, and no details are read.
    getCustomerRow: storedRow,
    async putCustomerRow(customer) {
      const stored = await storedRow(customer.id);
      if (!stored) throw new AppError('not_found', `Customer ${customer.id} does not exist.`);
      const row: CustomerListRow = 'counts' in customer && customer.counts === stored.counts ? (customer as CustomerListRow) : { ...customer, counts: stored.counts };
      await tx.set(customerKey(customer.id), row);
      rows.set(customer.id, row);
    },
    async setNotes(customerId, notes) {
      if (notes === null || notes === '') await tx.del(notesKey(customerId));
      else await tx.set(notesKey(customerId), { text: notes });
    },
    // Passwords go to the server inside the mutation's arguments and are never stored on the device.
    async setSipSecrets() {},
    // The ledger lives on the server; the device shows the new credit at once.
    async noteBalanceEntry() {},
    async putWarningThresholds(thresholds) {
      await tx.set(WARNING_THRESHOLDS_KEY, thresholds);
    },
    async dismissRejection(id) {
      await tx.del(rejectionKey(id));
    },
  };
}
