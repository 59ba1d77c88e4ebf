import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, setupAdmin, TEST_PASSWORD } from '../test/api-client.js';
import { createTestDatabase, type TestDatabase } from '../test/test-database.js';
import { startServerProcess, type ServerProcess } from '../test/server-process.js';
import { SseStream } from './test-support/sse-stream.js';
import { httpTransport, TestSyncClient } from './test-support/test-sync-client.js';

/**
 * Two app server processes on one PostgreSQL, as behind a load balancer: a change pushed
 * to one must poke the clients connected to the other (LISTEN/NOTIFY).
 */
let db: TestDatabase;
let a: ServerProcess;
let b: ServerProcess;

beforeAll(async () => {
  db = await createTestDatabase();
  [a, b] = await Promise.all([startServerProcess(db.url), startServerProcess(db.url)]);
}, 120_000);
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await db.drop();
});

describe('pokes across server processes', () => {
  it('pokes a client of server B when a user pushes to server A', async () => {
    const onA = await setupAdmin(a.url);
    const onB = new ApiClient(b.url);
    await onB.postOk('/api/auth/login', { email: 'admin@carrier.example', password: TEST_PASSWORD });

    const stream = await SseStream.open(onB);
    expect(stream.response.status).toBe(200);
    try {
      const id = randomUUID();
      await new TestSyncClient(httpTransport(onA)).mutate('createCustomer', { id, name: 'Cross Process Co', currency: 'USD' });
      await stream.next('poke');
      const reader = new TestSyncClient(httpTransport(onB));
      await reader.pullAll();
      expect(reader.customer(id)?.name).toBe('Cross Process Co');
    } finally {
      stream.close();
    }
  });
});
