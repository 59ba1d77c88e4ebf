import { randomUUID } from 'node:crypto';
import postgres, { type Sql } from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPLICATION_NAME } from '../db/connection-options.js';
import { setupAdmin, type ApiClient } from '../test/api-client.js';
import { startServerProcess, type ServerProcess } from '../test/server-process.js';
import { createTestDatabase, type TestDatabase } from '../test/test-database.js';
import type { Health } from './health-routes.js';

/** The server's request pool has this many connections (see openDatabase). */
const POOL_SIZE = 10;

let db: TestDatabase;
let sql: Sql;
let server: ServerProcess;
let admin: ApiClient;

beforeAll(async () => {
  db = await createTestDatabase();
  sql = postgres(db.url, { max: 2, onnotice: () => {} });
  server = await startServerProcess(db.url);
  admin = await setupAdmin(server.url);
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await sql?.end();
  await db?.drop();
});

/** The server's sessions that wait for a lock. */
async function serverSessionsWaiting(): Promise<number> {
  const [row] = await sql<{ n: number }[]>`
    select count(*)::int as n from pg_stat_activity
    where datname = current_database() and application_name = ${APPLICATION_NAME} and wait_event_type = 'Lock'`;
  return row!.n;
}

/** A push of one new customer from a device of its own. */
function pushOneCustomer(): Promise<Response> {
  const clientID = randomUUID();
  return admin.post('/api/replicache/push', {
    pushVersion: 1,
    clientGroupID: randomUUID(),
    profileID: 'p',
    schemaVersion: '1',
    mutations: [{ clientID, id: 1, name: 'createCustomer', args: { id: randomUUID(), name: `Busy ${clientID}`, currency: 'EUR' }, timestamp: 0 }],
  });
}

describe('GET /api/healthz under load', () => {
  it('answers 200 while every connection of the request pool is busy', async () => {
    // Pushes wait for the organisation's row lock, which this test holds: each keeps one
    // pool connection busy, as large ingests would.
    const holder = await sql.reserve();
    let pushes: Promise<Response[]> | undefined;
    try {
      await holder`begin`;
      await holder`select id from organisations for update`;
      pushes = Promise.all(Array.from({ length: POOL_SIZE }, pushOneCustomer));
      let polls = 0;
      while ((await serverSessionsWaiting()) < POOL_SIZE) {
        if (++polls > 10_000) throw new Error('The pushes never all reached the organisation lock');
      }
      const res = await fetch(`${server.url}/api/healthz`);
      expect({ status: res.status, body: (await res.json()) as Health }).toEqual({ status: 200, body: { ok: true } });
    } finally {
      await holder`commit`;
      holder.release();
    }
    expect((await pushes).map((r) => r.status)).toEqual(Array(POOL_SIZE).fill(200));
  });
});
