import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CdrInput } from '../../shared/cdr.js';
import { tupleToSums, type CustomerMetrics } from '../../shared/metrics.js';
import { storeTestCdrs } from '../ingest/store-test-cdrs.js';
import { storeEvents } from '../ingest/store-events.js';
import { createOrganisation, insertCustomers, makeCustomers, openSyncTestDb, type SyncTestDb } from '../sync/test-support/sync-fixtures.js';
import { AdvisoryLock } from '../db/session-lock.js';
import { MetricsPublisher, REFRESH_LOCK } from './metrics-publisher.js';

const START = Date.UTC(2026, 10, 26, 12, 0, 0);
const MAX_CALL_SECONDS = 3600;

let t: SyncTestDb;
let org: string;
let ids: string[];
let now = START;
let publisher: MetricsPublisher;
const pokes: string[] = [];

beforeAll(async () => {
  t = await openSyncTestDb();
  org = await createOrganisation(t.sql);
  const customers = makeCustomers(3);
  await insertCustomers(t.sql, org, customers);
  ids = customers.map((c) => c.id);
  publisher = new MetricsPublisher(t.sql, { publish: async (o: string) => void pokes.push(o) } as never, () => new Date(now), 1000, new AdvisoryLock(t.db.url, REFRESH_LOCK));
});
afterAll(async () => {
  await publisher.stop();
  await t.close();
});

async function published(id: string): Promise<{ version: number; value: CustomerMetrics } | undefined> {
  const [row] = await t.sql<{ version: string; value: CustomerMetrics }[]>`select version, value from customer_metrics where customer_id = ${id}`;
  return row ? { version: Number(row.version), value: row.value } : undefined;
}

let n = 0;
async function calls(customerId: string, count: number, at: number, sipCode = 200): Promise<void> {
  const batch = Array.from({ length: count }, (_, i): CdrInput => {
    n += 1;
    return { callId: `p${n}`, customerId, startedAt: at + i, ringingAt: at + i + 2000, answeredAt: at + 5000, endedAt: at + 65_000, sipCode, destination: '44' } as CdrInput;
  });
  await storeTestCdrs(t.sql, org, batch);
}

describe('MetricsPublisher', () => {
  it('publishes new traffic as a synced entry with a new version, and pokes the organisation', async () => {
    await calls(ids[0]!, 4, START - 60_000);
    await calls(ids[0]!, 1, START - 30_000, 486);
    const report = await publisher.refresh();
    expect(report.changed).toBeGreaterThanOrEqual(1);
    const m = await published(ids[0]!);
    expect(tupleToSums(m!.value.h1)).toMatchObject({ attempts: 5, answered: 4, busy: 1, talkMs: 4 * 60_000 });
    expect(m!.value.last).toBe(START - 30_000);
    const [org1] = await t.sql<{ version: string }[]>`select version from organisations where id = ${org}`;
    expect(m!.version).toBe(Number(org1!.version));
    expect(pokes).toContain(org);
  });

  it('does not re-publish figures that did not change', async () => {
    const before = await published(ids[0]!);
    now += 5_000;
    pokes.length = 0;
    const report = await publisher.refresh();
    expect(report.changed).toBe(0);
    expect((await published(ids[0]!))!.version).toBe(before!.version);
    expect(pokes).toEqual([]);
  });

  it('takes traffic out of the last hour when it gets older, without new records arriving', async () => {
    now = START + 60 * 60_000;
    await publisher.refresh();
    const m = await published(ids[0]!);
    expect(tupleToSums(m!.value.h1).attempts).toBe(0);
    expect(tupleToSums(m!.value.h24).attempts).toBe(5);
    expect(m!.value.last).toBe(START - 30_000);
  });

  it('counts live channels from call start to end, and CPS now over the last 10 seconds', async () => {
    const at = now;
    await storeEvents(t.sql, org, [
      { line: 1, event: { callId: 'live-1', customerId: ids[1]!, type: 'started', at: at - 2000 } },
      { line: 2, event: { callId: 'live-2', customerId: ids[1]!, type: 'started', at: at - 1000 } },
      { line: 3, event: { callId: 'live-2', customerId: ids[1]!, type: 'answered', at } },
      { line: 4, event: { callId: 'live-3', customerId: ids[1]!, type: 'started', at: at - 1000 } },
      { line: 5, event: { callId: 'live-3', customerId: ids[1]!, type: 'ended', at } },
    ], MAX_CALL_SECONDS);
    await publisher.refresh();
    expect((await published(ids[1]!))!.value).toMatchObject({ ch: 2, cps: 0.2 });
    now += 11_000;
    await storeEvents(t.sql, org, [{ line: 1, event: { callId: 'live-1', customerId: ids[1]!, type: 'ended', at: now } }], MAX_CALL_SECONDS);
    await publisher.refresh();
    expect((await published(ids[1]!))!.value).toMatchObject({ ch: 1, cps: 0 });
  });

  it('stops counting a call whose end never came once the maximum call length has passed', async () => {
    now += MAX_CALL_SECONDS * 1000;
    await publisher.refresh();
    expect((await published(ids[1]!))!.value.ch).toBe(0);
    expect(await t.sql`select * from live_calls`).toHaveLength(0);
  });

  it('a call record ends the live call it describes', async () => {
    await storeEvents(t.sql, org, [{ line: 1, event: { callId: 'p-live', customerId: ids[2]!, type: 'started', at: now - 5000 } }], MAX_CALL_SECONDS);
    await publisher.refresh();
    expect((await published(ids[2]!))!.value.ch).toBe(1);
    const cdr = { callId: 'p-live', customerId: ids[2]!, startedAt: now - 5000, endedAt: now, sipCode: 200, answeredAt: now - 4000, destination: '44' } as CdrInput;
    await storeTestCdrs(t.sql, org, [cdr]);
    await publisher.refresh();
    expect((await published(ids[2]!))!.value).toMatchObject({ ch: 0, last: now - 5000 });
  });

  it('runs in one server process at a time: another stands by until the holder stops or its session ends', async () => {
    const other = new MetricsPublisher(t.sql, { publish: async () => {} } as never, () => new Date(now), 1000, new AdvisoryLock(t.db.url, REFRESH_LOCK));
    try {
      expect((await publisher.refresh()).skipped).toBe(false);
      expect((await other.refresh()).skipped).toBe(true);
      await publisher.stop();
      expect((await other.refresh()).skipped).toBe(false);
      expect((await publisher.refresh()).skipped).toBe(true);
      // A holder whose session ends (a crashed process, a lost connection) loses the lock at once.
      await t.sql`
        select pg_terminate_backend(pid, 5000) from pg_locks
        where locktype = 'advisory' and objsubid = 2 and granted
          and database = (select oid from pg_database where datname = current_database())`;
      expect((await publisher.refresh()).skipped).toBe(false);
      expect((await other.refresh()).skipped).toBe(true);
    } finally {
      await other.stop();
    }
  });
});
