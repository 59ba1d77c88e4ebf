import { describe, expect, it } from 'vitest';
import type { Role } from './auth.js';
import type { Customer, SipUserInput } from './customer.js';
import { snapshotGroupsOf } from './bulk-snapshots.js';
import { bulkSnapshot, touchedSnapshotFields } from './customer-patch.js';
import { AppError } from './errors.js';
import { joinCustomer, withoutLists, type CustomerWithoutLists } from './customer-split.js';
import { mutators, type BalanceEntryNote, type MutatorTx } from './mutators.js';
import { WITHOUT_SAVED_VIEWS } from './saved-views.js';
import { makeCustomer } from './test-fixtures.js';
import type { WarningThresholds } from './warnings.js';

/** The same contract the Replicache and Postgres transactions implement, in memory. */
class MemoryTx implements MutatorTx {
  // Customer changes only: no saved views here.
  readonly userId = WITHOUT_SAVED_VIEWS.userId;
  getSavedView = WITHOUT_SAVED_VIEWS.getSavedView;
  putSavedView = WITHOUT_SAVED_VIEWS.putSavedView;
  deleteSavedView = WITHOUT_SAVED_VIEWS.deleteSavedView;
  setDefaultView = WITHOUT_SAVED_VIEWS.setDefaultView;
  customers = new Map<string, Customer>();
  notes = new Map<string, string>();
  secrets = new Map<string, SipUserInput[]>();
  dismissed: string[] = [];
  constructor(
    readonly role: Role = 'operator',
    private readonly time = '2026-11-25T12:00:00.000Z',
  ) {}
  now() {
    return this.time;
  }
  async getCustomer(id: string) {
    return this.customers.get(id);
  }
  async putCustomer(c: Customer) {
    this.customers.set(c.id, c);
  }
  // Without the lists, so a mutator that reads a row's lists finds none and fails its test.
  async getCustomerRow(id: string) {
    const c = this.customers.get(id);
    return c && withoutLists(c);
  }
  async putCustomerRow(row: CustomerWithoutLists) {
    const stored = this.customers.get(row.id)!;
    this.customers.set(row.id, joinCustomer(row, stored));
  }
  async setNotes(id: string, notes: string | null) {
    if (notes === null) this.notes.delete(id);
    else this.notes.set(id, notes);
  }
  async setSipSecrets(id: string, users: SipUserInput[]) {
    this.secrets.set(id, users);
  }
  async dismissRejection(id: string) {
    this.dismissed.push(id);
  }
  entries: BalanceEntryNote[] = [];
  async noteBalanceEntry(entry: BalanceEntryNote) {
    this.entries.push(entry);
  }
  thresholds: WarningThresholds | undefined;
  async putWarningThresholds(t: WarningThresholds) {
    this.thresholds = t;
  }
}

const A = '0b7a4c1e-6d2f-4f7a-9a51-2c1f5e8d9b01';
const B = '1c8b5d2f-7e3a-4a8b-8b62-3d2a6f9e0c12';

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('createCustomer', () => {
  it('creates with defaults, keeps notes and SIP passwords out of the row', async () => {
    const tx = new MemoryTx();
    await mutators.createCustomer(tx, {
      id: A,
      name: 'Acme',
      currency: 'eur',
      notes: 'Signed 2026',
      sipUsers: [{ username: 'acme1', password: 'correct-horse' }],
    });
    const c = tx.customers.get(A)!;
    expect(c).toMatchObject({ name: 'Acme', currency: 'EUR', status: 'active', credit: '0.00', channels: 0, tags: [] });
    expect(c.sipUsers).toEqual([{ username: 'acme1', channels: 0, cps: 0 }]);
    expect(JSON.stringify(c)).not.toContain('correct-horse');
    expect(tx.notes.get(A)).toBe('Signed 2026');
    expect(tx.secrets.get(A)?.[0]?.password).toBe('correct-horse');
  });

  it('refuses a viewer, bad input, a SIP user without password, and an existing id', async () => {
    expect((await refusal(mutators.createCustomer(new MemoryTx('viewer'), { id: A, name: 'A', currency: 'USD' }))).code).toBe('forbidden');
    const bad = await refusal(mutators.createCustomer(new MemoryTx(), { id: A, name: '', currency: 'USD' }));
    expect(bad.code).toBe('invalid_input');
    expect(bad.issues?.[0]?.path).toBe('name');
    const nopw = await refusal(mutators.createCustomer(new MemoryTx(), { id: A, name: 'A', currency: 'USD', sipUsers: [{ username: 'abc' }] }));
    expect(nopw.message).toContain('abc needs a password');
    const tx = new MemoryTx();
    await mutators.createCustomer(tx, { id: A, name: 'A', currency: 'USD' });
    expect((await refusal(mutators.createCustomer(tx, { id: A, name: 'B', currency: 'USD' }))).code).toBe('conflict');
  });
});

