import 'fake-indexeddb/auto';
import type { KVStoreProvider } from 'replicache';
import { ReplicacheImpl } from 'replicache/impl';
import { afterEach, describe, expect, it } from 'vitest';
import type { Customer } from '../../shared/customer.js';
import { CUSTOMER_PREFIX } from '../../shared/keys.js';
import { makeClientMutators } from './client-mutators.js';
import { slicedIdbStore } from './sliced-idb-store.js';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((x) => x.close()));
});

function replica(name: string, kvStore: 'idb' | KVStoreProvider) {
  const rep = new ReplicacheImpl({ name, kvStore, mutators: makeClientMutators(() => 'admin'), logLevel: 'error' });
  open.push(rep);
  return rep;
}

async function createCustomers(rep: ReturnType<typeof replica>, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await rep.mutate.createCustomer({ id: crypto.randomUUID(), name: `Customer ${i}`, currency: 'EUR' });
  }
}

const namesIn = (rep: ReturnType<typeof replica>) =>
  rep.query(async (tx) => ((await tx.scan({ prefix: CUSTOMER_PREFIX }).values().toArray()) as unknown as Customer[]).map((c) => c.name).sort());

/** Counts the synchronous bursts in which `put` is called: a burst ends with the code that runs it. */
function countPutBursts(): { bursts: () => number; restore: () => void } {
  const original = IDBObjectStore.prototype.put;
  let bursts = 0;
  let inBurst = false;
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    if (!inBurst) {
      inBurst = true;
      bursts++;
      queueMicrotask(() => (inBurst = false));
    }
    return original.apply(this, args);
  };
  return { bursts: () => bursts, restore: () => void (IDBObjectStore.prototype.put = original) };
}

async function writeEntries(provider: KVStoreProvider, name: string, entries: [string, unknown][]): Promise<void> {
  const store = provider.create(name);
  open.push(store);
  const w = await store.write();
  for (const [k, v] of entries) await w.put(k, v as never);
  try {
    await w.commit();
  } finally {
    w.release();
  }
}

describe('sliced IndexedDB store', () => {
  it('keep what Replicache persisted with its own store, and the other way round', async () => {
    const a = `sliced-${Math.random()}`;
    const ours = replica(a, slicedIdbStore(0));
    await createCustomers(ours, 30);
    await ours.persist();
    await ours.close();
    open.length = 0;
    expect(await namesIn(replica(a, 'idb'))).toHaveLength(30);

    const b = `builtin-${Math.random()}`;
    const builtin = replica(b, 'idb');
    await createCustomers(builtin, 12);
    await builtin.persist();
    await builtin.close();
    open.length = 0;
    const reopened = replica(b, slicedIdbStore(0));
    expect(await namesIn(reopened)).toEqual(Array.from({ length: 12 }, (_, i) => `Customer ${i}`).sort());
  });

  it('write a large commit in many short bursts instead of one', async () => {
    const entries = Array.from({ length: 200 }, (_, i): [string, unknown] => [`k${i}`, { n: i, text: 'x'.repeat(200) }]);
    const counter = countPutBursts();
    try {
      await writeEntries(slicedIdbStore(0), `bursts-${Math.random()}`, entries);
    } finally {
      counter.restore();
    }
    // A zero budget issues one put per slice.
    expect(counter.bursts()).toBe(200);
  });

  it('commit all or nothing: a value that cannot be stored leaves none of the others', async () => {
    const name = `atomic-${Math.random()}`;
    const provider = slicedIdbStore(0);
    const entries = Array.from({ length: 20 }, (_, i): [string, unknown] => [`k${i}`, i]);
    entries.push(['bad', { fn: () => 1 }]);
    await expect(writeEntries(provider, name, entries)).rejects.toBeDefined();
    const store = provider.create(name);
    open.push(store);
    const r = await store.read();
    expect(await Promise.all(['k0', 'k19', 'bad'].map((k) => r.has(k)))).toEqual([false, false, false]);
    r.release();
  });

  it('let a write read its own buffered puts and deletes before the commit', async () => {
    const provider = slicedIdbStore();
    const name = `buffer-${Math.random()}`;
    await writeEntries(provider, name, [['kept', 1], ['gone', 2]]);
    const store = provider.create(name);
    open.push(store);
    const w = await store.write();
    await w.put('new', 3);
    await w.del('gone');
    expect([await w.get('new'), await w.has('gone'), await w.get('kept')]).toEqual([3, false, 1]);
    await w.commit();
    w.release();
    const r = await store.read();
    expect([await r.get('new'), await r.has('gone'), await r.get('kept')]).toEqual([3, false, 1]);
    r.release();
  });
});
