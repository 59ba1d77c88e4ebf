import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../http/app-env.js';
import { createOrganisation, createSessionFor, openSyncTestDb, type SyncTestDb } from '../sync/test-support/sync-fixtures.js';
import { directTransport, TestSyncClient } from '../sync/test-support/test-sync-client.js';

let t: SyncTestDb;
let mine: TestSyncClient;
let theirs: TestSyncClient;

beforeAll(async () => {
  t = await openSyncTestDb();
  const a: Session = await createSessionFor(t.sql, await createOrganisation(t.sql, 'Carrier A'), 'admin');
  const b: Session = await createSessionFor(t.sql, await createOrganisation(t.sql, 'Carrier B'), 'admin');
  mine = new TestSyncClient(directTransport(t.deps, a));
  theirs = new TestSyncClient(directTransport(t.deps, b));
});
afterAll(() => t.close());

describe('customers stay inside their organisation', () => {
  it('cannot read, edit, delete or overwrite another organisation’s customer, even knowing its id', async () => {
    const id = randomUUID();
    await theirs.mutate('createCustomer', { id, name: 'Their Secret Customer', currency: 'USD', channels: 5 });
    await mine.mutate('updateCustomer', { id, patch: { channels: 99 } });
    await mine.mutate('createCustomer', { id, name: 'Hijack Attempt', currency: 'USD' });
    await mine.mutate('deleteCustomers', { ids: [id] });
    await mine.mutate('bulkUpdateCustomers', { ids: [id], patch: { channels: 1 } });
    await mine.pullAll();
    expect(mine.rejections().map((r) => r.code).sort()).toEqual(['conflict', 'not_found']);
    expect(mine.customers()).toEqual([]);

    const [row] = await t.sql`select name, channels, deleted_at from customers where id = ${id}`;
    expect(row).toEqual({ name: 'Their Secret Customer', channels: 5, deleted_at: null });
  });

  it('allows the same customer name in two organisations', async () => {
    await mine.mutate('createCustomer', { id: randomUUID(), name: 'Common Name Telecom', currency: 'USD' });
    await theirs.mutate('createCustomer', { id: randomUUID(), name: 'Common Name Telecom', currency: 'USD' });
    await theirs.pullAll();
    expect(theirs.rejections()).toEqual([]);
    expect(theirs.customers().map((c) => c.name)).toContain('Common Name Telecom');
  });

  it('refuses a duplicate account reference within one organisation', async () => {
    await mine.mutate('createCustomer', { id: randomUUID(), name: 'Ref One', currency: 'USD', accountRef: 'AR-1' });
    await mine.mutate('createCustomer', { id: randomUUID(), name: 'Ref Two', currency: 'USD', accountRef: 'AR-1' });
    await mine.pullAll();
    expect(mine.rejections().filter((r) => r.code === 'duplicate_account_ref')).toMatchObject([
      { message: 'A customer with account reference “AR-1” already exists.' },
    ]);
  });

  it('stores an edit with the shared mutator’s result and the server’s clock', async () => {
    const id = randomUUID();
    await mine.mutate('createCustomer', { id, name: 'Edited Often', currency: 'EUR', debitLimit: '10.5' });
    await mine.mutate('updateCustomer', { id, patch: { country: 'gb', tags: ['VIP', 'vip', 'Retail'], dailySpendLimit: '250' } });
    await mine.pullAll();
    expect(mine.customer(id)).toMatchObject({
      name: 'Edited Often',
      currency: 'EUR',
      debitLimit: '10.50',
      country: 'GB',
      tags: ['VIP', 'Retail'],
      dailySpendLimit: '250.00',
    });
    expect(Date.parse(mine.customer(id)!.updatedAt)).toBeGreaterThanOrEqual(Date.parse(mine.customer(id)!.createdAt));
  });

  it('a change of the row alone (a balance entry) moves the credit and keeps the lists as stored', async () => {
    const id = randomUUID();
    const refusedBefore = mine.rejections().length;
    const contacts = [{ name: 'Billing', type: 'billing' as const, email: 'billing@row-only.example' }];
    await mine.mutate('createCustomer', { id, name: 'Row Only', currency: 'EUR', credit: '10', contacts, ipAuth: [{ ip: '198.51.100.7' }] });
    await mine.mutate('postBalanceEntry', { customerId: id, kind: 'payment', amount: '25.50', reason: 'Wire transfer' });
    await theirs.mutate('postBalanceEntry', { customerId: id, kind: 'payment', amount: '1000', reason: 'Not theirs' });
    await mine.pullAll();
    await theirs.pullAll();
    expect(mine.rejections().slice(refusedBefore)).toEqual([]);
    expect(theirs.rejections().at(-1)).toMatchObject({ code: 'not_found' });
    expect(mine.customer(id)).toMatchObject({
      credit: '35.50',
      contacts: [expect.objectContaining({ email: 'billing@row-only.example' })],
      ipAuth: [expect.objectContaining({ ip: '198.51.100.7' })],
    });
  });
});
