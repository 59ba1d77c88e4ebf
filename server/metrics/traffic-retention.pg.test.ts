import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CdrInput } from '../../shared/cdr.js';
import { storeTestCdrs } from '../ingest/store-test-cdrs.js';
import { createOrganisation, insertCustomers, makeCustomers, openSyncTestDb, type SyncTestDb } from '../sync/test-support/sync-fixtures.js';
import { applyTrafficRetention } from './traffic-retention.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);

let t: SyncTestDb;
let org: string;
const [customer] = makeCustomers(1);

beforeAll(async () => {
  t = await openSyncTestDb();
  org = await createOrganisation(t.sql);
  await insertCustomers(t.sql, org, [customer!]);
});
afterAll(async () => t.close());

async function callAt(at: number, id: string): Promise<void> {
  const cdr = { callId: id, customerId: customer!.id, startedAt: at, endedAt: at + 1000, sipCode: 486, destination: '1' } as CdrInput;
  await storeTestCdrs(t.sql, org, [cdr]);
}

const count = async (sql: string) => Number((await t.sql.unsafe(sql))[0]!.n);
const partitions = async () =>
  (await t.sql<{ name: string }[]>`select relname as name from pg_class where relname ~ '^cdrs_[0-9]{8}$' order by 1`).map((r) => r.name);

describe('traffic retention', () => {
  it('drops whole days of records past the retention, and counters past theirs', async () => {
    await callAt(NOW - 40 * DAY, 'old');
    await callAt(NOW - 5 * DAY, 'recent');
    await callAt(NOW - 2 * 3600_000, 'today');
    expect(await partitions()).toEqual(['cdrs_20261017', 'cdrs_20261121', 'cdrs_20261126']);

    const { partitions: dropped } = await applyTrafficRetention(t.sql, new Date(NOW), 30, 35);
    expect(dropped).toEqual(['cdrs_20261017']);
    expect(await partitions()).toEqual(['cdrs_20261121', 'cdrs_20261126']);
    expect(await count('select count(*) as n from cdrs')).toBe(2);
    // Minute counters are kept 3 days, hour counters 35 days here, per-second counts an hour.
    expect(await count('select count(*) as n from customer_minute_rollups')).toBe(1);
    expect(await count('select count(*) as n from customer_hour_rollups')).toBe(2);
    expect(await count('select count(*) as n from customer_second_attempts')).toBe(0);
    // A day that has no partition yet gets one when its first record arrives.
    await callAt(NOW - 6 * DAY, 'late');
    expect(await count('select count(*) as n from cdrs')).toBe(3);
  });
});
