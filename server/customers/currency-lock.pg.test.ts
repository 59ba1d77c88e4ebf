import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CdrInput } from '../../shared/cdr.js';
import { storeTestCdrs } from '../ingest/store-test-cdrs.js';
import { createOrganisation, createSessionFor, insertCustomers, makeCustomers, openSyncTestDb, type SyncTestDb } from '../sync/test-support/sync-fixtures.js';
import { directTransport, TestSyncClient } from '../sync/test-support/test-sync-client.js';

let t: SyncTestDb;
let org: string;
let staff: TestSyncClient;
const [fresh, paid, called] = makeCustomers(3);

beforeAll(async () => {
  t = await openSyncTestDb();
  org = await createOrganisation(t.sql);
  await insertCustomers(t.sql, org, [fresh!, paid!, called!].map((c) => ({ ...c, credit: '0.00', currency: 'EUR' })));
  staff = new TestSyncClient(directTransport(t.deps, await createSessionFor(t.sql, org, 'operator')));
});
afterAll(async () => t.close());

const currencyOf = async (id: string) => (await t.sql<{ currency: string }[]>`select currency from customers where id = ${id}`)[0]!.currency;

describe('the currency lock', () => {
  it('lets the currency of a customer without history change', async () => {
    await staff.mutate('updateCustomer', { id: fresh!.id, patch: { currency: 'USD' } });
    expect(await currencyOf(fresh!.id)).toBe('USD');
  });

  it('refuses it once there was a payment, even with the balance back at zero, and tells the user why', async () => {
    await staff.mutate('postBalanceEntry', { customerId: paid!.id, kind: 'payment', amount: '10', reason: 'Deposit' });
    await staff.mutate('postBalanceEntry', { customerId: paid!.id, kind: 'adjustment', amount: '-10', reason: 'Refund' });
    await staff.mutate('updateCustomer', { id: paid!.id, patch: { currency: 'USD' } });
    expect(await currencyOf(paid!.id)).toBe('EUR');
    await staff.pull();
    expect(staff.rejections()).toEqual([expect.objectContaining({ code: 'currency_locked', message: expect.stringMatching(/traffic or balance history/) })]);
  });

  it('refuses it once the customer has traffic, whatever the path', async () => {
    const at = Date.UTC(2026, 10, 26, 10, 0, 0);
    const cdr = { callId: 'c1', customerId: called!.id, startedAt: at, endedAt: at + 5000, sipCode: 486, destination: '1' } as CdrInput;
    await storeTestCdrs(t.sql, org, [cdr]);
    await expect(t.sql`update customers set currency = 'GBP' where id = ${called!.id}`).rejects.toMatchObject({ code: 'TL001' });
  });
});
