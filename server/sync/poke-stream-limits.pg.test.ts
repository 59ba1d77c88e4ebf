import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../shared/errors.js';
import { hashToken } from '../auth/sessions.js';
import { loadConfig, type Config } from '../config.js';
import { addUser, ApiClient, setupAdmin, TEST_PASSWORD } from '../test/api-client.js';
import { createTestDatabase, type TestDatabase } from '../test/test-database.js';
import { startTestServer, type TestServer } from '../test/test-server.js';
import { SseStream } from './test-support/sse-stream.js';

let db: TestDatabase;
/** Heartbeats so rare that only a sign-out can have ended a stream; 12 streams at most. */
let capped: TestServer;
/** Heartbeats (and session re-checks) every 100 ms. */
let beating: TestServer;
/** Room for many streams, heartbeats so rare that they play no part. */
let roomy: TestServer;
let admin: ApiClient;

const config = (overrides: Partial<Config>): Config => ({
  ...loadConfig({ PORT: '0', DATABASE_URL: db.url }),
  secureCookies: false,
  ...overrides,
});

beforeAll(async () => {
  db = await createTestDatabase();
  capped = await startTestServer(db.url, { config: config({ maxPokeStreams: 12, pokeHeartbeatMs: 3_600_000 }) });
  beating = await startTestServer(db.url, { config: config({ pokeHeartbeatMs: 100 }) });
  roomy = await startTestServer(db.url, { config: config({ pokeHeartbeatMs: 3_600_000 }) });
  admin = await setupAdmin(capped.url);
});
afterAll(async () => {
  await capped.close();
  await beating.close();
  await roomy.close();
  await db.drop();
});

/** A new session of the user with `email`, signed in on `server`. */
async function signIn(server: TestServer, email: string): Promise<ApiClient> {
  const api = new ApiClient(server.url);
  await api.postOk('/api/auth/login', { email, password: TEST_PASSWORD });
  return api;
}

/** Asks `api`'s session for one more poke stream, expecting a refusal. */
async function refusedStream(api: ApiClient): Promise<{ status: number; error: ErrorBody['error'] }> {
  const res = await fetch(`${api.baseUrl}/api/replicache/poke`, { headers: { accept: 'text/event-stream', cookie: api.sessionCookie } });
  return { status: res.status, error: ((await res.json()) as ErrorBody).error };
}

describe('poke streams', () => {
  it('closes a signed-out session’s streams at once, and no other session’s', async () => {
    const leaving = await signIn(capped, 'admin@carrier.example');
    const staying = await signIn(capped, 'admin@carrier.example');
    const [a, b, other] = await Promise.all([SseStream.open(leaving), SseStream.open(leaving), SseStream.open(staying)]);
    try {
      expect([a, b, other].map((s) => s.response.status)).toEqual([200, 200, 200]);
      await leaving.postOk('/api/auth/logout');
      await Promise.all([a.done, b.done]);
      await staying.postOk('/api/sample-data', { count: 1 });
      await other.next('poke');
    } finally {
      for (const s of [a, b, other]) s.close();
    }
  });

  it('opens 10 streams per session and 12 per process here, refusing more with 429 rate_limited', async () => {
    const operator = await addUser(admin, 'operator');
    const viewer = await addUser(admin, 'viewer');
    const open: SseStream[] = [];
    try {
      for (let i = 0; i < 10; i++) open.push(await SseStream.open(admin));
      expect(open.map((s) => s.response.status)).toEqual(Array(10).fill(200));
      expect(await refusedStream(admin)).toEqual({
        status: 429,
        error: { code: 'rate_limited', message: 'This session already has 10 live update streams open. Close some tabs or windows.' },
      });

      for (let i = 0; i < 2; i++) open.push(await SseStream.open(operator));
      expect(open.slice(10).map((s) => s.response.status)).toEqual([200, 200]);
      expect(await refusedStream(viewer)).toEqual({
        status: 429,
        error: { code: 'rate_limited', message: 'The server has too many live update streams open. Try again in a moment.' },
      });
    } finally {
      for (const s of open) s.close();
    }
  });

  it('opens 30 streams per user over all their sessions, refusing more with 429 rate_limited: signing in again gives no more', async () => {
    const sessions = await Promise.all([1, 2, 3, 4].map(() => signIn(roomy, 'admin@carrier.example')));
    const open: SseStream[] = [];
    try {
      for (const api of sessions.slice(0, 3)) for (let i = 0; i < 10; i++) open.push(await SseStream.open(api));
      expect(open.map((s) => s.response.status)).toEqual(Array(30).fill(200));
      expect(await refusedStream(sessions[3]!)).toEqual({
        status: 429,
        error: {
          code: 'rate_limited',
          message: 'Your account already has 30 live update streams open. Close some tabs or windows, or sign out on other devices.',
        },
      });
    } finally {
      for (const s of open) s.close();
    }
  });

  it('re-checks the session on each heartbeat: a live one keeps its stream', async () => {
    const api = await signIn(beating, 'admin@carrier.example');
    const stream = await SseStream.open(api);
    try {
      await stream.next(':heartbeat');
      await stream.next(':heartbeat');
      await api.postOk('/api/sample-data', { count: 1 });
      await stream.next('poke');
    } finally {
      stream.close();
    }
  });

  it('ends the streams of a session ended elsewhere at their next heartbeat: signed out, expired, user disabled', async () => {
    const email = `leaver-${randomUUID().slice(0, 8)}@carrier.example`;
    await admin.postOk('/api/users', { name: 'Lee Leaver', email, role: 'operator', password: TEST_PASSWORD });
    const tokenHash = (api: ApiClient) => hashToken(api.sessionCookie.split('=')[1]!);
    const end = {
      signedOutElsewhere: (api: ApiClient) => beating.sql`delete from sessions where token_hash = ${tokenHash(api)}`,
      expired: (api: ApiClient) => beating.sql`update sessions set expires_at = now() - interval '1 second' where token_hash = ${tokenHash(api)}`,
      userDisabled: () => beating.sql`update users set disabled_at = now() where lower(email) = ${email}`,
    };
    for (const [how, endSession] of Object.entries(end)) {
      const api = await signIn(beating, email);
      const stream = await SseStream.open(api);
      try {
        expect([how, stream.response.status]).toEqual([how, 200]);
        await stream.next(':connected');
        await endSession(api);
        await stream.done;
      } finally {
        stream.close();
      }
    }
  });
});
