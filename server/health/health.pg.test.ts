import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ErrorBody } from '../../shared/errors.js';
import { startServerProcess, type ServerProcess } from '../test/server-process.js';
import { startTcpProxy, type TcpProxy } from '../test/tcp-proxy.js';
import { createTestDatabase, type TestDatabase } from '../test/test-database.js';
import type { Health } from './health-routes.js';

/** A real server process whose database connections all go through a proxy the test can cut. */
let db: TestDatabase;
let proxy: TcpProxy;
let server: ServerProcess;

beforeAll(async () => {
  db = await createTestDatabase();
  const target = new URL(db.url);
  proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
  server = await startServerProcess(proxy.urlFor(db.url));
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await proxy?.close();
  await db?.drop();
});

async function health(): Promise<{ status: number; body: Health }> {
  const res = await fetch(`${server.url}/api/healthz`);
  return { status: res.status, body: (await res.json()) as Health };
}

/**
 * Polls the health check, as a load balancer does, until it answers `status`: every
 * 200 ms (a check that hangs takes up to its own time limit), for at most 20 s.
 */
async function healthUntil(status: number, reason?: RegExp): Promise<{ status: number; body: Health }> {
  return vi.waitFor(
    async () => {
      const last = await health();
      expect(last.status).toBe(status);
      if (reason) expect(last.body).toEqual({ ok: false, reason: expect.stringMatching(reason) as string });
      return last;
    },
    { interval: 200, timeout: 20_000 },
  );
}

describe('GET /api/healthz', () => {
  it('answers 200 while the database answers', async () => {
    expect(await health()).toEqual({ status: 200, body: { ok: true } });
  });

  it('answers 503 with the reason while the database is down, and 200 again by itself once it is back', async () => {
    proxy.cut();
    const down = await healthUntil(503);
    expect(down.status).toBe(503);
    expect(down.body).toEqual({ ok: false, reason: expect.stringMatching(/^database unreachable: \S/) as string });

    // Other requests say "try again", not "internal error".
    const res = await fetch(`${server.url}/api/auth/state`);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await res.json()) as ErrorBody).error.code).toBe('unavailable');

    proxy.restore();
    expect(await healthUntil(200)).toEqual({ status: 200, body: { ok: true } });
    expect(server.running()).toBe(true);
  });

  it('answers 503 within its time limit when connecting to the database hangs', async () => {
    proxy.stall();
    // The first check may meet the connection the stall reset (an error at once); the next
    // ones reconnect into the stall and must give up at their time limit.
    const hung = await healthUntil(503, /^database unreachable: no answer within/);
    expect(hung.status).toBe(503);
    proxy.restore();
    expect(await healthUntil(200)).toEqual({ status: 200, body: { ok: true } });
  });
});
