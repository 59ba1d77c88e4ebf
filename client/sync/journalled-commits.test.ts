import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { Replicache } from 'replicache';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Customer } from '../../shared/customer.js';
import { customerKey } from '../../shared/keys.js';
import { intentOf } from '../../shared/mutator-args.js';
import { DeviceDb } from '../device/device-db.js';
import { makeClientMutators } from './client-mutators.js';
import { JournalledCommits } from './journalled-commits.js';
import { MutationJournal } from './mutation-journal.js';
import type { TrunklineReplicache } from './sync-context.js';

const A = '0b7a4c1e-6d2f-4f7a-9a51-2c1f5e8d9b01';
const open: { close(): unknown }[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((x) => x.close()));
});

function device(): DeviceDb {
  const db = new DeviceDb(`device-${Math.random()}`);
  open.push(db);
  return db;
}

/**
 * One tab over the device's journal (which survives it). Its replica starts from
 * `persisted`: what an earlier tab's replica had stored (here: made again directly).
 */
async function tab(db: DeviceDb, persisted: (rep: TrunklineReplicache) => Promise<void> = async () => {}) {
  const rep = new Replicache({ name: `tab-${Math.random()}`, kvStore: 'mem', mutators: makeClientMutators(() => 'operator'), logLevel: 'error' });
  open.push(rep);
  const replica = rep as unknown as TrunklineReplicache;
  await persisted(replica);
  const journal = new MutationJournal(db.journal, 'user-1');
  return { rep: replica, journal, commits: new JournalledCommits(replica, journal, () => replica.persist()) };
}

const withCustomer = async (rep: TrunklineReplicache) => void (await rep.mutate.createCustomer({ id: A, name: 'Acme', currency: 'EUR' }));
const creditOf = async (rep: TrunklineReplicache) => ((await rep.query((tx) => tx.get(customerKey(A)))) as Customer | undefined)?.credit;
const pay = (amount: number) => ({ customerId: A, kind: 'payment' as const, amount: String(amount), reason: `pay ${amount}` });
const pendingIntents = async (rep: TrunklineReplicache) => (await rep.experimentalPendingMutations()).map((m) => intentOf(m.args)).filter(Boolean);

