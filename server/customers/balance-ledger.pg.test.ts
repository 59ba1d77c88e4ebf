import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toMinor } from '../../shared/money.js';
import type { Session } from '../http/app-env.js';
import { createOrganisation, createSessionFor, insertCustomers, makeCustomers, openSyncTestDb, type SyncTestDb } from '../sync/test-support/sync-fixtures.js';
import { directTransport, TestSyncClient } from '../sync/test-support/test-sync-client.js';

let t: SyncTestDb;
let org: string;
let session: Session;
let client: TestSyncClient;
const [customer] = makeCustomers(1);

beforeAll(async () => {
  t = await openSyncTestDb();
  org = await createOrganisation(t.sql);
  await insertCustomers(t.sql, org, [{ ...customer!, credit: '100.00' }]);
  session = await createSessionFor(t.sql, org, 'operator');
  client = new TestSyncClient(directTransport(t.deps, session));
});
afterAll(async () => t.close());

const ledger = () =>
  t.sql<{ kind: string; amount: string; reason: string | null; reference: string | null; user_id: string | null }[]>`
    select kind, amount::text as amount, reason, reference, user_id from balance_ledger where customer_id = ${customer!.id} order by id`;
const credit = async () => (await t.sql<{ credit: string }[]>`select credit::text as credit from customers where id = ${customer!.id}`)[0]!.credit;

describe('the balance ledger', () => {
  it('opens with the credit a customer was created with', async () => {
    expect(await ledger()).toEqual([expect.objectContaining({ kind: 'opening', amount: '100.0000' })]);
  });

  it('records a payment and an adjustment with reason, reference and who posted them', async () => {
    await client.mutate('postBalanceEntry', { customerId: customer!.id, kind: 'payment', amount: '50.25', reason: 'Wire', reference: 'BT-1' });
    await client.mutate('postBalanceEntry', { customerId: customer!.id, kind: 'adjustment', amount: '-0.25', reason: 'Rounding' });
    expect(await credit()).toBe('150.0000');
    expect((await ledger()).slice(1)).toEqual([
      { kind: 'payment', amount: '50.2500', reason: 'Wire', reference: 'BT-1', user_id: session.user.id },
      { kind: 'adjustment', amount: '-0.2500', reason: 'Rounding', reference: null, user_id: session.user.id },
    ]);
  });

  it('is not written twice when the same push is replayed', async () => {
    const mutation = client.mutation('postBalanceEntry', { customerId: customer!.id, kind: 'payment', amount: '1', reason: 'Retry test' });
    await client.push(mutation);
    await client.push(mutation);
    expect((await ledger()).filter((e) => e.reason === 'Retry test')).toHaveLength(1);
  });

  it('always sums to the credit, whatever path changed it', async () => {
    await t.sql`update customers set credit = credit - 3.3333 where id = ${customer!.id}`;
    const sum = (await ledger()).reduce((s, e) => s + toMinor(e.amount), 0n);
    expect(sum).toBe(toMinor(await credit()));
    expect((await ledger()).at(-1)).toMatchObject({ kind: 'adjustment', amount: '-3.3333' });
  });
});
