import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MutationContext } from '../customers/mutation-context.js';
import { runServerMutation } from '../customers/server-mutators.js';
import type { Session } from '../http/app-env.js';
import type { MutationRunner } from './push-deps.js';
import { processPush } from './push.js';
import { MAX_MESSAGE_CHARS, MAX_SUMMARY_CHARS } from './record-rejection.js';
import { createOrganisation, createSessionFor, openSyncTestDb, type SyncTestDb } from './test-support/sync-fixtures.js';
import { directTransport, TestSyncClient } from './test-support/test-sync-client.js';

/**
 * A value nobody can store is a refusal the user sees, never an error that fails the
 * push on every retry and holds back every later change of the device.
 */

let t: SyncTestDb;
let orgId: string;
let operator: Session;
let viewer: Session;

beforeAll(async () => {
  t = await openSyncTestDb();
  orgId = await createOrganisation(t.sql);
  operator = await createSessionFor(t.sql, orgId, 'operator');
  viewer = await createSessionFor(t.sql, orgId, 'viewer');
});
afterAll(() => t.close());

const NUL_MESSAGE = 'Contains a control character (such as NUL) that cannot be stored';

/** A device whose pushes run `runMutation` (the server's own unless a test injects a fault). */
function deviceOf(session: Session, runMutation: MutationRunner = runServerMutation) {
  const client = new TestSyncClient(directTransport(t.deps, session));
  const push = (...mutations: ReturnType<typeof client.mutation>[]) =>
    processPush(t.deps, session, { pushVersion: 1, clientGroupID: client.clientGroupID, mutations, profileID: 'p', schemaVersion: '1' }, runMutation);
  return { client, push };
}

/** This device's refusals, in mutation order (a user's refusals reach all their devices). */
function refusalsOf(client: TestSyncClient) {
  return client.rejections().filter((r) => r.clientID === client.clientID).sort((a, b) => a.mutationID - b.mutationID);
}

async function creditOf(id: string): Promise<string | undefined> {
  const [row] = await t.sql<{ credit: string }[]>`select credit::text from customers where id = ${id}`;
  return row?.credit;
}

