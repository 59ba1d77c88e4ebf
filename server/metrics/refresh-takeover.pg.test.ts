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
const INTERVAL_MS = 1500;
/**
 * How long figures may take to flow again, from the moment the new process listens. The
 * issue asks for two refresh intervals: the new process's first refresh runs within one
 * interval (its timer starts just before it listens), and calls posted after that refresh
 * began are published by the next one, within two. One more interval is slack for a busy
 * 2-core machine, where starting a refresh, computing one customer and answering a request
 * take far less than the 1.5 s interval. 4.5 s in all: a dead holder's timed lease (30 s
 * before, figures stopped for ~25 s) fails it clearly.
 */
const TAKEOVER_BOUND_MS = 3 * INTERVAL_MS;
/** How long the first process may take to publish its first figures (not what is measured here). */
const FIRST_FIGURES_MS = 20_000;
/** How often the test reads the published figures. */
const POLL_MS = 100;

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

/** The calls of the last hour in the published figures of `customerId` (undefined before any are published). */
async function publishedAttempts(customerId: string): Promise<number | undefined> {
  const [row] = await admin<{ value: CustomerMetrics }[]>`select value from customer_metrics where customer_id = ${customerId}`;
  return row ? tupleToSums(row.value.h1).attempts : undefined;
}

/** Polls the published figures of `customerId` until they count `attempts` calls, for at most `ms`. */
async function figuresShow(customerId: string, attempts: number, ms: number): Promise<void> {
  await expect.poll(() => publishedAttempts(customerId), { interval: POLL_MS, timeout: Math.max(ms, 0) }).toBe(attempts);
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
  it('a newly started server publishes figures within two refresh intervals (and one of slack)', async () => {
    const a = await start();
    const staff = await setupAdmin(a.url);
    const [{ id: organisationId }] = await admin<[{ id: string }]>`select id from organisations`;
    await insertCustomers(admin, organisationId, [customer!]);
    const { key } = await staff.postOk<CreateApiKeyResponse>('/api/api-keys', { name: 'Switch A' });
    // A is the one refreshing: its figures are published.
    await postCalls(a, key, 2, 'before-crash');
    await figuresShow(customer!.id, 2, FIRST_FIGURES_MS);

    await a.kill();
    const b = await start();
    const listening = performance.now();
    await postCalls(b, key, 4, 'after-crash');
    await figuresShow(customer!.id, 6, TAKEOVER_BOUND_MS - (performance.now() - listening));
    console.info(`Figures flowed again ${Math.round(performance.now() - listening)} ms after the new process listened (interval ${INTERVAL_MS} ms)`);
  }, 60_000);
});
