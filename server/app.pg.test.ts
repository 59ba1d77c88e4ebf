import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './test/test-database.js';
import { startTestServer, type TestServer } from './test/test-server.js';
import { setupAdmin } from './test/api-client.js';

let db: TestDatabase;
let server: TestServer;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(db.url);
});
afterAll(async () => {
  await server.close();
  await db.drop();
});

describe('the HTTP application', () => {
  it('answers health checks from the database', async () => {
    const res = await fetch(`${server.url}/api/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('refuses request bodies over the route’s limit with a clear error, before parsing them', async () => {
    const admin = await setupAdmin(server.url);
    const huge = JSON.stringify({ count: 1, padding: 'x'.repeat(33 * 1024 * 1024) });
    const tooBig = await fetch(`${server.url}/api/sample-data`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url, cookie: admin.sessionCookie },
      body: huge,
    });
    expect(tooBig.status).toBe(413);
    expect(await tooBig.json()).toEqual({ error: { code: 'too_large', message: 'Request bodies for POST /api/sample-data are limited to 64 KB.' } });
  });
});