describe('updateCustomer', () => {
  it('patches fields and clears optional ones with null', async () => {
    const tx = new MemoryTx();
    tx.customers.set(A, makeCustomer({ id: A, accountRef: 'ACC-1', country: 'GB' }));
    await mutators.updateCustomer(tx, { id: A, patch: { channels: 60, accountRef: null, country: 'de', notes: 'x' } });
    const c = tx.customers.get(A)!;
    expect(c.channels).toBe(60);
    expect(c.country).toBe('DE');
    expect('accountRef' in c).toBe(false);
    expect(c.updatedAt).toBe('2026-11-25T12:00:00.000Z');
  });

  it('keeps an existing SIP user without a new password', async () => {
    const tx = new MemoryTx();
    tx.customers.set(A, makeCustomer({ id: A, sipUsers: [{ username: 'acme1', channels: 0, cps: 0 }] }));
    await mutators.updateCustomer(tx, { id: A, patch: { sipUsers: [{ username: 'acme1', channels: 5 }] } });
    expect(tx.customers.get(A)!.sipUsers).toEqual([{ username: 'acme1', channels: 5, cps: 0 }]);
  });

  it('locks the currency once there is a balance', async () => {
    const tx = new MemoryTx();
    tx.customers.set(A, makeCustomer({ id: A, credit: '10.00' }));
    expect((await refusal(mutators.updateCustomer(tx, { id: A, patch: { currency: 'EUR' } }))).code).toBe('currency_locked');
    tx.customers.set(A, makeCustomer({ id: A, credit: '0.00' }));
    await mutators.updateCustomer(tx, { id: A, patch: { currency: 'EUR' } });
    expect(tx.customers.get(A)!.currency).toBe('EUR');
  });

  it('refuses edits to a customer in the trash and to one that does not exist', async () => {
    const tx = new MemoryTx();
    tx.customers.set(A, makeCustomer({ id: A, deletedAt: '2026-11-01T00:00:00.000Z' }));
    expect((await refusal(mutators.updateCustomer(tx, { id: A, patch: { channels: 1 } }))).code).toBe('conflict');
    expect((await refusal(mutators.updateCustomer(tx, { id: B, patch: { channels: 1 } }))).code).toBe('not_found');
  });
});

describe('bulk edits, status, delete and restore', () => {
  function twoCustomers() {
    const tx = new MemoryTx();
    tx.customers.set(A, makeCustomer({ id: A, tags: ['a'] }));
    tx.customers.set(B, makeCustomer({ id: B, name: 'Beta', tags: ['b'], status: 'penalty', penaltyUntil: '2026-11-25T13:00:00.000Z', statusBeforePenalty: 'active' }));
    return tx;
  }

  it('applies one patch to many, and staff status ends a penalty', async () => {
    const tx = twoCustomers();
    await mutators.bulkUpdateCustomers(tx, { ids: [A, B], patch: { status: 'inactive', cpsLimit: 2, tags: { mode: 'add', values: ['late'] } } });
    const b = tx.customers.get(B)!;
    expect(b).toMatchObject({ status: 'inactive', cpsLimit: 2, tags: ['b', 'late'] });
    expect(b.penaltyUntil).toBeUndefined();
    expect(b.statusBeforePenalty).toBeUndefined();
    expect(tx.customers.get(A)!.tags).toEqual(['a', 'late']);
  });

  it('undo puts every customer back as it was, penalty included', async () => {
    const tx = twoCustomers();
    const before = [A, B].map((id) => ({ id, snapshot: bulkSnapshot(tx.customers.get(id)!) }));
    await mutators.bulkUpdateCustomers(tx, { ids: [A, B], patch: { status: 'inactive', country: 'FR', tags: { mode: 'set', values: [] } } });
    await mutators.restoreBulkSnapshots(tx, { entries: before });
    expect(bulkSnapshot(tx.customers.get(A)!)).toEqual(before[0]!.snapshot);
    expect(bulkSnapshot(tx.customers.get(B)!)).toEqual(before[1]!.snapshot);
  });

  it('compact undo puts back only the fields the edit touched, leaving later changes of other fields', async () => {
    const tx = twoCustomers();
    const fields = touchedSnapshotFields({ status: 'inactive' });
    const groups = snapshotGroupsOf([A, B].map((id) => tx.customers.get(id)!), fields);
    const before = [A, B].map((id) => bulkSnapshot(tx.customers.get(id)!));
    await mutators.setCustomerStatus(tx, { ids: [A, B], status: 'inactive' });
    await mutators.bulkUpdateCustomers(tx, { ids: [A], patch: { channels: 77 } });
    await mutators.restoreBulkSnapshots(tx, { groups });
    expect(bulkSnapshot(tx.customers.get(A)!)).toEqual({ ...before[0], channels: 77 });
    expect(bulkSnapshot(tx.customers.get(B)!)).toEqual(before[1]);
  });

  it('refuses an empty bulk patch and penalty by hand', async () => {
    const tx = twoCustomers();
    expect((await refusal(mutators.bulkUpdateCustomers(tx, { ids: [A], patch: {} }))).code).toBe('invalid_input');
    expect((await refusal(mutators.setCustomerStatus(tx, { ids: [A], status: 'penalty' }))).code).toBe('invalid_input');
  });

  it('delete moves to the trash, restore brings back, bulk edits skip the trash', async () => {
    const tx = twoCustomers();
    await mutators.deleteCustomers(tx, { ids: [A] });
    expect(tx.customers.get(A)!.deletedAt).toBe('2026-11-25T12:00:00.000Z');
    await mutators.setCustomerStatus(tx, { ids: [A, B], status: 'inactive' });
    expect(tx.customers.get(A)!.status).toBe('active');
    await mutators.restoreCustomers(tx, { ids: [A] });
    expect(tx.customers.get(A)!.deletedAt).toBeUndefined();
    expect((await refusal(mutators.deleteCustomers(new MemoryTx('viewer'), { ids: [A] }))).code).toBe('forbidden');
  });
});

