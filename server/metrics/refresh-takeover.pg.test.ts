import postgres, { type Sql } from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateApiKeyResponse } from '../../shared/api.js';
import type { CustomerMetrics } from '../../shared/metrics.js';
import { tupleToSums } from '../../shared/metrics.js';
import { insertCustomers, makeCustomers } from '../sync/test-support/sync-fixtures.js';
import { setupAdmin } from '../test/api-client.js';
import { startServerProcess, type ServerProcess } from '../test/server-process.js';
import { createTestDatabase, type TestDatabase } from '../test/test-database.js';

/**
 * The refresh holder is killed (`kill -9`: no shutdown, nothing released by the process
 * itself) and another server process starts on the same database: figures must flow
 * again at once, not after the dead holder's lease would have run out.
 */
const INTERVAL_MS = 500;
/** The bound on the wait for figures: a few intervals, far below any timed lease. */
const WAIT_MS = 5000;

let db: TestDatabase;
let admin: Sql;
const servers: ServerProcess[] = [];
const [customer] = makeCustomers(1, 'Takeover');

beforeAll(async () => {
  db = await createTestDatabase();
  admin = postgres(db.url, { max: 1, onnotice: () => {} });
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await admin.end();
  await db.drop();
});

const start = async () => {
  const server = await startServerProcess(db.url, { env: { METRICS_REFRESH_MS: String(INTERVAL_MS) } });
  servers.push(server);
  return server;
};

/** Polls the published figures of `customerId` until they count `attempts` calls, for at most `ms`. */
async function figuresWithin(customerId: string, attempts: number, ms: number): Promise<boolean> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; ) {
    const [row] = await admin<{ value: CustomerMetrics }[]>`select value from customer_metrics where customer_id = ${customerId}`;
    if (row && tupleToSums(row.value.h1).attempts === attempts) return true;
  }
  return false;
}

/** Posts `count` answered calls of the last minute for the customer through `server`'s ingest API. */
async function postCalls(server: ServerProcess, key: string, count: number, tag: string): Promise<void> {
  const at = Date.now() - 60_000;
  const records = Array.from({ length: count }, (_, i) => ({
    callId: `${tag}-${i}`, customerId: customer!.id, startedAt: at + i, answeredAt: at + 2000, endedAt: at + 32_000, sipCode: 200, destination: '44',
  }));
  const res = await fetch(`${server.url}/api/ingest/cdrs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify(records),
  });
  expect(res.status).toBe(200);
}

describe('after the refresh holder is killed', () => {
  it('a newly started server publishes figures within a few refresh intervals', async () => {
    const a = await start();
    const staff = await setupAdmin(a.url);
    const [{ id: organisationId }] = await admin<[{ id: string }]>`select id from organisations`;
    await insertCustomers(admin, organisationId, [customer!]);
    const { key } = await staff.postOk<CreateApiKeyResponse>('/api/api-keys', { name: 'Switch A' });
    // A is the one refreshing: its figures are published.
    await postCalls(a, key, 2, 'before-crash');
    expect(await figuresWithin(customer!.id, 2, WAIT_MS)).toBe(true);

    await a.kill();
    const b = await start();
    await postCalls(b, key, 4, 'after-crash');
    expect(await figuresWithin(customer!.id, 6, WAIT_MS)).toBe(true);
  }, 60_000);
});
