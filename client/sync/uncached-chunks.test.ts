import 'fake-indexeddb/auto';
import type { KVStoreProvider, PatchOperation, Puller } from 'replicache';
import { ReplicacheImpl } from 'replicache/impl';
import { afterEach, describe, expect, it } from 'vitest';
import { splitCustomer, type CustomerDetails, type CustomerListRow } from '../../shared/customer-split.js';
import { makeCustomer } from '../../shared/test-fixtures.js';
import { customerKey, detailsKey } from '../../shared/keys.js';
import { makeClientMutators } from './client-mutators.js';
import { slicedIdbStore } from './sliced-idb-store.js';
import { uncachedChunk } from './uncached-chunks.js';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((x) => x.close()));
});

/** Forwards to `target`, with its methods bound to it (private fields need the real receiver). */
function forward<T extends object>(target: T, override: Partial<Record<keyof T, unknown>>): T {
  return new Proxy(target, {
    get(t, prop) {
      if (prop in override) return override[prop as keyof T];
      const value: unknown = Reflect.get(t, prop);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(t) : value;
    },
  });
}

/** The app's IndexedDB store, noting every key read from it. */
function countingStore(): { provider: KVStoreProvider; reads: string[] } {
  const inner = slicedIdbStore();
  const reads: string[] = [];
  const provider: KVStoreProvider = {
    drop: inner.drop,
    create(name) {
      const store = inner.create(name);
      return forward(store, {
        read: async () => {
          const read = await store.read();
          return forward(read, { get: (key: string) => (reads.push(key), read.get(key)) });
        },
      });
    },
  };
  return { provider, reads };
}

const ids = Array.from({ length: 300 }, (_, i) => `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`);

/** A server that answers the first pull with 300 customers, as a first sync does. */
const puller: Puller = async () => {
  const patch: PatchOperation[] = ids.flatMap((id, i) => {
    const { row, details } = splitCustomer(
      makeCustomer({ id, name: `Customer ${i}`, contacts: [{ name: 'NOC', type: 'noc', email: `noc${i}@example.net`, emailVerified: false, mobileVerified: false }] }),
    );
    return [
      { op: 'put', key: customerKey(id), value: row },
      { op: 'put', key: detailsKey(id), value: details },
    ] as PatchOperation[];
  });
  return { response: { cookie: 1, lastMutationIDChanges: {}, patch }, httpRequestInfo: { httpStatusCode: 200, errorMessage: '' } };
};

async function replicaWithCustomers() {
  const { provider, reads } = countingStore();
  const rep = new ReplicacheImpl(
    { name: `uncached-${Math.random()}`, kvStore: provider, mutators: makeClientMutators(() => 'admin'), logLevel: 'error', puller, uncachedChunk },
    { enableScheduledPersist: false },
  );
  open.push(rep);
  const synced = new Promise<void>((resolve) => rep.subscribe((tx) => tx.has(detailsKey(ids.at(-1)!)), (has) => has && resolve()));
  await rep.pull();
  await synced;
  await rep.persist();
  reads.length = 0;
  return { rep, reads };
}

describe('customers in the in-memory chunk cache', () => {
  it('keeps list rows in memory and reads details from IndexedDB every time a card needs them', async () => {
    const { rep, reads } = await replicaWithCustomers();
    const rows = await rep.query((tx) => Promise.all(ids.map((id) => tx.get(customerKey(id)))));
    expect(rows.every((r) => r !== undefined)).toBe(true);
    expect(reads).toEqual([]);

    const details = (await rep.query((tx) => tx.get(detailsKey(ids[250]!)))) as CustomerDetails;
    expect(details.contacts[0]?.email).toBe('noc250@example.net');
    const firstReads = reads.length;
    expect(firstReads).toBeGreaterThan(0);
    await rep.query((tx) => tx.get(detailsKey(ids[250]!)));
    expect(reads.length).toBeGreaterThan(firstReads);
  });

  it('a status change of every customer reads no details and leaves them and their counts as they were', async () => {
    const { rep, reads } = await replicaWithCustomers();
    const before = (await rep.query((tx) => tx.get(customerKey(ids[3]!)))) as CustomerListRow;
    await rep.mutate.setCustomerStatus({ ids, status: 'inactive' });
    await rep.mutate.bulkUpdateCustomers({ ids, patch: { channels: 12 } });
    expect(reads).toEqual([]);
    const after = (await rep.query((tx) => tx.get(customerKey(ids[3]!)))) as CustomerListRow;
    expect(after).toMatchObject({ status: 'inactive', channels: 12, counts: before.counts });
    const details = (await rep.query((tx) => tx.get(detailsKey(ids[3]!)))) as CustomerDetails;
    expect(details.contacts).toEqual([expect.objectContaining({ email: 'noc3@example.net' })]);
  });
});
