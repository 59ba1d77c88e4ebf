import type { Sql } from 'postgres';

/** Rows deleted per statement: a long backlog is cleared in short transactions that never hold up a push for long. */
const BATCH = 10_000;

/**
 * Forgets the intent ids of changes applied more than `days` ago. An intent is only ever
 * looked up again when a device replays a change from its journal, which it does the next
 * time it opens after losing that change (a killed tab): a device that stays closed
 * longer than the retention and then replays a change the server did apply would apply
 * it twice. The default retention (INTENT_RETENTION_DAYS, 180) makes that a device left
 * unopened for half a year right after a crash. Returns how many were forgotten.
 */
export async function pruneAppliedIntents(sql: Sql, now: Date, days: number): Promise<number> {
  const before = new Date(now.getTime() - days * 86_400_000);
  let total = 0;
  for (;;) {
    const deleted = await sql`
      delete from applied_intents where ctid in (
        select ctid from applied_intents where applied_at < ${before} limit ${BATCH})`;
    total += deleted.count;
    if (deleted.count < BATCH) return total;
  }
}
