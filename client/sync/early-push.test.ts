import { Replicache } from 'replicache';
import { afterEach, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/auth.js';
import type { PushMutation } from '../../shared/sync-protocol.js';
import { makeClientMutators } from './client-mutators.js';
import { EARLY_PUSH_MIN_ROWS, makeEarlyPush } from './early-push.js';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((r) => r.close()));
});

/** A replica whose early pushes are recorded, each with whether the local run had ended when it was sent. */
function replica(role: Role = 'operator') {
  const sent: { mutation: PushMutation; localRunDone: boolean }[] = [];
  let localRunDone = false;
  const early = makeEarlyPush(async (mutation) => void sent.push({ mutation, localRunDone }), () => role);
  const rep = new Replicache({ name: `early-${Math.random()}`, kvStore: 'mem', mutators: makeClientMutators(() => role, early), logLevel: 'error' });
  open.push(rep);
  const mutate = async (run: () => Promise<void>) => {
    localRunDone = false;
    await run();
    localRunDone = true;
  };
  return { rep, sent, mutate };
}

const uuids = (n: number) => Array.from({ length: n }, () => crypto.randomUUID());

describe('early push', () => {
  it('sends a large bulk change as its local run starts, under the id Replicache gives it', async () => {
    const { rep, sent, mutate } = replica();
    const args = { ids: uuids(EARLY_PUSH_MIN_ROWS), status: 'inactive' as const };
    await mutate(() => rep.mutate.setCustomerStatus(args));
    const [pending] = await rep.experimentalPendingMutations();
    expect(sent).toEqual([{ mutation: { clientID: rep.clientID, id: pending!.id, name: 'setCustomerStatus', args, timestamp: expect.any(Number) }, localRunDone: false }]);
  });

  it('leaves small changes, changes the device would refuse and other mutators to the usual push', async () => {
    const operator = replica();
    await operator.rep.mutate.setCustomerStatus({ ids: uuids(EARLY_PUSH_MIN_ROWS - 1), status: 'inactive' });
    await operator.rep.mutate.setCustomerStatus({ ids: [...uuids(EARLY_PUSH_MIN_ROWS), 'not-a-uuid'], status: 'inactive' }).catch(() => {});
    await operator.rep.mutate.dismissRejections({ ids: uuids(EARLY_PUSH_MIN_ROWS) });
    expect(operator.sent).toEqual([]);

    const viewer = replica('viewer');
    await viewer.rep.mutate.setCustomerStatus({ ids: uuids(EARLY_PUSH_MIN_ROWS), status: 'inactive' }).catch(() => {});
    expect(viewer.sent).toEqual([]);
  });

  it('counts the customers of an undo across its groups', async () => {
    const { rep, sent } = replica();
    const half = EARLY_PUSH_MIN_ROWS / 2;
    await rep.mutate.restoreBulkSnapshots({ groups: [{ ids: uuids(half), snapshot: { status: 'active' } }, { ids: uuids(half), snapshot: { status: 'inactive' } }] });
    expect(sent.map((s) => s.mutation.name)).toEqual(['restoreBulkSnapshots']);
  });
});
