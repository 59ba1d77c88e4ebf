import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.js';
import type { MutationContext } from '../customers/mutation-context.js';
import { runServerMutation } from '../customers/server-mutators.js';
import type { Session } from '../http/app-env.js';
import type { PokeBus } from './poke-bus.js';
import { processPush } from './push.js';
import { createOrganisation, createSessionFor, openSyncTestDb, type SyncTestDb } from './test-support/sync-fixtures.js';
import { directTransport, TestSyncClient } from './test-support/test-sync-client.js';

let t: SyncTestDb;
let orgId: string;
let operator: Session;
let otherOperator: Session;
let viewer: Session;

beforeAll(async () => {
  t = await openSyncTestDb();
  orgId = await createOrganisation(t.sql);
  operator = await createSessionFor(t.sql, orgId, 'operator');
  otherOperator = await createSessionFor(t.sql, orgId, 'operator');
  viewer = await createSessionFor(t.sql, orgId, 'viewer');
});
afterAll(() => t.close());

const clientOf = (session: Session, clientGroupID?: string) => new TestSyncClient(directTransport(t.deps, session), clientGroupID);

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

async function customersNamed(name: string) {
  return t.sql<{ id: string; name: string }[]>`select id, name from customers where organisation_id = ${orgId} and name = ${name}`;
}

async function lastMutationIdOf(clientID: string): Promise<number | undefined> {
  const [row] = await t.sql<{ last_mutation_id: string }[]>`select last_mutation_id from replicache_clients where id = ${clientID}`;
  return row ? Number(row.last_mutation_id) : undefined;
}

async function spaceVersion(): Promise<number> {
  const [row] = await t.sql<{ version: string }[]>`select version from organisations where id = ${orgId}`;
  return Number(row!.version);
}

