import type { Sql } from 'postgres';
import type { CdrInput } from '../../shared/cdr.js';
import { CdrPartitions, dayStart } from './cdr-partitions.js';
import { storeCdrs, type StoreResult } from './store-cdrs.js';

/** The switch key id tests store records under (no HTTP, so no real key). */
const TEST_API_KEY_ID = '00000000-0000-4000-8000-000000000000';

/**
 * Stores already valid call records as `ingestCdrs` does after validation (their
 * days' partitions first), for tests that need traffic without going through HTTP.
 */
export async function storeTestCdrs(sql: Sql, organisationId: string, cdrs: readonly CdrInput[]): Promise<StoreResult> {
  await new CdrPartitions(sql).ensure(new Set(cdrs.map((c) => dayStart(c.startedAt))));
  return storeCdrs(sql, organisationId, TEST_API_KEY_ID, cdrs.map((cdr, i) => ({ line: i + 1, cdr })));
}
