import { request as httpRequest, type IncomingMessage } from 'node:http';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateApiKeyResponse } from '../../shared/api.js';
import type { ErrorBody } from '../../shared/errors.js';
import { setupAdmin, type ApiClient } from '../test/api-client.js';
import { createTestDatabase, type TestDatabase } from '../test/test-database.js';
import { startTestServer, type TestServer } from '../test/test-server.js';

let db: TestDatabase;
let server: TestServer;
let admin: ApiClient;
let apiKey: string;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(db.url);
  admin = await setupAdmin(server.url);
  apiKey = (await admin.postOk<CreateApiKeyResponse>('/api/api-keys', { name: 'Switch A' })).key;
});
afterAll(async () => {
  await server.close();
  await db.drop();
});

const MB = 1024 * 1024;

/** A JSON object of about `bytes` bytes. */
const jsonOf = (bytes: number) => JSON.stringify({ padding: 'x'.repeat(bytes) });

/**
 * Starts a POST of `total` bytes but sends only the first 64 KB, then waits for the answer:
 * it only comes if the server answers without reading the whole body. With `total`
 * undefined the body is chunked, with no declared length.
 */
async function answerToPartialBody(path: string, headers: Record<string, string>, total?: number): Promise<{ status: number; body: ErrorBody }> {
  const req = httpRequest(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers, ...(total === undefined ? {} : { 'content-length': String(total) }) },
  });
  // The server may drop the connection after answering, while this side still has bytes to send.
  req.on('error', () => {});
  req.write(Buffer.alloc(64 * 1024, 'x'));
  try {
    const [res] = (await once(req, 'response')) as [IncomingMessage];
    let text = '';
    for await (const chunk of res) text += String(chunk);
    return { status: res.statusCode!, body: JSON.parse(text) as ErrorBody };
  } finally {
    req.destroy();
  }
}

describe('request body limits', () => {
  it('refuses a 1 MB sign-in body with 413 too_large, naming the limit', async () => {
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: jsonOf(MB),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: { code: 'too_large', message: 'Request bodies for POST /api/auth/login are limited to 64 KB.' } });
  });

  it('keeps every route but push and ingest to 64 KB, signed in or not', async () => {
    const routes = [
      '/api/auth/setup',
      '/api/auth/logout',
      '/api/users',
      '/api/api-keys',
      '/api/alert-rules',
      '/api/sample-data',
      '/api/replicache/pull',
    ];
    for (const path of routes) {
      const res = await admin.request('POST', path, { padding: 'x'.repeat(65 * 1024) });
      expect([path, res.status]).toEqual([path, 413]);
      expect(((await res.json()) as ErrorBody).error.code).toBe('too_large');
    }
    const small = await admin.request('POST', '/api/sample-data', { count: 3, padding: 'x'.repeat(60 * 1024) });
    expect(small.status).toBe(201);
  });

  it('reads a signed-in user’s 20 MB push and judges its content, not its size', async () => {
    const res = await admin.request('POST', '/api/replicache/push', { pushVersion: 1, mutations: 'x'.repeat(20 * MB) });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error.code).toBe('invalid_input');
  });

  it('refuses a push over 32 MB from the header', async () => {
    const { status, body } = await answerToPartialBody('/api/replicache/push', { cookie: admin.sessionCookie, origin: server.url }, 33 * MB);
    expect(status).toBe(413);
    expect(body.error.message).toBe('Request bodies for POST /api/replicache/push are limited to 32 MB.');
  });

  it('refuses an unauthenticated 20 MB push with 401 without reading it, declared or chunked', async () => {
    for (const total of [20 * MB, undefined]) {
      const { status, body } = await answerToPartialBody('/api/replicache/push', {}, total);
      expect([status, body.error.code]).toEqual([401, 'unauthenticated']);
    }
  });

  it('refuses an ingest without a valid API key with 401 without reading its 20 MB', async () => {
    for (const headers of [{}, { authorization: 'Bearer tk_not_a_key' }] as Record<string, string>[]) {
      for (const total of [20 * MB, undefined]) {
        const { status } = await answerToPartialBody('/api/ingest/cdrs', headers, total);
        expect(status).toBe(401);
      }
    }
  });

  it('reads a switch’s 20 MB ingest body', async () => {
    const res = await fetch(`${server.url}/api/ingest/cdrs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
      body: JSON.stringify([{ callId: 'x'.repeat(20 * MB) }]),
    });
    expect(res.status).not.toBe(413);
    expect(res.status).toBeLessThan(500);
  });
});