describe('push', () => {
  it('applies a mutation, records the client and bumps the space version by one', async () => {
    const client = clientOf(operator);
    const before = await spaceVersion();
    const id = randomUUID();
    await client.mutate('createCustomer', { id, name: 'Push Basics Ltd', currency: 'EUR', notes: 'Met at ITW' });
    expect(await spaceVersion()).toBe(before + 1);
    expect(await lastMutationIdOf(client.clientID)).toBe(1);
    const [row] = await t.sql`select version, notes, notes_version from customers where id = ${id}`;
    expect(row).toMatchObject({ version: String(before + 1), notes: 'Met at ITW', notes_version: String(before + 1) });
  });

  it('treats a replayed batch as already processed: the customer is created once', async () => {
    const client = clientOf(operator);
    const id = randomUUID();
    const batch = [
      client.mutation('createCustomer', { id, name: 'Replay Telecom', currency: 'USD' }),
      client.mutation('updateCustomer', { id, patch: { channels: 40 } }),
    ];
    await client.push(...batch);
    const version = await spaceVersion();
    await client.push(...batch);
    await client.push(batch[1]!);
    expect(await customersNamed('Replay Telecom')).toHaveLength(1);
    expect(await lastMutationIdOf(client.clientID)).toBe(2);
    expect(await spaceVersion()).toBe(version);
  });

  it('refuses a mutation from the future without applying it, keeping the earlier ones of the batch', async () => {
    const client = clientOf(operator);
    const first = client.mutation('createCustomer', { id: randomUUID(), name: 'Before The Gap', currency: 'USD' });
    client.nextMutationID++; // mutation 2 is never sent
    const future = client.mutation('createCustomer', { id: randomUUID(), name: 'From The Future', currency: 'USD' });
    const error = await refusal(client.push(first, future));
    expect(error.code).toBe('mutation_from_future');
    expect(error.status).toBe(409);
    expect(await customersNamed('Before The Gap')).toHaveLength(1);
    expect(await customersNamed('From The Future')).toHaveLength(0);
    expect(await lastMutationIdOf(client.clientID)).toBe(1);
  });

  it('refuses a new client whose first mutation is not number 1', async () => {
    const client = clientOf(operator);
    client.nextMutationID = 5;
    const error = await refusal(client.mutate('createCustomer', { id: randomUUID(), name: 'Late Starter', currency: 'USD' }));
    expect(error.code).toBe('mutation_from_future');
    expect(await lastMutationIdOf(client.clientID)).toBeUndefined();
  });

  it('records permanent errors as refusals, still advances lastMutationID and carries on with the batch', async () => {
    const client = clientOf(operator);
    const taken = randomUUID();
    await client.mutate('createCustomer', { id: taken, name: 'Taken Name Co', currency: 'USD' });
    const okId = randomUUID();
    await client.push(
      client.rawMutation('createCustomer', { id: randomUUID(), name: '', currency: 'USD' }),
      client.mutation('createCustomer', { id: randomUUID(), name: 'taken name co', currency: 'GBP' }),
      client.rawMutation('launchRockets', { count: 3 }),
      client.mutation('createCustomer', { id: okId, name: 'After The Refusals', currency: 'USD' }),
    );
    expect(await lastMutationIdOf(client.clientID)).toBe(5);
    expect(await customersNamed('After The Refusals')).toHaveLength(1);
    expect(await customersNamed('taken name co')).toHaveLength(0);

    await client.pullAll();
    const refused = client.rejections().sort((a, b) => a.mutationID - b.mutationID);
    expect(refused.map((r) => [r.mutationID, r.code])).toEqual([
      [2, 'invalid_input'],
      [3, 'duplicate_name'],
      [4, 'invalid_input'],
    ]);
    expect(refused[1]).toMatchObject({
      id: `${client.clientID}:3`,
      clientID: client.clientID,
      mutator: 'createCustomer',
      summary: 'Create customer “taken name co”',
      message: 'A customer named “taken name co” already exists.',
    });
    expect(refused[2]!.summary).toBe('Unknown change “launchRockets”');
    expect(client.lastMutationID).toBe(5);
  });

  it('shows a refusal only to the user who made the change', async () => {
    const mine = clientOf(operator);
    await mine.push(mine.rawMutation('updateCustomer', { id: randomUUID(), patch: { channels: 3 } }));
    const theirs = clientOf(otherOperator);
    await theirs.pullAll();
    await mine.pullAll();
    expect(mine.rejections().map((r) => r.code)).toContain('not_found');
    expect(theirs.rejections()).toEqual([]);
  });

  it('refuses a viewer’s changes as forbidden and changes no customer', async () => {
    const client = clientOf(viewer);
    const id = randomUUID();
    await client.mutate('createCustomer', { id, name: 'Viewer Was Here', currency: 'USD' });
    expect(await customersNamed('Viewer Was Here')).toHaveLength(0);
    expect(await lastMutationIdOf(client.clientID)).toBe(1);
    await client.pullAll();
    expect(client.rejections()).toMatchObject([{ code: 'forbidden', summary: 'Create customer “Viewer Was Here”' }]);
    expect(client.customer(id)).toBeUndefined();
  });

  it('lets a user dismiss their refusal, which the next pull removes', async () => {
    const client = clientOf(viewer);
    await client.mutate('deleteCustomers', { ids: [randomUUID()] });
    await client.pullAll();
    const [refused] = client.rejections().filter((r) => r.mutator === 'deleteCustomers');
    expect(refused?.code).toBe('forbidden');
    await client.mutate('dismissRejections', { ids: [refused!.id] });
    await client.pullAll();
    expect(client.rejections().find((r) => r.id === refused!.id)).toBeUndefined();
  });

  it('cannot dismiss another user’s refusal', async () => {
    const victim = clientOf(viewer);
    await victim.mutate('deleteCustomers', { ids: [randomUUID()] });
    await victim.pullAll();
    const target = victim.rejections().at(-1)!;
    const other = clientOf(otherOperator);
    await other.mutate('dismissRejections', { ids: [target.id] });
    await victim.pullAll();
    expect(victim.rejections().map((r) => r.id)).toContain(target.id);
  });

  it('refuses a client group that belongs to another user, applying nothing (push and pull)', async () => {
    const owner = clientOf(operator);
    await owner.mutate('createCustomer', { id: randomUUID(), name: 'Owner Group Co', currency: 'USD' });
    const intruder = clientOf(otherOperator, owner.clientGroupID);
    const pushError = await refusal(intruder.mutate('createCustomer', { id: randomUUID(), name: 'Intruder Co', currency: 'USD' }));
    expect([pushError.code, pushError.status]).toEqual(['client_group_forbidden', 403]);
    const pullError = await refusal(intruder.pull());
    expect([pullError.code, pullError.status]).toEqual(['client_group_forbidden', 403]);
    expect(await customersNamed('Intruder Co')).toHaveLength(0);
  });

  it('refuses a push naming a client of another client group', async () => {
    const owner = clientOf(operator);
    await owner.mutate('createCustomer', { id: randomUUID(), name: 'Client Owner Co', currency: 'USD' });
    const other = clientOf(operator);
    const stolen = { ...owner.mutation('createCustomer', { id: randomUUID(), name: 'Stolen Client Co', currency: 'USD' }) };
    const error = await refusal(other.push(stolen));
    expect(error.code).toBe('client_group_forbidden');
    expect(await customersNamed('Stolen Client Co')).toHaveLength(0);
  });

  it('stops the batch on an unexpected error without advancing lastMutationID, keeping earlier commits', async () => {
    // A real database failure, neither a refusal nor transient: a trigger raising an exception.
    // The device retries the push; push-faults.pg.test.ts shows what repeated failures lead to.
    await t.sql.unsafe(`
      create function explode() returns trigger language plpgsql as $$
      begin if new.name = 'Explodes On Insert' then raise exception 'disk on fire'; end if; return new; end $$;
      create trigger explode before insert on customers for each row execute function explode();`);
    try {
      const client = clientOf(operator);
      const error = await client
        .push(
          client.mutation('createCustomer', { id: randomUUID(), name: 'Committed Before Failure', currency: 'USD' }),
          client.mutation('createCustomer', { id: randomUUID(), name: 'Explodes On Insert', currency: 'USD' }),
          client.mutation('createCustomer', { id: randomUUID(), name: 'Never Reached', currency: 'USD' }),
        )
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect(error).not.toBeInstanceOf(AppError);
      expect(await lastMutationIdOf(client.clientID)).toBe(1);
      expect(await customersNamed('Committed Before Failure')).toHaveLength(1);
      expect(await customersNamed('Never Reached')).toHaveLength(0);
      const [refusals] = await t.sql<{ n: string }[]>`select count(*) as n from mutation_rejections where client_id = ${client.clientID}`;
      expect(refusals?.n).toBe('0');
    } finally {
      await t.sql.unsafe('drop trigger explode on customers; drop function explode();');
    }
  });

  it('gives concurrent pushes distinct, gap-free versions', async () => {
    const before = await spaceVersion();
    const clients = Array.from({ length: 6 }, () => clientOf(operator));
    await Promise.all(
      clients.map((c, i) =>
        c.push(
          c.mutation('createCustomer', { id: randomUUID(), name: `Concurrent ${i} A`, currency: 'USD' }),
          c.mutation('createCustomer', { id: randomUUID(), name: `Concurrent ${i} B`, currency: 'USD' }),
        ),
      ),
    );
    const rows = await t.sql<{ version: string }[]>`
      select version from customers where organisation_id = ${orgId} and name like 'Concurrent %' order by version`;
    expect(rows.map((r) => Number(r.version))).toEqual(Array.from({ length: 12 }, (_, i) => before + 1 + i));
    expect(await spaceVersion()).toBe(before + 12);
  });

  it('pokes once per push that committed something, never for a replay, and runs side effects after the poke', async () => {
    const events: string[] = [];
    const real = t.deps.pokes;
    const pokes: PokeBus = { ...real, publish: async (org) => void events.push(`poke ${org === orgId}`) };
    // A mutator that would email on success, as alerting and invitations will.
    const withEmail = async (ctx: MutationContext, name: string, args: unknown) => {
      ctx.afterCommit(() => void events.push(`email ${(args as { name: string }).name}`));
      await runServerMutation(ctx, name, args);
    };
    const client = clientOf(operator);
    const send = (...mutations: ReturnType<typeof client.mutation>[]) =>
      processPush({ ...t.deps, pokes }, operator, { pushVersion: 1, clientGroupID: client.clientGroupID, mutations, profileID: 'p', schemaVersion: '1' }, withEmail);

    const batch = [
      client.mutation('createCustomer', { id: randomUUID(), name: 'Emailed One', currency: 'USD' }),
      client.mutation('createCustomer', { id: randomUUID(), name: 'Emailed One', currency: 'USD' }),
      client.mutation('createCustomer', { id: randomUUID(), name: 'Emailed Two', currency: 'USD' }),
    ];
    await send(...batch);
    expect(events).toEqual(['poke true', 'email Emailed One', 'email Emailed Two']);

    events.length = 0;
    await send(...batch);
    expect(events).toEqual([]);
  });
});
