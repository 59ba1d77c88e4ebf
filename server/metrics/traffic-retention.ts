import type { Sql } from 'postgres';
import { CdrPartitions } from '../ingest/cdr-partitions.js';

/** Per-second attempt counts are kept this long: enough for CPS now and late records' peaks. */
export const SECOND_COUNTS_KEPT_MS = 3_600_000;

/** Minute rollups are kept this long (the last 24 hours need them at the edge, charts of a few days use them). */
export const MINUTE_ROLLUPS_KEPT_DAYS = 3;

/**
 * Drops what is past its retention: daily CDR partitions older than `retentionDays`,
 * hour rollups older than `rollupRetentionDays`, minute rollups older than a few days,
 * per-second counts older than an hour. Cheap enough to run every few
 * minutes; dropping a partition is instant.
 */
export async function applyTrafficRetention(sql: Sql, now: Date, retentionDays: number, rollupRetentionDays: number): Promise<{ partitions: string[] }> {
  const day = 86_400_000;
  const partitions = await new CdrPartitions(sql).dropBefore(now.getTime() - retentionDays * day);
  await sql`delete from customer_minute_rollups where minute < ${new Date(now.getTime() - MINUTE_ROLLUPS_KEPT_DAYS * day)}`;
  await sql`delete from customer_hour_rollups where hour < ${new Date(now.getTime() - rollupRetentionDays * day)}`;
  await sql`delete from customer_second_attempts where second < ${new Date(now.getTime() - SECOND_COUNTS_KEPT_MS)}`;
  return { partitions };
}