describe('journalled commits', () => {
  it('journal each change under a fresh intent id that the pending mutation carries too', async () => {
    const { commits, journal, rep } = await tab(device(), withCustomer);
    await commits.save('postBalanceEntry', pay(5));
    await commits.save('postBalanceEntry', pay(7));
    const entries = await journal.entries();
    expect(entries.map((e) => e.name)).toEqual(['postBalanceEntry', 'postBalanceEntry']);
    expect(new Set(entries.map((e) => e.intent)).size).toBe(2);
    expect(entries.every((e) => intentOf(e.args) === e.intent)).toBe(true);
    expect(await pendingIntents(rep)).toEqual(expect.arrayContaining(entries.map((e) => e.intent)));
  });

  it('leave no entry for a change the device refuses', async () => {
    const { commits, journal } = await tab(device(), withCustomer);
    await expect(commits.save('createCustomer', { id: A, name: 'Acme', currency: 'EUR' })).rejects.toMatchObject({ code: 'conflict' });
    expect(await journal.entries()).toEqual([]);
  });

  it('write the entry only once `beforeJournal` lets it (after the preview is painted), and resolve only after it is written', async () => {
    const { commits, journal, rep } = await tab(device(), withCustomer);
    let painted!: () => void;
    const paint = new Promise<void>((r) => (painted = r));
    let saved = false;
    const saving = commits.save('postBalanceEntry', pay(5), { beforeJournal: () => paint }).then(() => (saved = true));
    // The replica commits meanwhile; the journal has nothing yet and the caller has not heard "saved".
    await vi.waitFor(async () => expect(await creditOf(rep)).toBe('5.00'));
    expect(await journal.entries()).toEqual([]);
    expect(saved).toBe(false);
    painted();
    await saving;
    expect((await journal.entries()).map((e) => e.name)).toEqual(['postBalanceEntry']);
  });

  it('store the replica itself when the journal cannot be written', async () => {
    const { rep, journal } = await tab(device(), withCustomer);
    let persisted = 0;
    const failing = Object.assign(Object.create(journal) as MutationJournal, { record: () => Promise.reject(new Error('QuotaExceededError')) });
    const commits = new JournalledCommits(rep, failing, async () => void persisted++);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await commits.save('postBalanceEntry', pay(5));
    warn.mockRestore();
    expect(persisted).toBe(1);
    expect(await creditOf(rep)).toBe('5.00');
  });

  it('forget what a persist covered, and only that', async () => {
    const { commits, journal } = await tab(device(), withCustomer);
    await commits.save('postBalanceEntry', pay(5));
    const covered = commits.persistStarting();
    await commits.save('postBalanceEntry', pay(7));
    await commits.persisted(covered);
    expect((await journal.entries()).map((e) => (e.args as { amount: string }).amount)).toEqual(['7']);
  });

  it('make lost changes again once, in order, and let go of the ones the replica held', async () => {
    const db = device();
    const first = await tab(db, withCustomer);
    await first.commits.save('postBalanceEntry', pay(5));
    await first.commits.save('postBalanceEntry', pay(7));
    const [kept, lost] = await first.journal.entries();
    // The tab dies; its replica had persisted the first payment only.
    const second = await tab(db, async (rep) => {
      await withCustomer(rep);
      await rep.mutate.postBalanceEntry(kept!.args as ReturnType<typeof pay>);
    });
    expect(await second.commits.replay({ settled: false })).toBe(1);
    expect(await creditOf(second.rep)).toBe('12.00');
    expect(await pendingIntents(second.rep)).toEqual([kept!.intent, lost!.intent]);
    expect((await second.journal.entries()).map((e) => e.intent)).toEqual([lost!.intent]);
    // Asked again (after the first complete pull), it makes nothing twice.
    expect(await second.commits.replay({ settled: true })).toBe(0);
    expect(await creditOf(second.rep)).toBe('12.00');
  });

  it('keep a change the device cannot make yet, and drop it once a complete pull still refuses it', async () => {
    const db = device();
    const first = await tab(db, withCustomer);
    await first.commits.save('postBalanceEntry', pay(5));
    const second = await tab(db);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await second.commits.replay({ settled: false })).toBe(0);
    expect(await second.journal.entries()).toHaveLength(1);
    expect(await second.commits.replay({ settled: true })).toBe(0);
    expect(await second.journal.entries()).toEqual([]);
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([expect.stringContaining('not be made again yet'), expect.stringContaining('dropped')]);
    warn.mockRestore();
  });

  it('after any run of payments, persists and crashes, the live replica holds each payment exactly once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.integer({ min: 1, max: 500 }), fc.constant('crash' as const), fc.constant('persist' as const)), { maxLength: 12 }), async (steps) => {
        const db = device();
        // What the replicas persisted between them: each crash starts from it.
        const persisted: unknown[] = [];
        const fromPersisted = async (rep: TrunklineReplicache) => {
          await withCustomer(rep);
          for (const args of persisted) await rep.mutate.postBalanceEntry(args as ReturnType<typeof pay>);
        };
        let current = await tab(db, fromPersisted);
        let total = 0;
        for (const step of steps) {
          if (step === 'crash') {
            current = await tab(db, fromPersisted);
            await current.commits.replay({ settled: true });
          } else if (step === 'persist') {
            const covered = new Set(current.commits.persistStarting());
            const pending = await current.rep.experimentalPendingMutations();
            for (const m of pending) if (covered.has(intentOf(m.args)!)) persisted.push(m.args);
            await current.commits.persisted([...covered]);
          } else {
            await current.commits.save('postBalanceEntry', pay(step));
            total += step;
          }
        }
        expect(Number(await creditOf(current.rep))).toBe(total);
        const intents = await pendingIntents(current.rep);
        expect(new Set(intents).size).toBe(intents.length);
      }),
      { numRuns: 40 },
    );
  });
});
