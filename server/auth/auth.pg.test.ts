import { createHash, scryptSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthStateResponse, MeResponse } from '../../shared/api.js';
import type { ErrorBody } from '../../shared/errors.js';
import { loadConfig } from '../config.js';
import { ApiClient, TEST_PASSWORD, setupAdmin } from '../test/api-client.js';
import { createTestDatabase, type TestDatabase } from '../test/test-database.js';
import { startTestServer, type TestServer } from '../test/test-server.js';

const DAY_MS = 86_400_000;
const SETUP = { organisation: 'Example Carrier', name: 'Ada Admin', email: 'admin@carrier.example', password: TEST_PASSWORD };

/** A clock the test moves by hand, handed to the server as deps.now. */
function testClock() {
  let now = Date.UTC(2026, 4, 1, 9, 0, 0);
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

async function errorOf(res: Response): Promise<ErrorBody['error']> {
  return ((await res.json()) as ErrorBody).error;
}

describe('auth', () => {
  let db: TestDatabase;
  let server: TestServer;
  const clock = testClock();

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startTestServer(db.url, { now: clock.now });
  });

  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it('asks for set-up until the first admin exists, then never again', async () => {
    const anon = new ApiClient(server.url);
    expect(await (await anon.get('/api/auth/state')).json()).toEqual({ needsSetup: true } satisfies AuthStateResponse);

    const setup = await anon.post('/api/auth/setup', SETUP);
    expect(setup.status).toBe(201);
    const me = (await setup.json()) as MeResponse;
    expect(me.user).toMatchObject({ email: 'admin@carrier.example', name: 'Ada Admin', role: 'admin' });
    expect(me.organisation.name).toBe('Example Carrier');
    expect(anon.sessionCookie).toMatch(/^trunkline_session=/);

    expect(await (await anon.get('/api/auth/state')).json()).toEqual({ needsSetup: false });
    const again = await new ApiClient(server.url).post('/api/auth/setup', { ...SETUP, email: 'second@carrier.example' });
    expect(again.status).toBe(409);
    expect((await errorOf(again)).code).toBe('already_set_up');
  });

  it('signs in with the right password and tells who is signed in', async () => {
    const client = new ApiClient(server.url);
    const res = await client.post('/api/auth/login', { email: 'Admin@Carrier.example', password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    expect(((await res.json()) as MeResponse).user.email).toBe('admin@carrier.example');

    const me = await client.get('/api/auth/me');
    expect(me.status).toBe(200);
    const body = (await me.json()) as MeResponse;
    expect(body.user).toMatchObject({ email: 'admin@carrier.example', role: 'admin' });
    expect(body.organisation.name).toBe('Example Carrier');
  });

  it('upgrades a password hash made with older, cheaper parameters at the next sign-in', async () => {
    const salt = Buffer.alloc(16, 3);
    const key = scryptSync(TEST_PASSWORD, salt, 32, { N: 2 ** 14, r: 8, p: 1 });
    await server.sql`
      update users set password_hash = ${`scrypt$14$8$1$${salt.toString('base64')}$${key.toString('base64')}`}
      where email = ${SETUP.email}`;
    await new ApiClient(server.url).postOk('/api/auth/login', { email: SETUP.email, password: TEST_PASSWORD });
    const [row] = await server.sql<{ password_hash: string }[]>`select password_hash from users where email = ${SETUP.email}`;
    expect(row!.password_hash).toMatch(/^scrypt\$17\$8\$1\$/);
    await new ApiClient(server.url).postOk('/api/auth/login', { email: SETUP.email, password: TEST_PASSWORD });
  });

  it('refuses a wrong password and an unknown email with the same words', async () => {
    const client = new ApiClient(server.url);
    const wrongPassword = await client.post('/api/auth/login', { email: 'admin@carrier.example', password: 'not the password' });
    const unknownEmail = await client.post('/api/auth/login', { email: 'nobody@carrier.example', password: TEST_PASSWORD });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    const [a, b] = [await errorOf(wrongPassword), await errorOf(unknownEmail)];
    expect(a).toEqual({ code: 'bad_credentials', message: 'Email or password is wrong' });
    expect(b).toEqual(a);
    expect(client.sessionCookie).toBe('');
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });

  it('sets an HttpOnly, SameSite=Lax session cookie for the whole site', async () => {
    const res = await new ApiClient(server.url).post('/api/auth/login', { email: SETUP.email, password: TEST_PASSWORD });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('trunkline_session='));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).toMatch(/; Max-Age=2592000/);
    // This test server runs plain http with SECURE_COOKIES off.
    expect(cookie).not.toMatch(/Secure/);
  });

  it('stores only a hash of the session token, never the token', async () => {
    const client = new ApiClient(server.url);
    await client.postOk('/api/auth/login', { email: SETUP.email, password: TEST_PASSWORD });
    const token = client.sessionCookie.split('=')[1]!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await server.sql`select * from sessions`;
    const dump = JSON.stringify(rows) + rows.map((r) => Buffer.from(r.token_hash as Buffer).toString('latin1')).join('');
    expect(dump).not.toContain(token);
    const hash = createHash('sha256').update(token).digest();
    const [mine] = await server.sql`select user_agent from sessions where token_hash = ${hash}`;
    expect(mine).toBeDefined();
  });

  it('ends the session on logout, so the old cookie no longer works', async () => {
    const client = new ApiClient(server.url);
    await client.postOk('/api/auth/login', { email: SETUP.email, password: TEST_PASSWORD });
    const oldCookie = client.sessionCookie;
    const hash = createHash('sha256').update(oldCookie.split('=')[1]!).digest();

    const res = await client.post('/api/auth/logout');
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie().join()).toMatch(/trunkline_session=;.*Max-Age=0/);
    expect(client.sessionCookie).toBe('');
    expect(await server.sql`select 1 from sessions where token_hash = ${hash}`).toHaveLength(0);

    const replay = await fetch(`${server.url}/api/auth/me`, { headers: { cookie: oldCookie } });
    expect(replay.status).toBe(401);
    expect((await errorOf(replay)).code).toBe('unauthenticated');
  });

  it('expires an idle session after the configured days, but keeps an active one alive', async () => {
    const idle = new ApiClient(server.url);
    await idle.postOk('/api/auth/login', { email: SETUP.email, password: TEST_PASSWORD });
    const active = new ApiClient(server.url);
    await active.postOk('/api/auth/login', { email: SETUP.email, password: TEST_PASSWORD });

    clock.advance(20 * DAY_MS);
    const renewed = await active.get('/api/auth/me');
    expect(renewed.status).toBe(200);
    // The sliding renewal re-sends the cookie so the browser keeps it as long as the server does.
    expect(renewed.headers.getSetCookie().join()).toMatch(/trunkline_session=.*Max-Age=2592000/);

    clock.advance(10 * DAY_MS + 60_000);
    expect((await idle.get('/api/auth/me')).status).toBe(401);
    expect((await active.get('/api/auth/me')).status).toBe(200);
  });

  it('shuts a disabled user out at once, session and sign-in alike', async () => {
    const admin = new ApiClient(server.url);
    await admin.postOk('/api/auth/login', { email: SETUP.email, password: TEST_PASSWORD });
    await admin.postOk('/api/users', { name: 'Olly Operator', email: 'olly@carrier.example', role: 'operator', password: TEST_PASSWORD });
    const olly = new ApiClient(server.url);
    await olly.postOk('/api/auth/login', { email: 'olly@carrier.example', password: TEST_PASSWORD });

    await server.sql`update users set disabled_at = now() where email = 'olly@carrier.example'`;
    expect((await olly.get('/api/auth/me')).status).toBe(401);
    const login = await new ApiClient(server.url).post('/api/auth/login', { email: 'olly@carrier.example', password: TEST_PASSWORD });
    expect((await errorOf(login)).code).toBe('bad_credentials');
  });

  it('refuses state-changing requests from another site or without an Origin when the cookie is sent', async () => {
    const admin = new ApiClient(server.url);
    await admin.postOk('/api/auth/login', { email: SETUP.email, password: TEST_PASSWORD });

    const foreign = await fetch(`${server.url}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie: admin.sessionCookie, origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
    expect((await errorOf(foreign)).code).toBe('bad_origin');

    const noOrigin = await fetch(`${server.url}/api/auth/logout`, { method: 'POST', headers: { cookie: admin.sessionCookie } });
    expect(noOrigin.status).toBe(403);
    expect((await errorOf(noOrigin)).code).toBe('bad_origin');

    // Neither request ended the session.
    expect((await admin.get('/api/auth/me')).status).toBe(200);
    // Reads are not state-changing and need no Origin.
    expect((await fetch(`${server.url}/api/auth/me`, { headers: { cookie: admin.sessionCookie } })).status).toBe(200);
  });

  it('lets a client without cookie and without Origin through (how machine clients will call)', async () => {
    const machine = new ApiClient(server.url, '');
    const res = await machine.post('/api/auth/login', { email: SETUP.email, password: TEST_PASSWORD });
    expect(res.status).toBe(200);
  });

  it('answers invalid bodies with 400 and the fields at fault', async () => {
    const client = new ApiClient(server.url);
    const res = await client.post('/api/auth/login', { email: 'not-an-email' });
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe('invalid_input');
    expect(error.issues?.map((i) => i.path).sort()).toEqual(['email', 'password']);

    const short = await client.post('/api/auth/setup', { ...SETUP, password: 'short' });
    expect(short.status).toBe(400);
    expect((await errorOf(short)).issues).toContainEqual({ path: 'password', message: 'Passwords are at least 12 characters' });

    const empty = await client.request('POST', '/api/auth/login', undefined, { 'content-type': 'application/json' });
    expect(empty.status).toBe(400);
    expect((await errorOf(empty)).issues?.map((i) => i.path).sort()).toEqual(['email', 'password']);
    const broken = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: '{"email": ',
    });
    expect(broken.status).toBe(400);
    expect(await errorOf(broken)).toEqual({ code: 'invalid_input', message: 'Request body is not valid JSON' });
  });
});

describe('auth under pressure', () => {
  let db: TestDatabase;
  let server: TestServer;
  const clock = testClock();

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startTestServer(db.url, { now: clock.now });
  });

  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it('lets exactly one of two simultaneous set-ups win', async () => {
    const [a, b] = await Promise.all([
      new ApiClient(server.url).post('/api/auth/setup', SETUP),
      new ApiClient(server.url).post('/api/auth/setup', { ...SETUP, organisation: 'Rival Carrier', email: 'rival@carrier.example' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const loser = a.status === 409 ? a : b;
    expect((await errorOf(loser)).code).toBe('already_set_up');
    expect(await server.sql`select id from organisations`).toHaveLength(1);
    expect(await server.sql`select id from users`).toHaveLength(1);
  });

  it('refuses further sign-ins for a while after ten failures, even with the right password', async () => {
    // Whichever set-up won above, its admin is the account under attack.
    const [{ email }] = (await server.sql`select email from users`) as unknown as [{ email: string }];
    const client = new ApiClient(server.url);
    for (let i = 0; i < 10; i++) {
      const res = await client.post('/api/auth/login', { email, password: `wrong password ${i}` });
      expect(res.status).toBe(401);
    }
    const refused = await client.post('/api/auth/login', { email, password: TEST_PASSWORD });
    expect(refused.status).toBe(429);
    const error = await errorOf(refused);
    expect(error.code).toBe('rate_limited');
    expect(error.message).toMatch(/Too many failed sign-in attempts. Try again in \d+ minutes?/);

    clock.advance(15 * 60_000 + 1000);
    const later = await client.post('/api/auth/login', { email, password: TEST_PASSWORD });
    expect(later.status).toBe(200);
  });
});

describe('secure cookies', () => {
  let db: TestDatabase;
  let server: TestServer;

  beforeAll(async () => {
    db = await createTestDatabase();
    const base = loadConfig({ PORT: '0', DATABASE_URL: db.url });
    // As behind a TLS-terminating proxy: the server sees http, the browser is on https.
    const config = { ...base, secureCookies: 'auto' as const, allowedOrigins: ['https://trunkline.example'] };
    server = await startTestServer(db.url, { config });
    await setupAdmin(server.url);
  });

  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it('marks the cookie Secure when the browser is on https, and not on plain-http localhost', async () => {
    const viaProxy = await new ApiClient(server.url, 'https://trunkline.example').post('/api/auth/login', {
      email: SETUP.email,
      password: TEST_PASSWORD,
    });
    expect(viaProxy.status).toBe(200);
    expect(viaProxy.headers.getSetCookie().join()).toMatch(/trunkline_session=.*; Secure/);

    const local = await new ApiClient(server.url).post('/api/auth/login', { email: SETUP.email, password: TEST_PASSWORD });
    expect(local.status).toBe(200);
    expect(local.headers.getSetCookie().join()).not.toMatch(/Secure/);
  });
});
