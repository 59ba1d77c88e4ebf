import { randomUUID } from 'node:crypto';
import { Replicache, type PullResponseV1, type Puller, type Pusher, type PushRequestV1, type WriteTransaction } from 'replicache';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerKey } from '../../shared/keys.js';
import { pushInChunks } from '../../shared/push-chunks.js';
import { PUSH_CHUNK_BYTES, PUSH_CHUNK_MUTATIONS, SCHEMA_VERSION } from '../../shared/sync-protocol.js';
import { setupAdmin, type ApiClient } from '../test/api-client.js';
import { startServerProcess, type ServerProcess } from '../test/server-process.js';
import { createTestDatabase, type TestDatabase } from '../test/test-database.js';

/**
 * A device whose queue is far larger than one push request may be still syncs: a real
 * Replicache hands its pusher all 20,001 pending mutations at once, the pusher sends them
 * in chunks (the shared `pushInChunks` that the app's transport uses) to a real server
 * process, and every mutation is applied once, in order.
 */

let db: TestDatabase;
let server: ServerProcess;
let admin: ApiClient;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startServerProcess(db.url);
  admin = await setupAdmin(server.url);
});
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

/** POSTs like the browser would: JSON, the session cookie, a same-origin Origin header. */
function post(path: string, body: unknown): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url, cookie: admin.sessionCookie },
    body: JSON.stringify(body),
  });
}

const QUEUED = 20_001;

describe('a device with a long queue', () => {
  it(`syncs ${QUEUED.toLocaleString('en')} queued mutations through the chunking pusher`, { timeout: 1_800_000 }, async () => {
    const requests: { count: number; bytes: number; status: number }[] = [];
    const pusher: Pusher = async (req) => {
      const res = await pushInChunks(req as PushRequestV1, async (chunk) => {
        const answer = await post('/api/replicache/push', chunk);
        requests.push({ count: chunk.mutations.length, bytes: JSON.stringify(chunk).length, status: answer.status });
        return answer;
      });
      return { httpRequestInfo: { httpStatusCode: res.status, errorMessage: res.ok ? '' : await res.text() } };
    };
    const puller: Puller = async (req) => {
      const res = await post('/api/replicache/pull', req);
      if (!res.ok) return { httpRequestInfo: { httpStatusCode: res.status, errorMessage: await res.text() } };
      return { response: (await res.json()) as PullResponseV1, httpRequestInfo: { httpStatusCode: 200, errorMessage: '' } };
    };
    // The server applies the shared mutators; the device's optimistic side is not under test here.
    const local = async (_tx: WriteTransaction, _args: unknown) => {};
    const rep = new Replicache({
      name: `chunked-${randomUUID()}`,
      schemaVersion: SCHEMA_VERSION,
      kvStore: 'mem',
      mutators: { createCustomer: local, updateCustomer: local },
      pusher,
      puller,
      pullInterval: null,
      // Offline in effect: nothing is pushed until the whole queue is there.
      pushDelay: 3_600_000,
      logLevel: 'error',
    });
    try {
      const id = randomUUID();
      await rep.mutate.createCustomer({ id, name: 'Long Queue Telecom', currency: 'EUR' });
      for (let i = 1; i < QUEUED; i++) await rep.mutate.updateCustomer({ id, patch: { channels: i } });
      expect(await rep.experimentalPendingMutations()).toHaveLength(QUEUED);

      await rep.push({ now: true });
      expect(requests.every((r) => r.status === 200)).toBe(true);
      expect(requests.reduce((n, r) => n + r.count, 0)).toBe(QUEUED);
      expect(requests.length).toBeGreaterThanOrEqual(Math.ceil(QUEUED / PUSH_CHUNK_MUTATIONS));
      expect(Math.max(...requests.map((r) => r.count))).toBeLessThanOrEqual(PUSH_CHUNK_MUTATIONS);
      expect(Math.max(...requests.map((r) => r.bytes))).toBeLessThanOrEqual(PUSH_CHUNK_BYTES);

      // The server acknowledges every mutation, and the customer holds the last edit.
      await rep.pull({ now: true });
      expect(await rep.experimentalPendingMutations()).toHaveLength(0);
      const customer = (await rep.query((tx) => tx.get(customerKey(id)))) as { channels: number } | undefined;
      expect(customer?.channels).toBe(QUEUED - 1);
    } finally {
      await rep.close();
    }
  });
});
