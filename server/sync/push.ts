import type { TransactionSql } from 'postgres';
import { AppError, isAppError } from '../../shared/errors.js';
import { describeMutation } from '../../shared/mutator-args.js';
import type { PushMutation, PushRequest } from '../../shared/sync-protocol.js';
import type { MutationContext } from '../customers/mutation-context.js';
import { runServerMutation } from '../customers/server-mutators.js';
import type { AppDeps, Session } from '../http/app-env.js';
import { AfterCommitQueue } from './after-commit.js';
import { claimClientGroup, foreignClientError, refuseForeignClients } from './client-groups.js';

/**
 * Replicache push, following https://doc.replicache.dev/reference/server-push to the
 * letter. Each mutation runs in its own transaction, serialised per organisation by
 * the lock on its row, which also hands out the space versions.
 */
export type PushDeps = Pick<AppDeps, 'sql' | 'config' | 'pokes' | 'now'>;

/** Runs one named mutation; `runServerMutation` unless a test wraps it to queue side effects. */
export type MutationRunner = (ctx: MutationContext, name: string, args: unknown) => Promise<void>;

export async function processPush(
  deps: PushDeps,
  session: Session,
  push: PushRequest,
  runMutation: MutationRunner = runServerMutation,
): Promise<void> {
  // 1. The user comes from the session. Create the client group on first sight; refuse
  //    the whole push, applying nothing, if it (or one of its clients) is another's.
  await claimClientGroup(deps.sql, push.clientGroupID, session);
  await refuseForeignClients(deps.sql, push.clientGroupID, push.mutations.map((m) => m.clientID));

  const effects = new AfterCommitQueue();
  let committed = 0;
  try {
    for (const mutation of push.mutations) {
      if (await processMutation(deps, session, push.clientGroupID, mutation, effects, runMutation)) committed++;
    }
  } finally {
    // 6. After the commits (also those before a mutation that stopped the batch): one
    //    poke for the organisation, and only then the side effects of committed mutations.
    if (committed > 0) {
      await deps.pokes.publish(session.organisationId).catch((e: unknown) => console.error('Poke failed', e));
      await effects.run();
    }
  }
}

/** Returns true when the mutation was committed (applied or recorded as refused), false when skipped. */
async function processMutation(
  deps: PushDeps,
  session: Session,
  clientGroupID: string,
  mutation: PushMutation,
  batchEffects: AfterCommitQueue,
  runMutation: MutationRunner,
): Promise<boolean> {
  const effects = new AfterCommitQueue();
  // 2. One transaction per mutation. Locking the organisation row serialises the
  //    version bumps of concurrent pushes: next version = version + 1.
  const committed = await deps.sql.begin(async (tx) => {
    const [org] = await tx<{ version: string }[]>`
      select version from organisations where id = ${session.organisationId} for update`;
    if (!org) throw new Error(`Organisation ${session.organisationId} is missing`);
    const version = Number(org.version) + 1;

    // 3. The client's last mutation id (a new client starts at 0). Already processed:
    //    skip, so a replayed batch changes nothing. From the future: stop the batch.
    const [client] = await tx<{ client_group_id: string; last_mutation_id: string }[]>`
      select client_group_id, last_mutation_id from replicache_clients where id = ${mutation.clientID}`;
    if (client && client.client_group_id !== clientGroupID) throw foreignClientError();
    const lastMutationID = client ? Number(client.last_mutation_id) : 0;
    if (mutation.id <= lastMutationID) return false;
    if (mutation.id > lastMutationID + 1) {
      throw new AppError(
        'mutation_from_future',
        `Mutation ${mutation.id} of client ${mutation.clientID} arrived before ${lastMutationID + 1}.`,
      );
    }

    // 4. The mutator runs inside a savepoint. A permanent error (AppError) rolls back
    //    to it and is recorded for the user, and the mutation still counts as processed.
    //    Any other error is transient: it aborts this transaction and the batch (500),
    //    and Replicache retries.
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
    try {
      await tx.savepoint((sp) => runMutation({ ...ctx, tx: sp }, mutation.name, mutation.args));
    } catch (error) {
      if (!isAppError(error)) throw error;
      effects.discard();
      await recordRejection(tx, ctx, mutation, error);
    }

    // 5. Advance the client's lastMutationID (at this version, so pulls report it) and
    //    the organisation's space version.
    await tx`
      insert into replicache_clients (id, client_group_id, last_mutation_id, version)
      values (${mutation.clientID}, ${clientGroupID}, ${mutation.id}, ${version})
      on conflict (id) do update
        set last_mutation_id = excluded.last_mutation_id, version = excluded.version, updated_at = now()`;
    await tx`update organisations set version = ${version} where id = ${session.organisationId}`;
    return true;
  });
  if (committed) effects.moveTo(batchEffects);
  return committed;
}

/** Stores a refused mutation; the next pull of that user brings it back as `rej/<id>`. */
async function recordRejection(tx: TransactionSql, ctx: MutationContext, mutation: PushMutation, error: AppError): Promise<void> {
  await tx`
    insert into mutation_rejections ${tx({
      id: `${mutation.clientID}:${mutation.id}`,
      organisation_id: ctx.organisationId,
      user_id: ctx.userId,
      client_id: mutation.clientID,
      mutation_id: mutation.id,
      mutator: mutation.name,
      summary: describeMutation(mutation.name, mutation.args),
      code: error.code,
      message: error.message,
      created_at: ctx.now,
      version: ctx.version,
    })}`;
}
