import { assertCan, type Role } from './auth.js';
import { snapshotsById } from './bulk-snapshots.js';
import type { Customer, SipUserInput } from './customer.js';
import type { CustomerWithoutLists } from './customer-split.js';
import { applyBulkPatch, applyCustomerPatch, applySnapshot, buildCustomer, withStatus } from './customer-patch.js';
import { AppError } from './errors.js';
import { addMoney, balanceBoundError } from './money.js';
import type { WarningThresholds } from './warnings.js';
import { mutatorArgSchemas, type MutatorName } from './mutator-args.js';
import { parseOrThrow } from './validation.js';
import { savedViewMutators, type SavedViewTx } from './saved-views.js';

/**
 * The storage a mutator sees. The client implements it over a Replicache transaction
 * (optimistic), the server over Postgres (authoritative). Both run the same code below.
 */
export interface CustomerTx {
  /** Role of the user making the change; the server's comes from the session, never the request. */
  readonly role: Role;
  /** ISO time of the change (server time wins once synced). */
  now(): string;
  getCustomer(id: string): Promise<Customer | undefined>;
  putCustomer(customer: Customer): Promise<void>;
  /**
   * The customer without its four lists, for changes that never touch them: a bulk edit of
   * 10,000 customers then reads and writes their small rows alone, on the device too.
   */
  getCustomerRow(id: string): Promise<CustomerWithoutLists | undefined>;
  /** Writes back a customer read by `getCustomerRow`; its lists stay as stored. */
  putCustomerRow(customer: CustomerWithoutLists): Promise<void>;
  setNotes(customerId: string, notes: string | null): Promise<void>;
  /** Stores SIP passwords (the server hashes them; the client keeps none). */
  setSipSecrets(customerId: string, users: SipUserInput[]): Promise<void>;
  dismissRejection(id: string): Promise<void>;
  /**
   * Names the credit change the next `putCustomer` makes, for the balance ledger (the
   * server records every credit change; the device keeps no ledger).
   */
  noteBalanceEntry(entry: BalanceEntryNote): Promise<void>;
  /** Stores the organisation's traffic warning thresholds. */
  putWarningThresholds(thresholds: WarningThresholds): Promise<void>;
}

export interface BalanceEntryNote {
  kind: 'payment' | 'adjustment';
  reason: string;
  reference?: string | undefined;
}

function mustExist<C extends { id: string } | undefined>(c: C, id: string): NonNullable<C> {
  if (!c) throw new AppError('not_found', `Customer ${id} does not exist.`);
  return c;
}

/** Applies `change` to each live customer in `ids` (lists untouched); ids that are gone or in the trash are skipped. */
async function updateEach(tx: CustomerTx, ids: string[], change: (c: CustomerWithoutLists) => CustomerWithoutLists): Promise<void> {
  for (const id of new Set(ids)) {
    const c = await tx.getCustomerRow(id);
    if (!c || c.deletedAt) continue;
    const next = change(c);
    if (next !== c) await tx.putCustomerRow(next);
  }
}

/** What every mutator runs over: customers and settings, and the user's saved views. */
export type MutatorTx = CustomerTx & SavedViewTx;

type Impl = { [N in MutatorName]: (tx: MutatorTx, args: unknown) => Promise<void> };

