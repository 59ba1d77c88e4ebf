import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MutationContext } from '../customers/mutation-context.js';
import { runServerMutation } from '../customers/server-mutators.js';
import type { PushMutation } from '../../shared/sync-protocol.js';
import type { Session } from '../http/app-env.js';
import { isTransientDbError } from '../db/db-errors.js';
import { startTcpProxy } from '../test/tcp-proxy.js';
import { countMutationFailure, MAX_MUTATION_ATTEMPTS } from './mutation-failures.js';
import type { MutationRunner, PushDeps } from './push-deps.js';
import { processPush } from './push.js';
import { createOrganisation, createSessionFor, openSyncTestDb, type SyncTestDb } from './test-support/sync-fixtures.js';
import { directTransport, TestSyncClient } from './test-support/test-sync-client.js';

/**
 * Database trouble and bugs never stop a device for ever: transient errors are retried
 * and applied once, a mutation that keeps failing is set aside with a reference, and an
 * outage never turns into refusals.
 */

let t: SyncTestDb;
let orgId: string;
let operator: Session;

beforeAll(async () => {
  t = await openSyncTestDb();
  orgId = await createOrganisation(t.sql);
  operator = await createSessionFor(t.sql, orgId, 'operator');
});
afterAll(() => t.close());

/** Pushes `mutations` of `client` as the operator, through `deps` (its database pool stands for a server process). */
function pushBatch(deps: PushDeps, client: TestSyncClient, mutations: PushMutation[], runMutation: MutationRunner = runServerMutation) {
  return processPush(deps, operator, { pushVersion: 1, clientGroupID: client.clientGroupID, mutations, profileID: 'p', schemaVersion: '1' }, runMutation);
}

function deviceOf(runMutation: MutationRunner, deps: PushDeps = t.deps) {
  const client = new TestSyncClient(directTransport(t.deps, operator));
  return { client, push: (...mutations: PushMutation[]) => pushBatch(deps, client, mutations, runMutation) };
}

const create = (client: TestSyncClient, name: string) => client.mutation('createCustomer', { id: randomUUID(), name, currency: 'EUR' });

async function countNamed(name: string): Promise<number> {
  const [row] = await t.sql<{ n: string }[]>`select count(*) as n from customers where organisation_id = ${orgId} and name = ${name}`;
  return Number(row!.n);
}

async function lastMutationIdOf(clientID: string): Promise<number> {
  const [row] = await t.sql<{ last_mutation_id: string }[]>`select last_mutation_id from replicache_clients where id = ${clientID}`;
  return row ? Number(row.last_mutation_id) : 0;
}

async function refusalsOf(clientID: string) {
  return t.sql<{ mutation_id: string; code: string; message: string }[]>`
    select mutation_id, code, message from mutation_rejections where client_id = ${clientID} order by mutation_id`;
}

async function spaceVersion(): Promise<number> {
  const [row] = await t.sql<{ version: string }[]>`select version from organisations where id = ${orgId}`;
  return Number(row!.version);
}

/** Fails the mutation named `victim` once, inside its transaction, with what `fault` raises. */
function failingOnce(victim: string, fault: (ctx: MutationContext) => Promise<unknown>): MutationRunner & { calls: number } {
  let failed = false;
  const run = async (ctx: MutationContext, name: string, args: unknown) => {
    run.calls++;
    if (!failed && (args as { name?: string }).name === victim) {
      failed = true;
      await fault(ctx);
    }
    return runServerMutation(ctx, name, args);
  };
  run.calls = 0;
  return run;
}

const raise = (errcode: string) => (ctx: MutationContext) =>
  ctx.tx.unsafe(`do $$ begin raise exception 'injected' using errcode = '${errcode}'; end $$`);

/** A write in a read-only transaction, as on an old primary after a failover: 25006. */
const writeReadOnly = async (ctx: MutationContext) => {
  await ctx.tx`set transaction read only`;
  await ctx.tx`update organisations set name = name where id = ${ctx.organisationId}`;
};

/** The statement cancelled, as an administrator, a pooler or a timeout does: 57014. */
const cancelled = (ctx: MutationContext) => ctx.tx`select pg_cancel_backend(pg_backend_pid())`;

