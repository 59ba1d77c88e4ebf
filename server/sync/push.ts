import { isAppError } from '../../shared/errors.js';
import type { PushMutation, PushRequest } from '../../shared/sync-protocol.js';
import { runServerMutation } from '../customers/server-mutators.js';
import { isTransientDbError, sqlState } from '../db/db-errors.js';
import { retryTransient } from '../db/retry-transient.js';
import type { Session } from '../http/app-env.js';
import { AfterCommitQueue } from './after-commit.js';
import { claimClientGroup, refuseForeignClients } from './client-groups.js';
import { countMutationFailure, setAsideRefusal } from './mutation-failures.js';
import { processMutation } from './mutation-transaction.js';
import type { MutationRunner, PushDeps } from './push-deps.js';

/**
 * Replicache push, following https://doc.replicache.dev/reference/server-push to the
 * letter. Each mutation runs in its own transaction, serialised per organisation by
 * the lock on its row, which also hands out the space versions.
 *
 * No error stops a device for ever: transient database errors are retried here (and
 * the device retries the push), refusals are recorded and the queue moves on, and a
 * mutation that keeps failing unexpectedly is set aside after a few tries.
 */
export async function processPush(
  deps: PushDeps,
  session: Session,
  push: PushRequest,
  runMutation: MutationRunner = runServerMutation,
): Promise<void> {
  // The user comes from the session. Create the client group on first sight; refuse the
  // whole push, applying nothing, if it (or one of its clients) is another's.
  await retryTransient(async () => {
    await claimClientGroup(deps.sql, push.clientGroupID, session);
    await refuseForeignClients(deps.sql, push.clientGroupID, push.mutations.map((m) => m.clientID));
  });

  const effects = new AfterCommitQueue();
  let committed = 0;
  try {
    for (const mutation of push.mutations) {
      if (await pushMutation(deps, session, push.clientGroupID, mutation, effects, runMutation)) committed++;
    }
  } finally {
    // After the commits (also those before a mutation that stopped the batch): one poke
    // for the organisation, and only then the side effects of committed mutations.
    if (committed > 0) {
      await deps.pokes.publish(session.organisationId).catch((e: unknown) => console.error('Poke failed', e));
      await effects.run();
    }
  }
}

/**
 * One mutation, tried again on transient errors. Returns true when it may have committed
 * (applied or refused): a try that failed may have hidden its commit, and the retry then
 * skips it, but the other devices still need their poke.
 */
async function pushMutation(
  deps: PushDeps,
  session: Session,
  clientGroupID: string,
  mutation: PushMutation,
  effects: AfterCommitQueue,
  runMutation: MutationRunner,
): Promise<boolean> {
  let retried = false;
  const tryWith = (run: MutationRunner) =>
    retryTransient(() => processMutation(deps, session, clientGroupID, mutation, effects, run), {
      onRetry: (error, attempt) => {
        retried = true;
        console.warn(`Push: mutation ${mutation.id} of client ${mutation.clientID} hit ${describeTransient(error)}; try ${attempt + 1}`);
      },
    });
  try {
    const outcome = await tryWith(runMutation);
    return outcome !== 'skipped' || retried;
  } catch (error) {
    if (isAppError(error) || isTransientDbError(error)) throw error;
    const failure = await countMutationFailure(deps.sql, mutation, error);
    if (!failure?.setAside) throw error;
    console.error(`Push: mutation ${mutation.id} of client ${mutation.clientID} set aside as refused, ref ${failure.ref}`);
    const outcome = await tryWith(() => Promise.reject(setAsideRefusal(failure.ref)));
    return outcome !== 'skipped' || retried;
  }
}

function describeTransient(error: unknown): string {
  return sqlState(error) ?? String((error as { code?: unknown } | null)?.code ?? error);
}