/** Every mutator, by name. Arguments are parsed here, so a bad payload fails the same way on both sides. */
export const mutators: Impl = {
  async createCustomer(tx, raw) {
    assertCan(tx.role, 'customers.write');
    const args = parseOrThrow(mutatorArgSchemas.createCustomer, raw, 'customer');
    const existing = await tx.getCustomer(args.id);
    if (existing) throw new AppError('conflict', `Customer ${args.id} already exists.`);
    await tx.putCustomer(buildCustomer(args, tx.now()));
    if (args.notes) await tx.setNotes(args.id, args.notes);
    if (args.sipUsers?.length) await tx.setSipSecrets(args.id, args.sipUsers);
  },

  async updateCustomer(tx, raw) {
    assertCan(tx.role, 'customers.write');
    const { id, patch } = parseOrThrow(mutatorArgSchemas.updateCustomer, raw, 'customer change');
    const c = mustExist(await tx.getCustomer(id), id);
    if (c.deletedAt) throw new AppError('conflict', `${c.name} is in the trash; restore it before editing.`);
    await tx.putCustomer(applyCustomerPatch(c, patch, tx.now()));
    if (patch.notes !== undefined) await tx.setNotes(id, patch.notes);
    if (patch.sipUsers !== undefined) await tx.setSipSecrets(id, patch.sipUsers);
  },

  async bulkUpdateCustomers(tx, raw) {
    assertCan(tx.role, 'customers.write');
    const { ids, patch } = parseOrThrow(mutatorArgSchemas.bulkUpdateCustomers, raw, 'bulk edit');
    const now = tx.now();
    await updateEach(tx, ids, (c) => applyBulkPatch(c, patch, now));
  },

  async restoreBulkSnapshots(tx, raw) {
    assertCan(tx.role, 'customers.write');
    const byId = snapshotsById(parseOrThrow(mutatorArgSchemas.restoreBulkSnapshots, raw, 'undo'));
    const now = tx.now();
    await updateEach(tx, [...byId.keys()], (c) => applySnapshot(c, byId.get(c.id)!, now));
  },

  async setCustomerStatus(tx, raw) {
    assertCan(tx.role, 'customers.write');
    const { ids, status } = parseOrThrow(mutatorArgSchemas.setCustomerStatus, raw, 'status change');
    const now = tx.now();
    await updateEach(tx, ids, (c) => withStatus(c, status, now));
  },

  async deleteCustomers(tx, raw) {
    assertCan(tx.role, 'customers.delete');
    const { ids } = parseOrThrow(mutatorArgSchemas.deleteCustomers, raw, 'delete');
    const now = tx.now();
    await updateEach(tx, ids, (c) => ({ ...c, deletedAt: now, updatedAt: now }));
  },

  async restoreCustomers(tx, raw) {
    assertCan(tx.role, 'customers.delete');
    const { ids } = parseOrThrow(mutatorArgSchemas.restoreCustomers, raw, 'restore');
    const now = tx.now();
    for (const id of new Set(ids)) {
      const c = await tx.getCustomerRow(id);
      if (!c?.deletedAt) continue;
      const next: CustomerWithoutLists = { ...c, updatedAt: now };
      delete next.deletedAt;
      await tx.putCustomerRow(next);
    }
  },

  async postBalanceEntry(tx, raw) {
    assertCan(tx.role, 'customers.write');
    const { customerId, kind, amount, reason, reference } = parseOrThrow(mutatorArgSchemas.postBalanceEntry, raw, 'balance entry');
    const c = mustExist(await tx.getCustomerRow(customerId), customerId);
    if (kind === 'payment' && amount.startsWith('-')) throw new AppError('invalid_input', 'A payment adds credit: use an adjustment to take it away.');
    const beyond = balanceBoundError(c.credit, amount);
    if (beyond) throw new AppError('invalid_input', `${c.name}: ${beyond}`, [{ path: 'amount', message: beyond }]);
    await tx.noteBalanceEntry({ kind, reason, reference });
    await tx.putCustomerRow({ ...c, credit: addMoney(c.credit, amount), updatedAt: tx.now() });
  },

  async setWarningThresholds(tx, raw) {
    assertCan(tx.role, 'alerts.manage');
    await tx.putWarningThresholds(parseOrThrow(mutatorArgSchemas.setWarningThresholds, raw, 'warning thresholds'));
  },

  async dismissRejections(tx, raw) {
    const { ids } = parseOrThrow(mutatorArgSchemas.dismissRejections, raw, 'dismiss');
    for (const id of ids) await tx.dismissRejection(id);
  },

  saveGridView: (tx, raw) => savedViewMutators.saveGridView.run(tx, parseOrThrow(savedViewMutators.saveGridView.args, raw, 'view')),
  deleteGridView: (tx, raw) => savedViewMutators.deleteGridView.run(tx, parseOrThrow(savedViewMutators.deleteGridView.args, raw, 'view')),
  setDefaultGridView: (tx, raw) => savedViewMutators.setDefaultGridView.run(tx, parseOrThrow(savedViewMutators.setDefaultGridView.args, raw, 'default view')),
};