describe('transient database errors', () => {
  it.each([
    ['a serialization failure (40001)', raise('40001')],
    ['a deadlock (40P01)', raise('40P01')],
    ['a write on a read-only server (25006)', writeReadOnly],
    ['a cancelled statement (57014)', cancelled],
    ['a full disk (53100)', raise('53100')],
  ])('%s is retried and the mutation applied exactly once', async (what, fault) => {
    const name = `Retried After ${what}`;
    const run = failingOnce(name, fault);
    const { client, push } = deviceOf(run);
    const before = await spaceVersion();
    await push(create(client, `Before ${name}`), create(client, name), create(client, `${name} Too`));
    expect(await countNamed(name)).toBe(1);
    expect(await countNamed(`${name} Too`)).toBe(1);
    expect(await lastMutationIdOf(client.clientID)).toBe(3);
    expect(await spaceVersion()).toBe(before + 3);
    expect(run.calls).toBe(4);
    expect(await refusalsOf(client.clientID)).toEqual([]);
  });
});

describe('a mutation that keeps failing (a bug, not an outage)', () => {
  const boom: MutationRunner = async (ctx, name, args) => {
    if ((args as { name?: string }).name === 'Poison Pill') throw new TypeError('Cannot read properties of undefined');
    return runServerMutation(ctx, name, args);
  };

  it(`fails the push ${MAX_MUTATION_ATTEMPTS - 1} times, then is set aside with a reference and the queue moves on`, async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      // A second pool stands for a second server process behind a load balancer.
      const other = postgres(t.db.url, { max: 2, onnotice: () => {} });
      const { client, push } = deviceOf(boom);
      const pushVia = deviceOf(boom, { ...t.deps, sql: other }).push;
      const batch = [create(client, 'Poison Pill'), create(client, 'Behind The Pill')];
      try {
        await expect(push(...batch)).rejects.toThrow(TypeError);
        await expect(pushVia(...batch)).rejects.toThrow(TypeError);
        expect(await lastMutationIdOf(client.clientID)).toBe(0);
        await push(...batch);
      } finally {
        await other.end();
      }
      expect(await countNamed('Behind The Pill')).toBe(1);
      expect(await lastMutationIdOf(client.clientID)).toBe(2);
      const [refused, ...more] = await refusalsOf(client.clientID);
      expect(more).toEqual([]);
      expect(refused!.code).toBe('internal');
      const ref = /\(ref ([0-9a-f]{8})\)/.exec(refused!.message)?.[1];
      expect(refused!.message).toBe(`The server could not apply this change (ref ${ref}); it was set aside so your other changes can sync.`);
      // Every try is in the log under the same reference, with its stack.
      const logged = errors.mock.calls.filter((args) => String(args[0]).includes(`ref ${ref}`));
      expect(logged.length).toBeGreaterThanOrEqual(MAX_MUTATION_ATTEMPTS);
      expect(logged.some((args) => args[1] instanceof TypeError && String((args[1] as Error).stack).includes('push-faults'))).toBe(true);
    } finally {
      errors.mockRestore();
    }
  });

  it('is never counted, let alone set aside, while the database cannot be reached: an outage is no refusal', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const target = new URL(t.db.url);
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const cut = postgres(proxy.urlFor(t.db.url), { max: 2, onnotice: () => {} });
    // The database goes away while the mutation runs, and the mutation then fails in an
    // unexpected way; later pushes find the database unreachable from the start.
    const cutOff: MutationRunner = async (ctx, name, args) => {
      if ((args as { name?: string }).name === 'During The Outage') {
        proxy.cut();
        throw new TypeError('Cannot read properties of null');
      }
      return runServerMutation(ctx, name, args);
    };
    const { client, push } = deviceOf(cutOff, { ...t.deps, sql: cut });
    const batch = [create(client, 'During The Outage')];
    try {
      // The push ends with the outage, not the bug: the bug is not what stopped it.
      expect(isTransientDbError(await push(...batch).catch((e: unknown) => e))).toBe(true);
      // The device keeps retrying while the database is away (each time through a new pool).
      for (let i = 0; i < MAX_MUTATION_ATTEMPTS; i++) {
        const fresh = postgres(proxy.urlFor(t.db.url), { max: 1, onnotice: () => {} });
        const failure = await pushBatch({ ...t.deps, sql: fresh }, client, batch, cutOff).catch((e: unknown) => e);
        expect(isTransientDbError(failure)).toBe(true);
        await fresh.end({ timeout: 1 });
      }
    } finally {
      await cut.end({ timeout: 1 });
      await proxy.close();
      errors.mockRestore();
      warnings.mockRestore();
    }
    expect(await refusalsOf(client.clientID)).toEqual([]);
    expect(await t.sql`select * from mutation_failures where client_id = ${client.clientID}`).toEqual([]);
    expect(await lastMutationIdOf(client.clientID)).toBe(0);
    // Back online (and the bug fixed), the same mutation applies.
    await pushBatch(t.deps, client, batch);
    expect(await countNamed('During The Outage')).toBe(1);
  });

  it.each([
    ['a write on a read-only server (25006)', writeReadOnly],
    ['a cancelled statement (57014)', cancelled],
    ['a full disk (53100)', raise('53100')],
  ])('%s, on every try, is never counted: the change waits for the database, it is not refused', async (what, fault) => {
    const name = `Waits Out ${what}`;
    let outage = true;
    const run: MutationRunner = async (ctx, mutator, args) => {
      if (outage && (args as { name?: string }).name === name) await fault(ctx);
      return runServerMutation(ctx, mutator, args);
    };
    const { client, push } = deviceOf(run);
    const batch = [create(client, name)];
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      for (let i = 0; i <= MAX_MUTATION_ATTEMPTS; i++) {
        expect(isTransientDbError(await push(...batch).catch((e: unknown) => e))).toBe(true);
      }
    } finally {
      warnings.mockRestore();
    }
    expect(await t.sql`select * from mutation_failures where client_id = ${client.clientID}`).toEqual([]);
    expect(await refusalsOf(client.clientID)).toEqual([]);
    expect(await lastMutationIdOf(client.clientID)).toBe(0);
    outage = false;
    await push(...batch);
    expect(await countNamed(name)).toBe(1);
  });

  it('counts only errors that are clearly bugs: our code’s, and SQL that cannot work', async () => {
    const failureOf = (work: Promise<unknown>) => work.then(() => undefined, (e: unknown) => e);
    const errorOf = (query: string) => failureOf(t.sql.unsafe(query));
    const counted = async (error: unknown) => {
      const mutation = { clientID: randomUUID(), id: 1, name: 'createCustomer', args: {}, timestamp: 0 };
      const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
      try {
        return (await countMutationFailure(t.sql, mutation, error))?.attempts;
      } finally {
        errors.mockRestore();
      }
    };
    const bugs = [
      new TypeError('Cannot read properties of undefined'),
      await errorOf('select no_such_column from organisations'),
      await errorOf(`do $$ begin raise exception 'a bug'; end $$`),
      await errorOf(`select 1/0`),
      await errorOf(`select (select id from organisations union all select id from organisations)`),
    ];
    for (const bug of bugs) expect([String(bug), await counted(bug)]).toEqual([String(bug), 1]);
    const notBugs = [
      await failureOf(t.sql.begin('read only', (tx) => tx`update organisations set name = name`)),
      await errorOf('select pg_cancel_backend(pg_backend_pid())'),
      await errorOf(`do $$ begin raise exception 'disk full' using errcode = '53100'; end $$`),
      await errorOf(`do $$ begin raise exception 'I/O' using errcode = '58030'; end $$`),
    ];
    for (const outage of notBugs) expect([String(outage), await counted(outage)]).toEqual([String(outage), undefined]);
  });

  it('counts nothing while the database takes no writes (a standby, or read only)', async () => {
    const readOnly = postgres(t.db.url, { max: 1, onnotice: () => {}, connection: { default_transaction_read_only: true } });
    try {
      const mutation = { clientID: randomUUID(), id: 1, name: 'createCustomer', args: {}, timestamp: 0 };
      expect(await countMutationFailure(readOnly, mutation, new TypeError('boom'))).toBeUndefined();
    } finally {
      await readOnly.end();
    }
  });

  it('counts nothing when the database does not answer after the failure', async () => {
    const unreachable = postgres('postgres://postgres@127.0.0.1:1/none', { max: 1, onnotice: () => {} });
    try {
      const mutation = { clientID: randomUUID(), id: 1, name: 'createCustomer', args: {}, timestamp: 0 };
      expect(await countMutationFailure(unreachable, mutation, new TypeError('boom'))).toBeUndefined();
    } finally {
      await unreachable.end();
    }
  });
});
