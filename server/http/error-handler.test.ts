import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { AppError, type ErrorBody } from '../../shared/errors.js';
import { handleError, handleNotFound } from './error-handler.js';
import { readJson } from './read-json.js';

function testApp() {
  const app = new Hono();
  app.onError(handleError);
  app.get('/api/refused', () => {
    throw new AppError('duplicate_name', 'A customer named “Acme” already exists.', [{ path: 'name', message: 'Taken' }]);
  });
  app.get('/api/too-large', () => {
    throw new HTTPException(413, { message: 'Payload too large' });
  });
  app.get('/api/custom', () => {
    throw new HTTPException(401, { res: new Response('Custom', { status: 401, headers: { 'www-authenticate': 'Bearer' } }) });
  });
  app.get('/api/bug', () => {
    throw new TypeError("Cannot read properties of undefined (reading 'secret')");
  });
  app.get('/api/db-away', () => {
    // What postgres.js throws when the server closed the connection under a query.
    throw Object.assign(new Error('write CONNECTION_CLOSED 127.0.0.1:5432'), { code: 'CONNECTION_CLOSED' });
  });
  app.post('/api/echo', async (c) => c.json(await readJson(c, z.object({ count: z.number().int().default(5), name: z.string().optional() }))));
  app.all('/api/*', handleNotFound);
  return app;
}

const errorOf = async (res: Response) => ((await res.json()) as ErrorBody).error;

afterEach(() => vi.restoreAllMocks());

describe('handleError', () => {
  it('turns an AppError into its status and body, field issues included', async () => {
    const res = await testApp().request('/api/refused');
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({
      error: { code: 'duplicate_name', message: 'A customer named “Acme” already exists.', issues: [{ path: 'name', message: 'Taken' }] },
    });
  });

  it('keeps a Hono HTTPException’s status, as JSON in the usual shape, or its own response when it has one', async () => {
    const tooLarge = await testApp().request('/api/too-large');
    expect(tooLarge.status).toBe(413);
    expect(await errorOf(tooLarge)).toEqual({ code: 'too_large', message: 'Payload too large' });

    const custom = await testApp().request('/api/custom');
    expect(custom.status).toBe(401);
    expect(custom.headers.get('www-authenticate')).toBe('Bearer');
    expect(await custom.text()).toBe('Custom');
  });

  it('hides a bug behind a reference that the log shows with the real error', async () => {
    const logged: unknown[][] = [];
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args));
    const res = await testApp().request('/api/bug');
    expect(res.status).toBe(500);
    const error = await errorOf(res);
    expect(error.code).toBe('internal');
    expect(error.message).toMatch(/^Internal error \(ref [0-9a-f]{8}\)$/);
    expect(error.message).not.toMatch(/secret/);
    const ref = error.message.match(/ref ([0-9a-f]+)/)![1]!;
    expect(String(logged[0]?.[0])).toContain(ref);
    expect(logged[0]?.[1]).toBeInstanceOf(TypeError);
  });

  it('answers 503 with Retry-After, not a 500, while the database is unreachable', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const res = await testApp().request('/api/db-away');
    expect(res.status).toBe(503);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await res.json()).toEqual({ error: { code: 'unavailable', message: 'The database is unreachable; try again shortly.' } });
  });

  it('answers malformed JSON with 400 invalid_input, and validates what parses', async () => {
    const app = testApp();
    const post = (body: string) => app.request('/api/echo', { method: 'POST', body, headers: { 'content-type': 'application/json' } });

    const broken = await post('{"count": 3');
    expect(broken.status).toBe(400);
    expect(await errorOf(broken)).toEqual({ code: 'invalid_input', message: 'Request body is not valid JSON' });

    const wrong = await post('{"count": "three"}');
    expect(wrong.status).toBe(400);
    expect((await errorOf(wrong)).issues?.[0]?.path).toBe('count');

    expect(await (await post('{"count": 3}')).json()).toEqual({ count: 3 });
    expect(await (await post('')).json()).toEqual({ count: 5 });
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await testApp().request('/api/nope', { method: 'DELETE' });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await errorOf(res)).toEqual({ code: 'not_found', message: 'No such API route: DELETE /api/nope' });
  });
});
