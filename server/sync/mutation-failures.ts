import { randomBytes } from 'node:crypto';
import type { Sql } from 'postgres';
import { AppError } from '../../shared/errors.js';
import type { PushMutation } from '../../shared/sync-protocol.js';
import { storableText } from '../../shared/text.js';
import { isBugError } from '../db/db-errors.js';

/**
 * A mutation that fails with a bug (see `isBugError`) on this many tries is set aside as
 * a refusal, so it cannot block every later change of its device for ever (a poison pill).
 */
export const MAX_MUTATION_ATTEMPTS = 3;

/** Failure rows older than this are deleted: their mutations were processed long ago. */
const FORGET_AFTER = '30 days';

export interface MutationFailure {
  /** Quoted in the log with every failed try and in the refusal the user sees. */
  ref: string;
  attempts: number;
  /** True once the mutation failed MAX_MUTATION_ATTEMPTS times: record it as refused. */
  setAside: boolean;
}

/**
 * Counts one failed try of `mutation` and logs `error` under the mutation's reference.
 * Counts only bugs, and only while the database answers and takes writes: an outage (a
 * lost connection, a failover that left this server on a read-only server, a full
 * disk...) says nothing about the mutation, and must never turn changes into refusals;
 * then it returns undefined. Runs outside the failed transaction, in the table
 * `mutation_failures`, so tries that a load balancer sends to different server processes
 * count together.
 */
export async function countMutationFailure(sql: Sql, mutation: PushMutation, error: unknown): Promise<MutationFailure | undefined> {
  if (!isBugError(error)) return undefined;
  try {
    const [state] = await sql<{ writable: boolean }[]>`
      select not pg_is_in_recovery() and current_setting('transaction_read_only') = 'off' as writable`;
    if (!state!.writable) return undefined;
    const [row] = await sql<{ ref: string; attempts: number }[]>`
      insert into mutation_failures (client_id, mutation_id, ref, attempts, last_error)
      values (${mutation.clientID}, ${mutation.id}, ${randomBytes(4).toString('hex')}, 1, ${storableText(String(error), 500)})
      on conflict (client_id, mutation_id) do update
        set attempts = mutation_failures.attempts + 1, last_error = excluded.last_error, last_failed_at = now()
      returning ref, attempts`;
    const { ref, attempts } = row!;
    console.error(
      `Push: mutation ${mutation.id} (${storableText(mutation.name, 100)}) of client ${mutation.clientID} failed, ` +
        `try ${attempts} of ${MAX_MUTATION_ATTEMPTS}, ref ${ref}:`,
      error,
    );
    if (attempts === 1) await sql`delete from mutation_failures where last_failed_at < now() - ${FORGET_AFTER}::interval`;
    return { ref, attempts, setAside: attempts >= MAX_MUTATION_ATTEMPTS };
  } catch {
    return undefined;
  }
}

/** The refusal recorded for a mutation set aside after repeated unexpected failures. */
export function setAsideRefusal(ref: string): AppError {
  return new AppError(
    'internal',
    `The server could not apply this change (ref ${ref}); it was set aside so your other changes can sync.`,
  );
}
