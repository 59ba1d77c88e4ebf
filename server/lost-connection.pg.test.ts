import { randomUUID } from 'node:crypto';
import postgres, { type Sql } from 'postgres';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CreateApiKeyResponse } from '../shared/api.js';
import type { IngestResult } from '../shared/cdr.js';
import type { PushMutation } from '../shared/sync-protocol.js';
import { SseStream } from './sync/test-support/sse-stream.js';
import { insertCustomers, makeCustomers } from './sync/test-support/sync-fixtures.js';
import { httpTransport, TestSyncClient } from './sync/test-support/test-sync-client.js';
import { setupAdmin, type ApiClient } from './test/api-client.js';
import { startServerProcess, type ServerProcess } from './test/server-process.js';
import { createTestDatabase, type TestDatabase } from './test/test-database.js';
import { APPLICATION_NAME } from './db/connection-options.js';

/**
 * What a PostgreSQL restart, a failover or a pooler's idle killer does to the app: its
 * database sessions end under it, here while a switch posts 50,000 call records and a
 * device pushes bulk edits of 10,000 customers. The server process must live on, answer
 * health checks, and take the same requests again (as the switch and Replicache resend
 * them) with every record stored once and every mutation applied.
 */

const CUSTOMERS = 10_000;
const RECORDS = 50_000;
/** How many times the app's sessions are ended while it works. */
const KILL_ROUNDS = 10;
/** Attempts a sender makes before the test gives up on it. */
const MAX_SENDS = 200;

let db: TestDatabase;
let admin: Sql;
let server: ServerProcess;
let staff: ApiClient;
let apiKey: string;
let organisationId: string;
let body: string;
const customers = makeCustomers(CUSTOMERS, 'Lost Link');

beforeAll(async () => {
  db = await createTestDatabase();
  admin = postgres(db.url, { max: 2, onnotice: () => {} });
  server = await startServerProcess(db.url);
  staff = await setupAdmin(server.url);
  organisationId = (await admin<{ id: string }[]>`select id from organisations`)[0]!.id;
  await insertCustomers(admin, organisationId, customers);
  ({ key: apiKey } = await staff.postOk<CreateApiKeyResponse>('/api/api-keys', { name: 'Switch A' }));
  const start = Date.now() - 3600_000;
  body = JSON.stringify(
    Array.from({ length: RECORDS }, (_, i) => {
      const at = start + i * 50;
      return {
        callId: `lost-${i}`,
        customerId: customers[i % CUSTOMERS]!.id,
        startedAt: at,
        ringingAt: at + 1500,
        answeredAt: at + 4000,
        endedAt: at + 64_000,
        sipCode: 200,
        destination: '442071234567',
        charge: '0.0100',
        currency: customers[i % CUSTOMERS]!.currency,
      };
    }),
  );
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await admin?.end();
  await db?.drop();
});

