import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../shared/errors.js';
import type { Session } from '../http/app-env.js';
import { createOrganisation, createSessionFor, openSyncTestDb, type SyncTestDb } from './test-support/sync-fixtures.js';
import { directTransport, TestSyncClient } from './test-support/test-sync-client.js';

/**
 * A large bulk change is pushed by the device as Replicache starts running it locally,
 * under the id Replicache gave it, and again by Replicache's own push afterwards
 * (client/sync/early-push.ts). The server must apply it once, in order, and never lose
 * another change to an id the early copy took.
 */

let t: SyncTestDb;
let operator: Session;

beforeAll(async () => {
  t = await openSyncTestDb();
  operator = await createSessionFor(t.sql, await createOrganisation(t.sql), 'operator');
});
afterAll(() => t.close());

const device = () => new TestSyncClient(directTransport(t.deps, operator));
/** Every change a device makes carries its intent id. */
const withIntent = <T extends object>(args: T): T => ({ ...args, intent: randomUUID() });

async function newCustomers(client: TestSyncClient, n: number): Promise<string[]> {
  const ids = Array.from({ length: n }, () => randomUUID());
  for (const id of ids) await client.mutate('createCustomer', withIntent({ id, name: `Early ${id}`, currency: 'EUR' }));
  return ids;
}

async function stored(ids: string[]) {
  return t.sql<{ status: string; channels: number }[]>`select status, channels from customers where id = any(${ids}::uuid[]) order by id`;
}

async function lastMutationIdOf(clientID: string): Promise<number | undefined> {
  const [row] = await t.sql<{ n: string }[]>`select last_mutation_id::text as n from replicache_clients where id = ${clientID}`;
  return row ? Number(row.n) : undefined;
}

describe('early copies of a change', () => {
  it('apply a change once when its early copy and then the usual push both arrive, and the next pull acknowledges it', async () => {
    const a = device();
    const ids = await newCustomers(a, 3);
    const change = a.mutation('setCustomerStatus', withIntent({ ids, status: 'inactive' }));
    await a.push(change); // early, as the local run starts
    const pulled = await a.pull();
    expect(pulled.lastMutationIDChanges[a.clientID]).toBe(change.id);
    const version = (await t.sql<{ version: string }[]>`select version::text from organisations where id = ${operator.organisationId}`)[0]!.version;
    await a.push(change); // Replicache's own push
    expect((await stored(ids)).map((r) => r.status)).toEqual(['inactive', 'inactive', 'inactive']);
    const after = (await t.sql<{ version: string }[]>`select version::text from organisations where id = ${operator.organisationId}`)[0]!.version;
    expect(after).toBe(version);
  });

  it('refuse an early copy that overtakes an earlier change of the device, and change nothing', async () => {
    const a = device();
    const ids = await newCustomers(a, 2);
    const earlier = a.mutation('bulkUpdateCustomers', withIntent({ ids, patch: { channels: 30 } }));
    const bulk = a.mutation('setCustomerStatus', withIntent({ ids, status: 'pending' }));
    await expect(a.push(bulk)).rejects.toMatchObject({ code: 'mutation_from_future' } satisfies Partial<AppError>);
    expect((await stored(ids)).map((r) => r.status)).toEqual(['active', 'active']);
    // Replicache's push, in order.
    await a.push(earlier, bulk);
    expect(await stored(ids)).toEqual([
      { status: 'pending', channels: 30 },
      { status: 'pending', channels: 30 },
    ]);
  });

  it('apply, once, a different change that Replicache numbered with the id an early copy took', async () => {
    const a = device();
    const ids = await newCustomers(a, 2);
    // The early copy went out, then the device did not commit it: the next change gets its id.
    const early = a.mutation('setCustomerStatus', withIntent({ ids, status: 'inactive' }));
    await a.push(early);
    const other = { ...early, name: 'bulkUpdateCustomers', args: { ids, patch: { channels: 12 }, intent: randomUUID() } };
    await a.push(other);
    await a.push(other);
    expect(await stored(ids)).toEqual([
      { status: 'inactive', channels: 12 },
      { status: 'inactive', channels: 12 },
    ]);
    expect(await lastMutationIdOf(a.clientID)).toBe(early.id);
    // The device goes on numbering from there.
    await a.mutate('setCustomerStatus', withIntent({ ids, status: 'active' }));
    expect((await stored(ids)).map((r) => r.status)).toEqual(['active', 'active']);
  });

  it('record the refusal of such a change under an entry of its own', async () => {
    const a = device();
    const [id] = await newCustomers(a, 1);
    const early = a.mutation('setCustomerStatus', withIntent({ ids: [id!], status: 'inactive' }));
    await a.push(early);
    const refused = { ...early, name: 'updateCustomer', args: { id: randomUUID(), patch: { channels: 1 }, intent: randomUUID() } };
    await a.push(refused);
    await a.pull();
    expect(a.rejections().map((r) => [r.mutationID, r.code])).toEqual([[early.id, 'not_found']]);
  });
});
