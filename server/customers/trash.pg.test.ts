import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../http/app-env.js';
import { createOrganisation, createSessionFor, openSyncTestDb, type SyncTestDb } from '../sync/test-support/sync-fixtures.js';
import { directTransport, TestSyncClient } from '../sync/test-support/test-sync-client.js';

let t: SyncTestDb;
let orgId: string;

beforeAll(async () => {
  t = await openSyncTestDb();
  orgId = await createOrganisation(t.sql);
});
afterAll(() => t.close());

/** A device of a new operator, so each test sees only its own refusals. */
async function newClient(): Promise<TestSyncClient> {
  const operator: Session = await createSessionFor(t.sql, orgId, 'operator');
  return new TestSyncClient(directTransport(t.deps, operator));
}

describe('the trash', () => {
  it('keeps a deleted customer syncing with deletedAt set, and restore clears it', async () => {
    const client = await newClient();
    const id = randomUUID();
    await client.mutate('createCustomer', { id, name: 'Binned Networks', currency: 'USD' });
    await client.mutate('deleteCustomers', { ids: [id] });
    await client.pullAll();
    const deleted = client.customer(id)!;
    expect(deleted.deletedAt).toBeDefined();
    expect(deleted.updatedAt).toBe(deleted.deletedAt);

    await client.mutate('restoreCustomers', { ids: [id] });
    await client.pull();
    expect(client.customer(id)).toBeDefined();
    expect(client.customer(id)).not.toHaveProperty('deletedAt');
    expect(client.rejections()).toEqual([]);
  });

  it('frees a deleted customer’s name for a new customer', async () => {
    const client = await newClient();
    const old = randomUUID();
    await client.mutate('createCustomer', { id: old, name: 'Reused Name Ltd', currency: 'USD' });
    await client.mutate('deleteCustomers', { ids: [old] });
    await client.mutate('createCustomer', { id: randomUUID(), name: 'Reused Name Ltd', currency: 'EUR' });
    await client.pullAll();
    expect(client.customers().filter((c) => c.name === 'Reused Name Ltd')).toHaveLength(2);
    expect(client.rejections()).toEqual([]);
  });

  it('refuses to restore a customer whose name a live customer now has, naming it', async () => {
    const client = await newClient();
    const old = randomUUID();
    await client.mutate('createCustomer', { id: old, name: 'Phoenix Voice', currency: 'USD' });
    await client.mutate('deleteCustomers', { ids: [old] });
    await client.mutate('createCustomer', { id: randomUUID(), name: 'PHOENIX VOICE', currency: 'USD' });
    await client.mutate('restoreCustomers', { ids: [old] });
    await client.pullAll();
    expect(client.customer(old)?.deletedAt).toBeDefined();
    expect(client.rejections()).toMatchObject([
      { code: 'duplicate_name', summary: 'Restore 1 customer', message: 'A customer named “Phoenix Voice” already exists.' },
    ]);
  });

  it('refuses to restore two customers with the same name together, and restores none of the batch', async () => {
    const client = await newClient();
    const a = randomUUID();
    const b = randomUUID();
    const c = randomUUID();
    await client.mutate('createCustomer', { id: a, name: 'Twin Telecom', currency: 'USD' });
    await client.mutate('deleteCustomers', { ids: [a] });
    await client.mutate('createCustomer', { id: b, name: 'Twin Telecom', currency: 'USD' });
    await client.mutate('createCustomer', { id: c, name: 'Innocent Bystander', currency: 'USD' });
    await client.mutate('deleteCustomers', { ids: [b, c] });
    await client.mutate('restoreCustomers', { ids: [a, b, c] });
    await client.pullAll();
    expect([a, b, c].map((id) => client.customer(id)?.deletedAt === undefined)).toEqual([false, false, false]);
    expect(client.rejections()).toMatchObject([{ code: 'duplicate_name', message: 'A customer named “Twin Telecom” already exists.' }]);
  });

  it('refuses to restore a customer whose account reference is now in use', async () => {
    const client = await newClient();
    const old = randomUUID();
    await client.mutate('createCustomer', { id: old, name: 'Ref Holder One', currency: 'USD', accountRef: 'ACC-77' });
    await client.mutate('deleteCustomers', { ids: [old] });
    await client.mutate('createCustomer', { id: randomUUID(), name: 'Ref Holder Two', currency: 'USD', accountRef: 'ACC-77' });
    await client.mutate('restoreCustomers', { ids: [old] });
    await client.pullAll();
    expect(client.rejections()).toMatchObject([{ code: 'duplicate_account_ref' }]);
    expect(client.rejections()[0]!.message).toContain('ACC-77');
  });

  it('does not let a customer in the trash be edited', async () => {
    const client = await newClient();
    const id = randomUUID();
    await client.mutate('createCustomer', { id, name: 'Frozen In Trash', currency: 'USD' });
    await client.mutate('deleteCustomers', { ids: [id] });
    await client.mutate('updateCustomer', { id, patch: { channels: 9 } });
    await client.pullAll();
    expect(client.customer(id)?.channels).toBe(0);
    expect(client.rejections()).toMatchObject([{ code: 'conflict' }]);
  });
});
