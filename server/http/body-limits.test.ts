import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { AppError, type ErrorBody } from '../../shared/errors.js';
import { bodyLimitFor, bodyLimits, DEFAULT_BODY_LIMIT } from './body-limits.js';
import { handleError } from './error-handler.js';

const RULES = [
  { path: '/api/big', maxBytes: 1024 },
  { path: '/api/bulk/*', maxBytes: 2048 },
];

/** Echoes the body's length; `/api/big` refuses strangers before reading, as push does. */
function testApp() {
  const app = new Hono();
  app.onError(handleError);
  app.use('/api/*', bodyLimits(RULES));
  app.post('/api/big', async (c) => {
    if (c.req.header('authorization') !== 'yes') throw new AppError('unauthenticated', 'Please sign in.');
    return c.json({ length: (await c.req.text()).length });
  });
  app.post('/api/*', async (c) => c.json({ length: (await c.req.text()).length }));
  return app;
}

/** A body sent in chunks without a declared length, as a streaming client sends it. */
function chunked(bytes: number, chunk = 100): ReadableStream<Uint8Array> {
  let left = bytes;
  return new ReadableStream({
    pull(controller) {
      if (left <= 0) return controller.close();
      const n = Math.min(chunk, left);
      left -= n;
      controller.enqueue(new TextEncoder().encode('x'.repeat(n)));
    },
  });
}

const post = (path: string, init: { body: string | ReadableStream<Uint8Array>; headers?: Record<string, string> }) =>
  testApp().request(`http://trunkline.local${path}`, { method: 'POST', duplex: 'half', ...init } as RequestInit);

describe('bodyLimits', () => {
  it('gives the large limits only to the routes listed, and the small one to every other route', () => {
    expect(bodyLimitFor('/api/replicache/push')).toBe(32 * 1024 * 1024);
    expect(bodyLimitFor('/api/ingest/cdrs')).toBe(32 * 1024 * 1024);
    expect(bodyLimitFor('/api/ingest/events')).toBe(32 * 1024 * 1024);
    for (const path of ['/api/auth/login', '/api/replicache/pull', '/api/replicache/push/x', '/api/users', '/api/ingestion']) {
      expect(bodyLimitFor(path)).toBe(DEFAULT_BODY_LIMIT);
    }
    expect(DEFAULT_BODY_LIMIT).toBe(64 * 1024);
  });

  it('refuses a declared length over the limit from the header, naming the route and the limit', async () => {
    const res = await post('/api/other', { body: 'x', headers: { 'content-length': String(DEFAULT_BODY_LIMIT + 1) } });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: { code: 'too_large', message: 'Request bodies for POST /api/other are limited to 64 KB.' } });
  });

  it('counts a body without a declared length and refuses it once it passes the limit', async () => {
    const over = await post('/api/bulk/items', { body: chunked(2049) });
    expect(over.status).toBe(413);
    expect(((await over.json()) as ErrorBody).error).toEqual({ code: 'too_large', message: 'Request bodies for POST /api/bulk/items are limited to 2 KB.' });
    const within = await post('/api/bulk/items', { body: chunked(2048) });
    expect(await within.json()).toEqual({ length: 2048 });
  });

  it('lets a route refuse a stranger before a byte of a large body is read', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(100));
      },
    });
    const res = await post('/api/big', { body });
    // The body never ends: had anything waited for all of it, this would never answer.
    expect(res.status).toBe(401);
    expect(pulled).toBeLessThan(5);
    const signedIn = await post('/api/big', { body: chunked(1024), headers: { authorization: 'yes' } });
    expect(await signedIn.json()).toEqual({ length: 1024 });
  });
});