describe('values that cannot be stored', () => {
  it('a NUL in a name, notes or route is a refusal with a human message, and later changes apply', async () => {
    const { client, push } = deviceOf(operator);
    const id = randomUUID();
    const after = randomUUID();
    await push(
      client.mutation('createCustomer', { id: randomUUID(), name: 'Nul\u0000 Name Ltd', currency: 'EUR' }),
      client.mutation('createCustomer', { id, name: 'Nul Notes Ltd', currency: 'EUR' }),
      client.mutation('updateCustomer', { id, patch: { notes: 'line\u0000' } }),
      client.mutation('updateCustomer', { id, patch: { routes: [{ rateCard: 'Gold\u0000', techPrefix: '', enabled: true }] } }),
      client.mutation('createCustomer', { id: after, name: 'After The Nuls', currency: 'EUR' }),
    );
    await client.pullAll();
    expect(client.customer(after)?.name).toBe('After The Nuls');
    expect(client.lastMutationID).toBe(5);
    const refused = refusalsOf(client);
    expect(refused.map((r) => [r.mutationID, r.code])).toEqual([
      [1, 'invalid_input'],
      [3, 'invalid_input'],
      [4, 'invalid_input'],
    ]);
    expect(refused[0]).toMatchObject({ summary: 'Create customer “Nul  Name Ltd”', message: `Invalid customer: name: ${NUL_MESSAGE}` });
    expect(refused[1]!.message).toBe(`Invalid customer change: patch.notes: ${NUL_MESSAGE}`);
    expect(refused[2]!.message).toBe(`Invalid customer change: patch.routes.0.rateCard: ${NUL_MESSAGE}`);
  });

  it('a payment that would overflow the balance is refused, and the balance stays', async () => {
    const { client, push } = deviceOf(operator);
    const id = randomUUID();
    await push(
      client.mutation('createCustomer', { id, name: 'Rich Telecom', currency: 'EUR', credit: '999999999999.00' }),
      client.mutation('postBalanceEntry', { customerId: id, kind: 'payment', amount: '9999999999999999.9999', reason: 'Typo' }),
      client.mutation('postBalanceEntry', { customerId: id, kind: 'payment', amount: '5.00', reason: 'Wire' }),
      client.mutation('postBalanceEntry', { customerId: id, kind: 'adjustment', amount: '-10.00', reason: 'Correction' }),
    );
    expect(await creditOf(id)).toBe('999999999989.0000');
    await client.pullAll();
    expect(refusalsOf(client).map((r) => r.message)).toEqual([
      'Invalid balance entry: amount: At most 1,000,000,000,000 either way',
      'Rich Telecom: The balance would become 1000000000004.00, beyond the limit of 1,000,000,000,000 either way.',
    ]);
    expect(client.lastMutationID).toBe(4);
  });

  it('a value the database itself refuses inside a mutation is a refusal too (SQLSTATE class 22 and 23)', async () => {
    const id = randomUUID();
    // Faults injected inside the mutation: what a mutator bug or a new column rule would cause.
    const faulty: MutationRunner = async (ctx: MutationContext, name, args) => {
      const fault = (args as { fault?: string }).fault;
      if (fault === 'nul') await ctx.tx`update customers set name = ${'Bad\u0000Name'} where id = ${id}`;
      if (fault === 'overflow') await ctx.tx`update customers set credit = credit + 9999999999999999 where id = ${id}`;
      if (fault === 'duplicate') await ctx.tx`insert into organisations (id, name) values (${orgId}, 'again')`;
      return runServerMutation(ctx, name, args);
    };
    const { client, push } = deviceOf(operator, faulty);
    await push(
      client.mutation('createCustomer', { id, name: 'Refused By Postgres', currency: 'EUR', credit: '999999999999.00' }),
      client.rawMutation('updateCustomer', { id, patch: { channels: 1 }, fault: 'nul' }),
      client.rawMutation('updateCustomer', { id, patch: { channels: 2 }, fault: 'overflow' }),
      client.rawMutation('updateCustomer', { id, patch: { channels: 3 }, fault: 'duplicate' }),
      client.mutation('updateCustomer', { id, patch: { channels: 4 } }),
    );
    await client.pullAll();
    expect(client.customer(id)).toMatchObject({ name: 'Refused By Postgres', credit: '999999999999.00', channels: 4 });
    expect(refusalsOf(client).map((r) => [r.code, r.message])).toEqual([
      ['invalid_input', 'The server could not store this change. A text contains a character that cannot be stored (such as a NUL character).'],
      ['invalid_input', 'The server could not store this change. A number is too large to store.'],
      ['conflict', 'The server could not store this change. It would duplicate a value that must be unique.'],
    ]);
  });

  it('a viewer’s refused change is recorded even when its summary holds a NUL, in words, without a permission code', async () => {
    const { client, push } = deviceOf(viewer);
    await push(
      client.rawMutation('createCustomer', { id: randomUUID(), name: 'Evil\u0000Name', currency: 'EUR' }),
      client.rawMutation('updateCustomer', { id: randomUUID(), patch: { name: 'x'.repeat(5000) } }),
      client.rawMutation(`launch\u0000${'rockets'.repeat(100)}`, {}),
      client.rawMutation('createCustomer', { name: { toString: 1 } }),
    );
    await client.pullAll();
    expect(client.lastMutationID).toBe(4);
    const [nul, long, unknown, odd] = refusalsOf(client);
    expect(nul).toMatchObject({ code: 'forbidden', summary: 'Create customer “Evil Name”', message: 'Viewers cannot change customers.' });
    expect(long!.summary).toHaveLength(MAX_SUMMARY_CHARS);
    expect(long!.summary.endsWith('…')).toBe(true);
    expect(unknown!.summary.startsWith('Unknown change “launch rockets')).toBe(true);
    expect(unknown!.message.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
    expect(unknown!.mutator).not.toContain('\u0000');
    expect(odd!.summary).toBe('A change (createCustomer)');
  });
});
