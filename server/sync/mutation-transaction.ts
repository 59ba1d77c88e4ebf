import { AppError } from '../../shared/errors.js';
import { intentOf } from '../../shared/mutator-args.js';
import type { PushMutation } from '../../shared/sync-protocol.js';
import type { MutationContext } from '../customers/mutation-context.js';
import type { Session } from '../http/app-env.js';
import { AfterCommitQueue } from './after-commit.js';
import { foreignClientError } from './client-groups.js';
import { claimIntent } from './applied-intents.js';
import type { MutationRunner, PushDeps } from './push-deps.js';
import { recordRejection, refusalOf } from './record-rejection.js';

/** What one mutation's transaction did. */
export type MutationOutcome = 'applied' | 'refused' | 'skipped';

/**
 * Processes one mutation in its own transaction, following
 * https://doc.replicache.dev/reference/server-push. Safe to run again after any failure,
 * even one that hid a commit: a mutation already processed is skipped.
 */
export async function processMutation(
  deps: PushDeps,
  session: Session,
  clientGroupID: string,
  mutation: PushMutation,
  batchEffects: AfterCommitQueue,
  runMutation: MutationRunner,
): Promise<MutationOutcome> {
  const effects = new AfterCommitQueue();
  // One transaction per mutation. Locking the organisation row serialises the version
  // bumps of concurrent pushes: next version = version + 1.
  const outcome = await deps.sql.begin(async (tx): Promise<MutationOutcome> => {
    const [org] = await tx<{ version: string }[]>`
      select version from organisations where id = ${session.organisationId} for update`;
    if (!org) throw new Error(`Organisation ${session.organisationId} is missing`);
    const version = Number(org.version) + 1;

    // The client's last mutation id (a new client starts at 0). Already processed: skip,
    // so a replayed batch changes nothing. From the future: stop the batch.
    const [client] = await tx<{ client_group_id: string; last_mutation_id: string }[]>`
      select client_group_id, last_mutation_id from replicache_clients where id = ${mutation.clientID}`;
    if (client && client.client_group_id !== clientGroupID) throw foreignClientError();
    const lastMutationID = client ? Number(client.last_mutation_id) : 0;
    const intent = intentOf(mutation.args);
    // Processed already (or a copy with its intent was): skip. An id at or below the last
    // one whose change is still unknown here lost its id to an early copy of a change the
    // device then did not make (early-push.ts): it is applied, once, by its intent.
    const takenId = mutation.id <= lastMutationID;
    if (takenId && (intent === undefined || !(await claimIntent(tx, session.user.id, intent)))) return 'skipped';
    if (mutation.id > lastMutationID + 1) {
      throw new AppError(
        'mutation_from_future',
        `Mutation ${mutation.id} of client ${mutation.clientID} arrived before ${lastMutationID + 1}.`,
      );
    }

    // The mutator runs inside a savepoint. A refusal (AppError, or a value the database
    // refused) rolls back to it and is recorded for the user, and the mutation still
    // counts as processed. Any other error aborts this transaction; push decides whether
    // to try again.
    const ctx: MutationContext = {
      tx,
      organisationId: session.organisationId,
      userId: session.user.id,
      role: session.user.role,
      version,
      now: deps.now().toISOString(),
      sipRealm: deps.config.sipRealm,
      afterCommit: effects.afterCommit,
    };
    let result: MutationOutcome = 'applied';
    // A copy of this change (same intent) was processed already: this one changes nothing.
    const firstCopy = takenId || intent === undefined || (await claimIntent(tx, session.user.id, intent));
    try {
      if (firstCopy) await tx.savepoint((sp) => runMutation({ ...ctx, tx: sp }, mutation.name, mutation.args));
    } catch (error) {
      const refusal = refusalOf(error);
      if (!refusal) throw error;
      // A value the database refused may also reveal a bug: operators see it in the log.
      if (refusal !== error) console.warn(`Push: mutation ${mutation.id} of client ${mutation.clientID} refused by the database:`, String(error));
      effects.discard();
      await recordRejection(tx, ctx, mutation, refusal, takenId ? intent : undefined);
      result = 'refused';
    }

    // Advance the client's lastMutationID (at this version, so pulls report it) and the
    // organisation's space version. A taken id leaves the client where it is.
    if (!takenId) {
      await tx`
        insert into replicache_clients (id, client_group_id, last_mutation_id, version)
        values (${mutation.clientID}, ${clientGroupID}, ${mutation.id}, ${version})
        on conflict (id) do update
          set last_mutation_id = excluded.last_mutation_id, version = excluded.version, updated_at = now()`;
    }
    await tx`update organisations set version = ${version} where id = ${session.organisationId}`;
    return result;
  });
  if (outcome !== 'skipped') effects.moveTo(batchEffects);
  return outcome;
}
