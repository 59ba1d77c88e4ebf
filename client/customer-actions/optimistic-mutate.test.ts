import { describe, expect, it } from 'vitest';
import type { ExperimentalNoIndexDiff } from 'replicache';
import type { Customer } from '../../shared/customer.js';
import { AppError } from '../../shared/errors.js';
import type { MutateOptions, SyncApi } from '../sync/sync-context.js';
import { CustomerIndex } from '../customer-index/customer-index.js';
import { syncedEntries } from '../customer-index/customer-index-test-store.js';
import { testCustomer } from '../customer-index/customer-test-rows.js';
import { optimisticMutate, previewMutation } from './optimistic-mutate.js';

function loadedIndex(customers: Customer[]): CustomerIndex {
  const index = new CustomerIndex({ schedule: () => () => {} });
  index.applyDiff(customers.flatMap((c) => syncedEntries(c).map(({ key, value }): ExperimentalNoIndexDiff[number] => ({ op: 'add', key, newValue: value }))));
  return index;
}

/** A sync whose mutate waits until the test commits or fails it; `called` resolves with those controls. */
function controlledSync(role: SyncApi['role'] = 'operator') {
  type Settle = { commit: () => void; fail: (e: Error) => void };
  let called!: (s: Settle) => void;
  const calledP = new Promise<Settle>((r) => (called = r));
  const mutate: SyncApi['mutate'] = async (_name, _args, options?: MutateOptions) => {
    await options?.beforeCommit?.();
    return new Promise<void>((resolve, reject) => {
      called({
        commit: () => {
          options?.onCommitted?.();
          resolve();
        },
        fail: reject,
      });
    });
  };
  return { sync: { mutate, role }, called: calledP };
}

/** A `paint` that tells the test when the preview is in the index, about to be painted. */
function paintSignal() {
  let painted!: () => void;
  const shown = new Promise<void>((r) => (painted = r));
  return { shown, paint: async () => painted() };
}
const ids = (n: number) => Array.from({ length: n }, (_, i) => testCustomer(i).id);
const statusOf = (index: CustomerIndex, n: number) => index.getSnapshot().get(testCustomer(n).id)?.customer.status;

describe('optimisticMutate', () => {
  it('shows a bulk edit in the index before Replicache has run it, and gives way once it is committed', async () => {
    const index = loadedIndex(Array.from({ length: 5 }, (_, i) => testCustomer(i)));
    const { sync, called } = controlledSync();
    const { shown, paint } = paintSignal();
    const done = optimisticMutate(index, sync, paint)('bulkUpdateCustomers', { ids: ids(3), patch: { status: 'inactive' } });
    await shown;
    expect([0, 1, 2, 3].map((n) => statusOf(index, n))).toEqual(['inactive', 'inactive', 'inactive', 'active']);
    // Replicache's own diff has not arrived: after the commit the stored rows (still active here) come back.
    (await called).commit();
    await done;
    expect(index.get(testCustomer(0).id)?.customer.status).toBe('active');
  });

  it('takes the preview back when the mutation fails, and passes the error on', async () => {
    const index = loadedIndex([testCustomer(0)]);
    const { sync, called } = controlledSync();
    const { shown, paint } = paintSignal();
    const done = optimisticMutate(index, sync, paint)('setCustomerStatus', { ids: [testCustomer(0).id], status: 'inactive' });
    await shown;
    expect(index.get(testCustomer(0).id)?.customer.status).toBe('inactive');
    (await called).fail(new AppError('forbidden', 'No'));
    await expect(done).rejects.toThrow('No');
    expect(index.get(testCustomer(0).id)?.customer.status).toBe('active');
  });
  it('tells the caller the change shows as soon as its preview is in the index, before the commit', async () => {
    const index = loadedIndex([testCustomer(0)]);
    const { sync, called } = controlledSync();
    const events: string[] = [];
    const done = optimisticMutate(index, sync, async () => void events.push('painting'))(
      'updateCustomer',
      { id: testCustomer(0).id, patch: { channels: 7 } },
      { onShown: () => events.push(`shown ${index.get(testCustomer(0).id)?.customer.channels}`), onCommitted: () => events.push('committed') },
    );
    (await called).commit();
    await done;
    expect(events).toEqual(['shown 7', 'painting', 'committed']);
  });

  it('tells it at the commit when there is nothing to preview, and never for a change the device refuses', async () => {
    const index = loadedIndex([testCustomer(0)]);
    const shown: string[] = [];
    const quiet = controlledSync();
    const dismiss = optimisticMutate(index, quiet.sync)('dismissRejections', { ids: [crypto.randomUUID()] }, { onShown: () => shown.push('dismiss') });
    expect(shown).toEqual([]);
    (await quiet.called).commit();
    await dismiss;
    expect(shown).toEqual(['dismiss']);

    const refusing = controlledSync('viewer');
    const refused = optimisticMutate(index, refusing.sync)('setCustomerStatus', { ids: [testCustomer(0).id], status: 'inactive' }, { onShown: () => shown.push('status') });
    (await refusing.called).fail(new AppError('forbidden', 'Viewers cannot change customers'));
    await expect(refused).rejects.toThrow('Viewers');
    expect(shown).toEqual(['dismiss']);
  });
});