describe('postBalanceEntry', () => {
  it('adds a payment to the credit exactly, naming it for the ledger', async () => {
    const tx = new MemoryTx();
    tx.customers.set(A, makeCustomer({ id: A, credit: '10.10' }));
    await mutators.postBalanceEntry(tx, { customerId: A, kind: 'payment', amount: '0.20', reason: 'Wire 4411', reference: 'BT-4411' });
    expect(tx.customers.get(A)!.credit).toBe('10.30');
    expect(tx.entries).toEqual([{ kind: 'payment', reason: 'Wire 4411', reference: 'BT-4411' }]);
    await mutators.postBalanceEntry(tx, { customerId: A, kind: 'adjustment', amount: '-20.30', reason: 'Disputed calls' });
    expect(tx.customers.get(A)!.credit).toBe('-10.00');
  });

  it('refuses a negative payment, a zero amount, no reason, and viewers', async () => {
    const tx = new MemoryTx();
    tx.customers.set(A, makeCustomer({ id: A }));
    expect((await refusal(mutators.postBalanceEntry(tx, { customerId: A, kind: 'payment', amount: '-5', reason: 'x' }))).message).toMatch(/adjustment/);
    expect((await refusal(mutators.postBalanceEntry(tx, { customerId: A, kind: 'adjustment', amount: '0.00', reason: 'x' }))).code).toBe('invalid_input');
    expect((await refusal(mutators.postBalanceEntry(tx, { customerId: A, kind: 'payment', amount: '5', reason: ' ' }))).code).toBe('invalid_input');
    const viewer = new MemoryTx('viewer');
    viewer.customers.set(A, makeCustomer({ id: A }));
    const forbidden = await refusal(mutators.postBalanceEntry(viewer, { customerId: A, kind: 'payment', amount: '5', reason: 'x' }));
    expect([forbidden.code, forbidden.message]).toEqual(['forbidden', 'Viewers cannot change customers.']);
  });

  it('refuses an amount beyond 10^12, and an entry that would take the balance beyond it', async () => {
    const tx = new MemoryTx();
    tx.customers.set(A, makeCustomer({ id: A, name: 'Big Spender', credit: '999999999999.00' }));
    const tooLarge = await refusal(mutators.postBalanceEntry(tx, { customerId: A, kind: 'payment', amount: '1000000000000.01', reason: 'x' }));
    expect(tooLarge.issues).toEqual([{ path: 'amount', message: 'At most 1,000,000,000,000 either way' }]);
    const overflow = await refusal(mutators.postBalanceEntry(tx, { customerId: A, kind: 'payment', amount: '2.00', reason: 'x' }));
    expect(overflow.message).toBe('Big Spender: The balance would become 1000000000001.00, beyond the limit of 1,000,000,000,000 either way.');
    expect(overflow.issues?.[0]?.path).toBe('amount');
    expect(tx.customers.get(A)!.credit).toBe('999999999999.00');
    await mutators.postBalanceEntry(tx, { customerId: A, kind: 'payment', amount: '1.00', reason: 'x' });
    expect(tx.customers.get(A)!.credit).toBe('1000000000000.00');
  });
});

describe('setWarningThresholds', () => {
  const t = { pddSeconds: 8, minPddCalls: 10, asrPercent: 25, minAttempts: 50 };

  it('stores the organisation’s thresholds', async () => {
    const tx = new MemoryTx('operator');
    await mutators.setWarningThresholds(tx, t);
    expect(tx.thresholds).toEqual(t);
  });

  it('refuses viewers and nonsense values', async () => {
    expect((await refusal(mutators.setWarningThresholds(new MemoryTx('viewer'), t))).code).toBe('forbidden');
    expect((await refusal(mutators.setWarningThresholds(new MemoryTx(), { ...t, asrPercent: 120 }))).code).toBe('invalid_input');
  });
});
