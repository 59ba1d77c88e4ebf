import type { TransactionSql } from 'postgres';

/**
 * Claims a change's intent id for this user, inside the mutation's transaction (outside
 * its savepoint, so a refused change keeps its claim and a copy is not refused twice).
 * False when a copy of the change was processed already: the caller changes nothing.
 * Every mutation of an organisation runs under the lock on its row, so two copies never
 * race past this check together.
 */
export async function claimIntent(tx: TransactionSql, userId: string, intent: string): Promise<boolean> {
  const claimed = await tx`
    insert into applied_intents (user_id, intent) values (${userId}, ${intent})
    on conflict do nothing
    returning 1`;
  return claimed.length > 0;
}