const postRecords = () =>
  fetch(`${server.url}/api/ingest/cdrs`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` }, body });

/**
 * The app's sessions on the test database running a statement in a transaction that has
 * written already (it has an id), as an administrator sees them: ending one then leaves
 * a query in flight and a transaction to roll back.
 */
async function writingSessions(): Promise<number> {
  const [row] = await admin<{ n: number }[]>`
    select count(*)::int as n from pg_stat_activity
    where datname = ${db.name} and application_name = ${APPLICATION_NAME} and state = 'active' and backend_xid is not null`;
  return row!.n;
}

/**
 * How often the test looks for a writing session: each write of the large requests lasts
 * hundreds of milliseconds, and asking without pause took a core from the server.
 */
const POLL_MS = 50;

/** Ends every session of the app `rounds` times, each time once one of them is writing. */
async function terminateWhileBusy(rounds: number): Promise<number> {
  let ended = 0;
  for (let round = 0; round < rounds && server.running(); round++) {
    await expect
      .poll(async () => !server.running() || (await writingSessions()) > 0, { interval: POLL_MS, timeout: 60_000, message: 'a session of the app writing' })
      .toBe(true);
    const rows = await admin`
      select pg_terminate_backend(pid) from pg_stat_activity
      where datname = ${db.name} and application_name = ${APPLICATION_NAME}`;
    ended += rows.length;
  }
  return ended;
}

/** Fails the test with the server's last words if its process has exited. */
async function expectAlive(): Promise<void> {
  const exited = await Promise.race([server.exited.then(() => true), fetch(`${server.url}/api/healthz`).then(() => false, () => !server.running())]);
  if (exited) throw new Error(`The server process exited; its last output:\n${server.output().slice(-3000)}`);
}

/**
 * Sends like a switch or Replicache would: again after any failure (a 503, or a cut
 * connection: a server may answer before it has read a large body, then close), and
 * again while the database is still being disturbed, until an answer is ok once the
 * disturbance is over. Statuses are recorded, 0 for a cut connection.
 */
async function sendUntilOk(send: () => Promise<Response>, disturbed: () => boolean): Promise<{ res: Response; statuses: number[] }> {
  const statuses: number[] = [];
  for (let i = 0; i < MAX_SENDS; i++) {
    const calm = !disturbed();
    const res = await send().catch(() => undefined);
    statuses.push(res?.status ?? 0);
    if (res?.ok && calm) return { res, statuses };
    await res?.body?.cancel();
    if (!res) await expectAlive();
  }
  throw new Error(`No ok answer after ${MAX_SENDS} sends: ${statuses.join(' ')}`);
}

describe('the database ends the app’s sessions under a large ingest and a large push', () => {
  it('keeps the process alive, healthy, and stores everything exactly once when the same requests come again', async () => {
    const device = new TestSyncClient(httpTransport(staff));
    const ids = customers.map((c) => c.id);
    const mutations: PushMutation[] = [
      device.mutation('bulkUpdateCustomers', { ids, patch: { channels: 111 } }),
      device.mutation('bulkUpdateCustomers', { ids, patch: { cpsLimit: 22 } }),
      device.mutation('bulkUpdateCustomers', { ids, patch: { tags: { mode: 'add', values: ['survivor'] } } }),
      device.mutation('bulkUpdateCustomers', { ids, patch: { country: 'DE' } }),
    ];

    let disturbing = true;
    const killer = terminateWhileBusy(KILL_ROUNDS).finally(() => (disturbing = false));
    const [ended, ingest, push] = await Promise.all([
      killer,
      sendUntilOk(postRecords, () => disturbing),
      sendUntilOk(() => staff.post('/api/replicache/push', { pushVersion: 1, clientGroupID: device.clientGroupID, mutations, profileID: 'p', schemaVersion: '1' }), () => disturbing),
    ]);
    expect(server.running()).toBe(true);
    expect(ended).toBeGreaterThanOrEqual(KILL_ROUNDS);
    // Every failure on the way was a "try again", never a bug report.
    const unexpected = (statuses: number[]) => statuses.filter((s) => s !== 200 && s !== 503 && s !== 0);
    expect({ ingest: unexpected(ingest.statuses), push: unexpected(push.statuses) }).toEqual({ ingest: [], push: [] });

    expect((await fetch(`${server.url}/api/healthz`)).status).toBe(200);
    const result = (await ingest.res.json()) as IngestResult;
    expect(result.rejected).toEqual([]);
    const [stored] = await admin<{ n: number; calls: number }[]>`
      select count(*)::int as n, count(distinct call_id)::int as calls from cdrs where organisation_id = ${organisationId}`;
    expect(stored).toEqual({ n: RECORDS, calls: RECORDS });

    await device.pullAll();
    expect(device.lastMutationID).toBe(mutations.length);
    const patched = device.customers().filter((c) => c.channels === 111 && c.cpsLimit === 22 && c.tags.includes('survivor') && c.country === 'DE');
    expect(patched).toHaveLength(CUSTOMERS);
    console.info(`ended ${ended} sessions; ingest answers ${ingest.statuses.join(' ')}; push answers ${push.statuses.join(' ')}`);
  }, 300_000);

  it('pokes other devices again once its sessions were ended (the listener reconnects)', async () => {
    await admin`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${db.name} and application_name = ${APPLICATION_NAME}`;
    // EventSource opens again until it gets its stream; the first tries may meet a dying session.
    const stream = await vi.waitFor(
      async () => {
        const opened = await SseStream.open(staff);
        if (opened.response.status === 200) return opened;
        opened.close();
        throw new Error(`the poke stream answered ${opened.response.status}`);
      },
      { interval: POLL_MS, timeout: 30_000 },
    );
    try {
      await new TestSyncClient(httpTransport(staff)).mutate('createCustomer', { id: randomUUID(), name: 'After The Storm', currency: 'EUR' });
      await stream.next('poke');
    } finally {
      stream.close();
    }
    expect(server.running()).toBe(true);
  });
});
