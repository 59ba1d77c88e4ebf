import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Customer } from '../../shared/customer.js';
import { cookieOrder, SCHEMA_VERSION } from '../../shared/sync-protocol.js';
import type { Session } from '../http/app-env.js';
import {
  createOrganisation,
  createSessionFor,
  insertCustomers,
  makeCustomers,
  openSyncTestDb,
  type SyncTestDb,
} from './test-support/sync-fixtures.js';
import { processPull, type PullResponse } from './pull.js';
import { directTransport, TestSyncClient } from './test-support/test-sync-client.js';

const PAGE = 1000;

let t: SyncTestDb;
let orgId: string;
let operator: Session;
let seeded: Customer[];

beforeAll(async () => {
  t = await openSyncTestDb({ pullPageSize: PAGE });
  orgId = await createOrganisation(t.sql);
  operator = await createSessionFor(t.sql, orgId, 'operator');
  seeded = makeCustomers(2500);
  await insertCustomers(t.sql, orgId, seeded);
  // A second organisation whose customers must never reach the first one's devices.
  const otherOrg = await createOrganisation(t.sql, 'Other Carrier');
  await insertCustomers(t.sql, otherOrg, makeCustomers(30, 'Foreign'));
});
afterAll(() => t.close());

const clientOf = (session: Session) => new TestSyncClient(directTransport(t.deps, session));

async function tableCustomers(): Promise<string[]> {
  const rows = await t.sql<{ id: string }[]>`select id from customers where organisation_id = ${orgId} order by id`;
  return rows.map((r) => r.id);
}

