import { afterEach, describe, expect, it } from 'vitest';
import { Replicache } from 'replicache';
import type { Role } from '../../shared/auth.js';
import type { Customer } from '../../shared/customer.js';
import type { CustomerListRow } from '../../shared/customer-split.js';
import { bulkSnapshot } from '../../shared/customer-patch.js';
import { customerKey, DETAILS_PREFIX, detailsKey, notesKey } from '../../shared/keys.js';
import { makeClientMutators } from './client-mutators.js';

const A = '0b7a4c1e-6d2f-4f7a-9a51-2c1f5e8d9b01';
const B = '1c8b5d2f-7e3a-4a8b-8b62-3d2a6f9e0c12';
const open: Replicache<ReturnType<typeof makeClientMutators>>[] = [];

/** A real Replicache on an in-memory store with no server: the optimistic side alone. */
function localReplica(role: Role = 'operator') {
  const rep = new Replicache({ name: `test-${Math.random()}`, kvStore: 'mem', mutators: makeClientMutators(() => role), logLevel: 'error' });
  open.push(rep);
  return rep;
}

const get = (rep: Replicache, key: string) => rep.query((tx) => tx.get(key)) as Promise<unknown>;

afterEach(async () => {
  await Promise.all(open.splice(0).map((r) => r.close()));
});

describe('client mutators over Replicache', () => {
  it('create stores the slim row, the details and the notes under their own keys, never the SIP password', async () => {
    const rep = localReplica();
    await rep.mutate.createCustomer({ id: A, name: 'Acme', currency: 'usd', notes: 'VIP', sipUsers: [{ username: 'acme1', password: 'secret-password' }] });
    const c = (await get(rep, customerKey(A))) as CustomerListRow;
    expect(c).toMatchObject({ id: A, name: 'Acme', currency: 'USD', counts: { sipUsers: 1, ips: 0, contacts: 0 } });
    expect(c).not.toHaveProperty('sipUsers');
    expect(await get(rep, detailsKey(A))).toEqual({ contacts: [], ipAuth: [], sipUsers: [{ username: 'acme1', channels: 0, cps: 0 }], routes: [] });
    expect(await get(rep, notesKey(A))).toEqual({ text: 'VIP' });
    const everything = JSON.stringify(await rep.query((tx) => tx.scan().entries().toArray()));
    expect(everything).not.toContain('secret-password');
  });

  it('a bulk change rewrites list rows only; an edit of the lists rewrites the details and their counts', async () => {
    const rep = localReplica();
    await rep.mutate.createCustomer({ id: A, name: 'Acme', currency: 'USD', ipAuth: [{ ip: '192.0.2.10' }] });
    await rep.mutate.createCustomer({ id: B, name: 'Beta', currency: 'EUR' });
    const detailWrites: string[] = [];
    rep.experimentalWatch((diff) => detailWrites.push(...diff.map((op) => op.key)), { prefix: DETAILS_PREFIX });

    await rep.mutate.bulkUpdateCustomers({ ids: [A, B], patch: { status: 'inactive', tags: { mode: 'add', values: ['late'] } } });
    await rep.mutate.updateCustomer({ id: A, patch: { name: 'Acme Telecom' } });
    expect(detailWrites).toEqual([]);
    expect(((await get(rep, customerKey(A))) as CustomerListRow).counts).toMatchObject({ ips: 1, enabledRoutes: 0 });

    await rep.mutate.updateCustomer({ id: A, patch: { routes: [{ rateCard: 'Gold' }], ipAuth: [] } });
    expect(detailWrites).toEqual([detailsKey(A)]);
    expect(((await get(rep, customerKey(A))) as CustomerListRow).counts).toMatchObject({ ips: 0, enabledRoutes: 1 });
  });

  it('an invalid change throws and leaves nothing behind', async () => {
    const rep = localReplica();
    await expect(rep.mutate.createCustomer({ id: A, name: '', currency: 'USD' })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await get(rep, customerKey(A))).toBeUndefined();
    expect(await rep.experimentalPendingMutations()).toHaveLength(0);
  });

  it('a viewer cannot change anything, even locally', async () => {
    const rep = localReplica('viewer');
    await expect(rep.mutate.createCustomer({ id: A, name: 'Acme', currency: 'USD' })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('bulk edit, undo, delete and restore work on the local replica and queue for the server', async () => {
    const rep = localReplica();
    await rep.mutate.createCustomer({ id: A, name: 'Acme', currency: 'USD' });
    await rep.mutate.createCustomer({ id: B, name: 'Beta', currency: 'EUR', tags: ['x'] });
    const snapshots = await Promise.all(
      [A, B].map(async (id) => ({ id, snapshot: bulkSnapshot((await get(rep, customerKey(id))) as Customer) })),
    );

    await rep.mutate.bulkUpdateCustomers({ ids: [A, B], patch: { status: 'inactive', channels: 5, tags: { mode: 'add', values: ['late'] } } });
    expect(((await get(rep, customerKey(B))) as Customer).tags).toEqual(['x', 'late']);
    expect(((await get(rep, customerKey(A))) as Customer).status).toBe('inactive');

    await rep.mutate.restoreBulkSnapshots({ entries: snapshots });
    expect(((await get(rep, customerKey(A))) as Customer)).toMatchObject({ status: 'active', channels: 0 });
    expect(((await get(rep, customerKey(B))) as Customer).tags).toEqual(['x']);

    await rep.mutate.deleteCustomers({ ids: [A] });
    expect(((await get(rep, customerKey(A))) as Customer).deletedAt).toBeDefined();
    await rep.mutate.restoreCustomers({ ids: [A] });
    expect(((await get(rep, customerKey(A))) as Customer).deletedAt).toBeUndefined();

    const pending = await rep.experimentalPendingMutations();
    expect(pending.map((m) => m.name)).toEqual([
      'createCustomer',
      'createCustomer',
      'bulkUpdateCustomers',
      'restoreBulkSnapshots',
      'deleteCustomers',
      'restoreCustomers',
    ]);
  });
});