describe('previewMutation', () => {
  it('computes what the shared mutator would write, without touching the store', async () => {
    const index = loadedIndex([testCustomer(0), testCustomer(1)]);
    const written = await previewMutation(index, 'operator', 'bulkUpdateCustomers', { ids: ids(2), patch: { tags: { mode: 'set', values: ['vip'] } } });
    expect(written?.map((c) => c.tags)).toEqual([['vip'], ['vip']]);
    expect(index.get(testCustomer(0).id)?.customer.tags).toEqual(testCustomer(0).tags);
  });

  it('is null when the mutator would refuse, so nothing false is shown', async () => {
    const index = loadedIndex([testCustomer(0)]);
    expect(await previewMutation(index, 'viewer', 'bulkUpdateCustomers', { ids: ids(1), patch: { status: 'inactive' } })).toBeNull();
    expect(await previewMutation(index, 'operator', 'bulkUpdateCustomers', { ids: ids(1), patch: { channels: -4 } })).toBeNull();
  });
});

describe('optimisticMutate with rows on screen', () => {
  it('shows the rows on screen in the first frame, then every row before Replicache runs the change', async () => {
    const index = loadedIndex(Array.from({ length: 6 }, (_, i) => testCustomer(i)));
    const { sync, called } = controlledSync();
    const frames: (string | undefined)[][] = [];
    const paint = async () => void frames.push([0, 1, 2, 3, 4, 5].map((n) => statusOf(index, n)));
    const onScreen = () => [testCustomer(1).id, testCustomer(5).id];
    const shownAt: number[] = [];
    const done = optimisticMutate(index, sync, paint, onScreen)('setCustomerStatus', { ids: ids(4), status: 'inactive' }, { onShown: () => shownAt.push(frames.length) });
    const { commit } = await called;
    expect(shownAt).toEqual([0]);
    expect(frames).toEqual([
      ['active', 'inactive', 'active', 'active', 'active', 'active'],
      ['inactive', 'inactive', 'inactive', 'inactive', 'active', 'active'],
    ]);
    commit();
    await done;
    expect(statusOf(index, 1)).toBe('active');
  });

  it('shows the whole change at once when every row it touches is on screen', async () => {
    const index = loadedIndex(Array.from({ length: 3 }, (_, i) => testCustomer(i)));
    const { sync, called } = controlledSync();
    const frames: (string | undefined)[][] = [];
    const paint = async () => void frames.push([0, 1, 2].map((n) => statusOf(index, n)));
    const done = optimisticMutate(index, sync, paint, () => ids(3))('setCustomerStatus', { ids: ids(2), status: 'inactive' });
    (await called).commit();
    await done;
    expect(frames).toEqual([['inactive', 'inactive', 'active']]);
  });

  it('tells the caller in the same task as the preview reaches the index, so one render shows the rows and closes the dialog', async () => {
    const index = loadedIndex(Array.from({ length: 3 }, (_, i) => testCustomer(i)));
    const { sync, called } = controlledSync();
    let shown = false;
    const seenByRender: boolean[] = [];
    // React renders in a microtask queued when the index notifies: by then the caller must have been told.
    index.subscribe(() => queueMicrotask(() => seenByRender.push(shown)));
    const done = optimisticMutate(index, sync, async () => {}, () => ids(1))('setCustomerStatus', { ids: ids(3), status: 'inactive' }, { onShown: () => (shown = true) });
    (await called).commit();
    await done;
    expect(seenByRender[0]).toBe(true);
  });
});