describe('pull', () => {
  it('brings 2,500 customers in pages whose cookies strictly increase, with progress, acknowledging mutations only at the end', async () => {
    const client = clientOf(operator);
    await client.mutate('createCustomer', { id: randomUUID(), name: 'Paging Witness', currency: 'USD' });
    const responses = await client.pullAll();

    expect(responses.length).toBe(3);
    expect(responses[0]!.patch[0]).toEqual({ op: 'clear' });
    expect(responses.slice(1).every((r) => r.patch.every((op) => op.op !== 'clear'))).toBe(true);
    const orders = responses.map((r) => r.cookie.order);
    for (let i = 1; i < orders.length; i++) expect(orders[i]! > orders[i - 1]!).toBe(true);

    const partial = responses.slice(0, -1);
    expect(partial.map((r) => [r.cookie.total, r.cookie.sent])).toEqual([
      [2501, 1000],
      [2501, 2000],
    ]);
    expect(partial.every((r) => Object.keys(r.lastMutationIDChanges).length === 0)).toBe(true);
    expect(responses.at(-1)!.lastMutationIDChanges).toEqual({ [client.clientID]: 1 });
    expect(responses.at(-1)!.cookie.after).toBeUndefined();

    expect(client.customers().map((c) => c.id).sort()).toEqual(await tableCustomers());
    const puts = responses.flatMap((r) => r.patch.filter((op) => op.op === 'put' && op.key.startsWith('c/')));
    expect(puts).toHaveLength(2501);
    const sample = seeded[1234]!;
    expect(client.customer(sample.id)).toEqual(sample);
  });

  it('does not lose a change made while a catch-up is being paged', async () => {
    const client = clientOf(operator);
    await client.pull();
    expect(client.cookie?.after).toBeDefined();
    const alreadySent = client.customers()[0]!;
    const editor = clientOf(operator);
    await editor.mutate('updateCustomer', { id: alreadySent.id, patch: { channels: 777, notes: 'Changed mid-sync' } });
    await client.pullAll();
    expect(client.customer(alreadySent.id)?.channels).toBe(777);
    expect(client.notes(alreadySent.id)).toBe('Changed mid-sync');
    expect(client.customers().map((c) => c.id).sort()).toEqual(await tableCustomers());
  });

  it('answers an up-to-date cookie with an empty patch and the same cookie', async () => {
    const client = clientOf(operator);
    await client.pullAll();
    const cookie = client.cookie;
    const again = await client.pull();
    expect(again.patch).toEqual([]);
    expect(again.cookie).toEqual(cookie);
    expect(again.lastMutationIDChanges).toEqual({});
  });

  it('sends only what changed since the cookie, and acknowledges only clients that moved', async () => {
    const client = clientOf(operator);
    await client.mutate('createCustomer', { id: randomUUID(), name: 'Incremental One', currency: 'USD' });
    await client.pullAll();
    const id = randomUUID();
    const other = clientOf(operator);
    await other.mutate('createCustomer', { id, name: 'Incremental Two', currency: 'USD', ipAuth: [{ ip: '198.51.100.7' }] });
    const res = await client.pull();
    expect(res.patch).toEqual([
      { op: 'put', key: `c/${id}`, value: client.listRow(id) },
      { op: 'put', key: `d/${id}`, value: client.details(id) },
    ]);
    expect(client.listRow(id)).toMatchObject({ name: 'Incremental Two', counts: { ips: 1, sipUsers: 0 } });
    expect(client.listRow(id)).not.toHaveProperty('ipAuth');
    expect(client.customer(id)?.ipAuth).toEqual([expect.objectContaining({ ip: '198.51.100.7' })]);
    expect(res.lastMutationIDChanges).toEqual({});
    expect(res.cookie.order).toBe(cookieOrder(res.cookie.since));
  });

  it('asks code that syncs another shape of data to update instead of sending it rows', async () => {
    const pull = { pullVersion: 1, clientGroupID: randomUUID(), cookie: null, profileID: 'p' } as const;
    expect(await processPull(t.deps, operator, { ...pull, schemaVersion: '1' })).toEqual({ error: 'VersionNotSupported', versionType: 'schema' });
    expect(await processPull(t.deps, operator, { ...pull, schemaVersion: SCHEMA_VERSION })).toHaveProperty('patch');
  });

  it('never sends another organisation’s customers', async () => {
    const client = clientOf(operator);
    await client.pullAll();
    expect(client.customers().some((c) => c.name.startsWith('Foreign'))).toBe(false);
    const [foreign] = await t.sql<{ n: string }[]>`select count(*) as n from customers where name like 'Foreign %'`;
    expect(foreign?.n).toBe('30');
  });

  it('re-sends details only when they change, whoever wrote the row', async () => {
    const client = clientOf(operator);
    const id = randomUUID();
    await client.mutate('createCustomer', { id, name: 'Details Keeper', currency: 'USD', routes: [{ rateCard: 'Gold' }] });
    await client.pullAll();
    const keysOf = (res: PullResponse) => res.patch.map((op) => (op.op === 'clear' ? op.op : op.key));

    await client.mutate('bulkUpdateCustomers', { ids: [id], patch: { status: 'inactive', tags: { mode: 'add', values: ['late'] } } });
    expect(keysOf(await client.pull())).toEqual([`c/${id}`]);
    // A write that sets the lists to what they were (a card save of another field) sends no details either.
    const same = client.customer(id)!;
    await client.mutate('updateCustomer', { id, patch: { channels: 3, routes: same.routes, contacts: same.contacts } });
    expect(keysOf(await client.pull())).toEqual([`c/${id}`]);
    // SQL outside the push (an import, a job) is covered too: the trigger keeps the version.
    await t.sql`
      with space as (update organisations set version = version + 1 where id = ${operator.organisationId} returning version)
      update customers set routes = '[]', version = space.version from space where customers.id = ${id}`;
    expect(keysOf(await client.pull())).toEqual([`c/${id}`, `d/${id}`]);
    expect(client.customer(id)?.routes).toEqual([]);
    expect(client.listRow(id)?.counts.enabledRoutes).toBe(0);
  });

  it('syncs notes under their own key only when they change, and deletes cleared notes', async () => {
    const client = clientOf(operator);
    const id = randomUUID();
    await client.mutate('createCustomer', { id, name: 'Notes Keeper', currency: 'USD', notes: 'Prefers email' });
    await client.pullAll();
    expect(client.notes(id)).toBe('Prefers email');
    expect(client.customer(id)).not.toHaveProperty('notes');

    await client.mutate('updateCustomer', { id, patch: { channels: 12 } });
    const unchanged = await client.pull();
    expect(unchanged.patch.map((op) => (op.op === 'clear' ? op.op : op.key))).toEqual([`c/${id}`]);

    await client.mutate('updateCustomer', { id, patch: { notes: null } });
    const cleared = await client.pull();
    expect(cleared.patch).toContainEqual({ op: 'del', key: `n/${id}` });
    expect(client.notes(id)).toBeUndefined();
  });

  it('starts afresh when the cookie is newer than the database (it was reset)', async () => {
    const client = clientOf(operator);
    client.cookie = { order: cookieOrder(10_000_000), since: 10_000_000 };
    const [first] = await client.pullAll();
    expect(first!.patch[0]).toEqual({ op: 'clear' });
    expect(client.customers().length).toBe((await tableCustomers()).length);
  });

  it('walks the customers_sync index for a page', async () => {
    const plan = await t.sql.begin(async (tx) => {
      await tx`set local enable_seqscan = off`;
      return tx.unsafe(
        `explain select id from customers where organisation_id = $1 and version > 0 and (version, id) > (1, $2::uuid)
         order by version, id limit 1001`,
        [orgId, randomUUID()],
      );
    });
    const text = plan.map((r) => Object.values(r)[0]).join('\n');
    expect(text).toContain('customers_sync');
    // The keyset bound is an index condition (a seek), not a filter over skipped rows.
    expect(text).toMatch(/Index Cond: .*ROW\(version, id\) > ROW/);
    expect(text).not.toMatch(/Sort/);
  });
});
