import type { WriteTransaction } from 'replicache';
import type { Role } from '../../shared/auth.js';
import type { Customer } from '../../shared/customer.js';
import { customerKey, notesKey, rejectionKey, WARNING_THRESHOLDS_KEY } from '../../shared/keys.js';
import type { CustomerTx } from '../../shared/mutators.js';

/** The shared mutators' storage, over a Replicache transaction: the optimistic, local side. */
export function replicacheCustomerTx(tx: WriteTransaction, role: Role): CustomerTx {
  return {
    role,
    now: () => new Date().toISOString(),
    async getCustomer(id) {
      return (await tx.get(customerKey(id))) as Customer | undefined;
    },
    async putCustomer(customer) {
      await tx.set(customerKey(customer.id), customer);
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
