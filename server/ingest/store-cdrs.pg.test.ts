import type { Sql, TransactionSql } from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CdrInput } from '../../shared/cdr.js';
import { toMinor } from '../../shared/money.js';
import { createOrganisation, insertCustomers, makeCustomers, openSyncTestDb, type SyncTestDb } from '../sync/test-support/sync-fixtures.js';
import { storeTestCdrs } from './store-test-cdrs.js';

const START = Date.UTC(2026, 10, 26, 10, 0, 0);

let t: SyncTestDb;
beforeAll(async () => {
  t = await openSyncTestDb();
});
afterAll(async () => t.close());

/** An organisation with three customers billed in EUR, the third at the lowest credit its column holds. */
async function organisation(name: string): Promise<string[]> {
  const org = await createOrganisation(t.sql, name);
  const customers = makeCustomers(3, name).map((c) => ({ ...c, currency: 'EUR', credit: '100.00' }));
  await insertCustomers(t.sql, org, customers);
  const ids = customers.map((c) => c.id);
  await t.sql`update customers set credit = 0 where id = ${ids[2]!}`;
  await t.sql`update customers set credit = '-9999999999999999' where id = ${ids[2]!}`;
  return [org, ...ids];
}

/** Calls for customers 0 and 1, several per second; with `poisoned`, one charge to customer 2 in the middle. */
function batch(ids: string[], poisoned: boolean): CdrInput[] {
  const calls = Array.from({ length: 40 }, (_, i): CdrInput => {
    const at = START + Math.floor(i / 3) * 1000;
    return {
      callId: `c${i}`,
      customerId: ids[i % 2]!,
      startedAt: at,
      ringingAt: at + 1500,
      answeredAt: i % 5 === 0 ? undefined : at + 4000,
      endedAt: at + 64_000,
      sipCode: i % 5 === 0 ? 486 : 200,
      destination: '4420',
      charge: i % 5 === 0 ? '0.00' : `0.${String(i).padStart(2, '0')}`,
      currency: 'EUR',
    } as CdrInput;
  });
  calls.push({ ...calls[0]!, callId: 'zero-charge', customerId: ids[2]!, charge: '0.00' });
  if (poisoned) calls.splice(23, 0, { ...calls[1]!, callId: 'overflow', customerId: ids[2]!, charge: '1.00' });
  return calls;
}

/** What storing left for one organisation, its customers named by their place. */
async function stored(org: string, ids: string[]) {
  const place = (id: string) => ids.indexOf(id);
  // Customer ids differ between organisations: rows are named and ordered by the customer's place.
  const rows = async (query: Promise<Record<string, unknown>[]>) =>
    (await query)
      .map(({ customer_id, organisation_id: _, ...rest }): Record<string, unknown> & { customer: number } => ({ customer: place(customer_id as string), ...rest }))
      .sort((a, b) => a.customer - b.customer);
  return {
    cdrs: await rows(t.sql`select call_id, customer_id, started_at, charge::text from cdrs where organisation_id = ${org} order by call_id`),
    minutes: await rows(t.sql`select * from customer_minute_rollups where organisation_id = ${org} order by customer_id, minute`),
    hours: await rows(t.sql`select * from customer_hour_rollups where organisation_id = ${org} order by customer_id, hour`),
    seconds: await rows(t.sql`select * from customer_second_attempts where customer_id = any(${ids}::uuid[]) order by customer_id, second`),
    credits: await rows(t.sql`select id as customer_id, credit::text from customers where organisation_id = ${org}`),
    ledger: await rows(t.sql`select customer_id, sum(amount)::text as total from balance_ledger where organisation_id = ${org} group by customer_id order by 1`),
    dirty: await rows(t.sql`select customer_id from customer_metrics_dirty where organisation_id = ${org} order by 1`),
  };
}

type Begin = (fn: (tx: TransactionSql) => Promise<unknown>) => Promise<unknown>;

/** `sql` whose first transaction fails as an outage would make it fail; later ones run normally. */
function failingOnce(sql: Sql, when: 'before commit' | 'after commit'): Sql {
  let failed = false;
  const begin: Begin = async (fn) => {
    failed = true;
    if (when === 'before commit') {
      return sql.begin(async (tx) => {
        await fn(tx);
        // A real serialization failure from the server, after all the work and before the commit.
        await tx`do $$ begin raise exception 'injected conflict' using errcode = '40001'; end $$`;
      });
    }
    await sql.begin(fn);
    // The commit went through but its answer was lost with the connection.
    throw Object.assign(new Error('write CONNECTION_CLOSED 127.0.0.1:5432'), { code: 'CONNECTION_CLOSED' });
  };
  return new Proxy(sql, { get: (target, prop) => (prop === 'begin' && !failed ? begin : Reflect.get(target, prop)) });
}

describe('storeCdrs', () => {
  it('leaves exactly what storing only the good records gives when the database refuses one of a batch', async () => {
    const [orgA, ...idsA] = await organisation('A');
    const [orgB, ...idsB] = await organisation('B');
    const result = await storeTestCdrs(t.sql, orgA!, batch(idsA, true));
    expect(result).toMatchObject({ accepted: 41, duplicates: 0, rejected: [{ line: 24, callId: 'overflow', message: 'A number is too large to store.' }] });
    await storeTestCdrs(t.sql, orgB!, batch(idsB, false));
    const [a, b] = [await stored(orgA!, idsA), await stored(orgB!, idsB)];
    expect(a.cdrs).toHaveLength(41);
    expect(a).toEqual(b);
  });

  it('retries a transaction that failed with a transient error, storing and charging its records once', async () => {
    const [org, ...ids] = await organisation('C');
    const result = await storeTestCdrs(failingOnce(t.sql, 'before commit'), org!, batch(ids, false));
    expect(result).toEqual({ accepted: 41, duplicates: 0, rejected: [], charged: 2 });
    const s = await stored(org!, ids);
    expect(s.cdrs).toHaveLength(41);
    const charges = batch(ids, false).filter((c) => c.customerId === ids[0]).reduce((sum, c) => sum + toMinor(c.charge!), 0n);
    expect(toMinor(s.credits[0]!.credit as string)).toBe(toMinor('100.00') - charges);
    expect(s.ledger.map((l) => l.total)).toEqual(s.credits.map((c) => c.credit));
    expect(s.hours.reduce((n, h) => n + (h.attempts as number), 0)).toBe(41);
  });

  it('counts the records of a commit whose answer was lost as duplicates on the retry, charging them once', async () => {
    const [orgD, ...idsD] = await organisation('D');
    const [orgE, ...idsE] = await organisation('E');
    const result = await storeTestCdrs(failingOnce(t.sql, 'after commit'), orgD!, batch(idsD, false));
    expect(result).toEqual({ accepted: 0, duplicates: 41, rejected: [], charged: 0 });
    await storeTestCdrs(t.sql, orgE!, batch(idsE, false));
    expect(await stored(orgD!, idsD)).toEqual(await stored(orgE!, idsE));
  });
});
