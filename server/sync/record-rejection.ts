import type { TransactionSql } from 'postgres';
import { AppError, isAppError } from '../../shared/errors.js';
import { describeMutation } from '../../shared/mutator-args.js';
import type { PushMutation } from '../../shared/sync-protocol.js';
import { storableText } from '../../shared/text.js';
import type { MutationContext } from '../customers/mutation-context.js';
import { describeDataError, isDataError, sqlState } from '../db/db-errors.js';

/** Longest stored summary and message: enough for people, and small whatever a device sent. */
export const MAX_SUMMARY_CHARS = 200;
export const MAX_MESSAGE_CHARS = 500;

/**
 * The refusal a mutation's error stands for, or undefined when it is no refusal (a
 * transient or unexpected error). An AppError is one; so is a value the database refused
 * (SQLSTATE class 22 or 23): the same change fails the same way on every try.
 */
export function refusalOf(error: unknown): AppError | undefined {
  if (isAppError(error)) return error;
  if (isDataError(error)) {
    const code = sqlState(error)?.startsWith('23') ? 'conflict' : 'invalid_input';
    return new AppError(code, `The server could not store this change. ${describeDataError(error)}`);
  }
  return undefined;
}

/**
 * Stores a refused mutation; the next pull of that user brings it back as `rej/<id>`.
 * Everything quoted from the device is made storable and capped first, so recording a
 * refusal cannot itself fail on what the device sent.
 */
export async function recordRejection(tx: TransactionSql, ctx: MutationContext, mutation: PushMutation, error: AppError, intent?: string): Promise<void> {
  await tx`
    insert into mutation_rejections ${tx({
      // A change whose id an early copy took (see mutation-transaction.ts) is told apart by its intent.
      id: intent ? `${mutation.clientID}:${mutation.id}:${intent}` : `${mutation.clientID}:${mutation.id}`,
      organisation_id: ctx.organisationId,
      user_id: ctx.userId,
      client_id: mutation.clientID,
      mutation_id: mutation.id,
      mutator: storableText(mutation.name, 100),
      summary: storableText(summaryOf(mutation), MAX_SUMMARY_CHARS),
      code: error.code,
      message: storableText(error.message, MAX_MESSAGE_CHARS),
      created_at: ctx.now,
      version: ctx.version,
    })}`;
}

/** What the user tried, in words; never throws, whatever the arguments hold (`{"name": {"toString": 1}}`...). */
function summaryOf(mutation: PushMutation): string {
  try {
    return describeMutation(mutation.name, mutation.args);
  } catch {
    return `A change (${mutation.name})`;
  }
}
