import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyBulkPatch, type BulkPatch } from '../../shared/customer-patch.js';
import type { Session } from '../http/app-env.js';
import {
  createOrganisation,
  createSessionFor,
  insertCustomers,
  makeCustomers,
  openSyncTestDb,
  type SyncTestDb,
} from '../sync/test-support/sync-fixtures.js';
import { directTransport, TestSyncClient } from '../sync/test-support/test-sync-client.js';

const COUNT = 10_000;

let t: SyncTestDb;
let orgId: string;
let operator: Session;

beforeAll(async () => {
  t = await openSyncTestDb({ pullPageSize: 20_000 });
  orgId = await createOrganisation(t.sql);
  operator = await createSessionFor(t.sql, orgId, 'operator');
});
afterAll(() => t.close());

describe('a bulk edit of 10,000 customers', () => {
  it('applies to all of them in one mutation, as the client computed it', async () => {
    const customers = makeCustomers(COUNT);
    await insertCustomers(t.sql, orgId, customers);
    const client = new TestSyncClient(directTransport(t.deps, operator));
    await client.pullAll();

    const patch: BulkPatch = { status: 'inactive', channels: 60, tags: { mode: 'add', values: ['Migrated'] } };
    const started = performance.now();
    await client.mutate('bulkUpdateCustomers', { ids: customers.map((c) => c.id), patch });
    const elapsed = performance.now() - started;
    console.info(`bulkUpdateCustomers of ${COUNT.toLocaleString('en')} customers took ${elapsed.toFixed(0)} ms`);

    const [counted] = await t.sql<{ changed: string }[]>`
      select count(*) as changed from customers
      where organisation_id = ${orgId} and status = 'inactive' and channels = 60 and tags = '{wholesale,Migrated}'`;
    expect(Number(counted?.changed)).toBe(COUNT);

    const res = await client.pull();
    expect(res.patch).toHaveLength(COUNT);
    const sample = customers[4321]!;
    const synced = client.customer(sample.id)!;
    expect(synced).toEqual(applyBulkPatch(sample, patch, synced.updatedAt));
    expect(client.lastMutationID).toBe(1);
  });
});
