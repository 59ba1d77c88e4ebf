import type { Sql } from 'postgres';
import { CdrPartitions } from '../ingest/cdr-partitions.js';

/** Per-second attempt counts are kept this long: enough for CPS now and late records' peaks. */
export const SECOND_COUNTS_KEPT_MS = 3_600_000;

/**
 * Drops what is past its retention: daily CDR partitions and rollup minutes older than
 * `retentionDays`, per-second counts older than an hour. Cheap enough to run every few
 * minutes; dropping a partition is instant.
 */
export async function applyTrafficRetention(sql: Sql, now: Date, retentionDays: number): Promise<{ partitions: string[] }> {
  const keepFrom = now.getTime() - retentionDays * 86_400_000;
  const partitions = await new CdrPartitions(sql).dropBefore(keepFrom);
  await sql`delete from customer_minute_rollups where minute < ${new Date(keepFrom)}`;
  await sql`delete from customer_second_attempts where second < ${new Date(now.getTime() - SECOND_COUNTS_KEPT_MS)}`;
  return { partitions };
}
