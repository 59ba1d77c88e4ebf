import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiKeySummary, CreateApiKeyResponse, MeResponse } from '../../shared/api.js';
import type { ErrorBody } from '../../shared/errors.js';
import { hashPassword } from '../auth/password.js';
import type { AppDeps, AppEnv } from '../http/app-env.js';
import { handleError } from '../http/error-handler.js';
import { ApiClient, TEST_PASSWORD, addUser, setupAdmin } from '../test/api-client.js';
import { createTestDatabase, type TestDatabase } from '../test/test-database.js';
import { startTestServer, type TestServer } from '../test/test-server.js';
import { insertUser } from '../users/user-store.js';
import { authenticateApiKey } from './api-key-auth.js';

/** A clock the test moves by hand, handed to the server as deps.now. */
function testClock() {
  let now = Date.UTC(2026, 4, 1, 9, 0, 0);
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

/** The smallest ingest-like endpoint: the real deps, the real error handler, and authenticateApiKey. */
function ingestProbe(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.onError(handleError);
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.post('/ingest', async (c) => c.json(await authenticateApiKey(c)));
  return app;
}

async function errorOf(res: Response): Promise<ErrorBody['error']> {
  return ((await res.json()) as ErrorBody).error;
}

describe('API keys', () => {
  let db: TestDatabase;
  let server: TestServer;
  let admin: ApiClient;
  let me: MeResponse;
  let probe: Hono<AppEnv>;
  const clock = testClock();

  const createKey = async (name: string): Promise<CreateApiKeyResponse> => admin.postOk<CreateApiKeyResponse>('/api/api-keys', { name });
  const ingest = async (headers: Record<string, string>): Promise<Response> => probe.request('/ingest', { method: 'POST', headers });
  const stored = async (id: string) => {
    const [row] = await server.sql<{ last_used_at: Date | null; revoked_at: Date | null }[]>`
      select last_used_at, revoked_at from api_keys where id = ${id}`;
    return row!;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startTestServer(db.url, { now: clock.now });
    admin = await setupAdmin(server.url);
    me = (await (await admin.get('/api/auth/me')).json()) as MeResponse;
    probe = ingestProbe(server.deps);
  });

  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it('lets the admin create a key, shows its text once, and lists it without the secret', async () => {
    const res = await admin.post('/api/api-keys', { name: '  Sofia switch 1  ' });
    expect(res.status).toBe(201);
    const created = (await res.json()) as CreateApiKeyResponse;
    expect(created.key).toMatch(/^tlk_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({ name: 'Sofia switch 1', prefix: created.key.slice(0, 12), lastUsedAt: null, revokedAt: null });
    expect(created.createdAt).toBe(clock.now().toISOString());

    const [row] = await server.sql<{ key_hash: Buffer; prefix: string; created_by: string; organisation_id: string }[]>`
      select key_hash, prefix, created_by, organisation_id from api_keys where id = ${created.id}`;
    expect(row!.key_hash.equals(createHash('sha256').update(created.key).digest())).toBe(true);
    expect(row).toMatchObject({ prefix: created.key.slice(0, 12), created_by: me.user.id, organisation_id: me.organisation.id });
    const [whole] = await server.sql<{ text: string }[]>`select to_jsonb(k)::text as text from api_keys k where id = ${created.id}`;
    expect(whole!.text).not.toContain(created.key);

    const list = (await (await admin.get('/api/api-keys')).json()) as ApiKeySummary[];
    const listed = list.find((k) => k.id === created.id);
    const { key: _secret, ...summary } = created;
    expect(listed).toEqual(summary);
    expect(JSON.stringify(list)).not.toContain(created.key);

    const second = await createKey('Sofia switch 2');
    expect(second.key).not.toBe(created.key);
    expect(second.prefix).not.toBe(created.prefix);
  });

  it('forbids operators and viewers to list, create or revoke keys', async () => {
    const key = await createKey('Guarded');
    const operator = await addUser(admin, 'operator');
    const viewer = await addUser(admin, 'viewer');
    for (const client of [operator, viewer]) {
      const list = await client.get('/api/api-keys');
      expect(list.status).toBe(403);
      expect((await errorOf(list)).code).toBe('forbidden');
      expect((await client.post('/api/api-keys', { name: 'Sneaky' })).status).toBe(403);
      // Even an invalid body or id is refused for the role before it is looked at.
      expect((await client.post('/api/api-keys', {})).status).toBe(403);
      expect((await client.request('DELETE', '/api/api-keys/not-a-uuid')).status).toBe(403);
      const revoke = await client.request('DELETE', `/api/api-keys/${key.id}`);
      expect(revoke.status).toBe(403);
      expect((await errorOf(revoke)).code).toBe('forbidden');
    }
    expect(await server.sql`select 1 from api_keys where name = 'Sneaky'`).toHaveLength(0);
    expect((await stored(key.id)).revoked_at).toBeNull();
  });

  it('asks for sign-in before anything else', async () => {
    const anon = new ApiClient(server.url);
    expect((await anon.get('/api/api-keys')).status).toBe(401);
    expect((await anon.post('/api/api-keys', { name: 'Anon' })).status).toBe(401);
    expect((await anon.request('DELETE', '/api/api-keys/00000000-0000-4000-8000-000000000000')).status).toBe(401);
  });

  it('keeps another organisation from seeing or revoking the key', async () => {
    const key = await createKey('Ours');
    const [org] = await server.sql<{ id: string }[]>`insert into organisations (name) values ('Other Carrier') returning id`;
    await insertUser(server.sql, {
      organisationId: org!.id,
      email: 'admin@other.example',
      name: 'Otto Other',
      role: 'admin',
      passwordHash: await hashPassword(TEST_PASSWORD),
    });
    const other = new ApiClient(server.url);
    await other.postOk('/api/auth/login', { email: 'admin@other.example', password: TEST_PASSWORD });

    const revoke = await other.request('DELETE', `/api/api-keys/${key.id}`);
    expect(revoke.status).toBe(404);
    expect((await errorOf(revoke)).code).toBe('not_found');
    expect((await stored(key.id)).revoked_at).toBeNull();
    expect(await (await other.get('/api/api-keys')).json()).toEqual([]);

    const theirs = await other.postOk<CreateApiKeyResponse>('/api/api-keys', { name: 'Theirs' });
    expect((await admin.request('DELETE', `/api/api-keys/${theirs.id}`)).status).toBe(404);
    const ours = (await (await admin.get('/api/api-keys')).json()) as ApiKeySummary[];
    expect(ours.map((k) => k.name)).not.toContain('Theirs');
    expect(await ingest({ authorization: `Bearer ${theirs.key}` }).then((r) => r.json())).toEqual({ id: theirs.id, organisationId: org!.id });
  });

  it('accepts a live key from either header, naming the key and its organisation', async () => {
    const key = await createKey('Accepted');
    const expected = { id: key.id, organisationId: me.organisation.id };
    const variants: Record<string, string>[] = [{ authorization: `Bearer ${key.key}` }, { authorization: `bearer  ${key.key} ` }, { 'x-api-key': key.key }];
    for (const headers of variants) {
      const res = await ingest(headers);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual(expected);
    }
  });

  it('refuses a request without a key, saying one is required', async () => {
    const variants: Record<string, string>[] = [{}, { authorization: 'Bearer ' }, { authorization: 'Basic dXNlcjpwYXNz' }, { 'x-api-key': '  ' }];
    for (const headers of variants) {
      const res = await ingest(headers);
      expect(res.status).toBe(401);
      const error = await errorOf(res);
      expect(error.code).toBe('unauthenticated');
      expect(error.message).toMatch(/API key is required/);
    }
  });

  it('refuses a wrong key, well-formed or not, as not valid', async () => {
    const key = await createKey('Genuine');
    const wrongLast = key.key.slice(0, -1) + (key.key.endsWith('A') ? 'B' : 'A');
    for (const wrong of [wrongLast, `tlk_${'x'.repeat(43)}`, 'tlk_short', key.key.slice(4), `${key.key}x`]) {
      const res = await ingest({ authorization: `Bearer ${wrong}` });
      expect(res.status).toBe(401);
      const error = await errorOf(res);
      expect(error.code).toBe('unauthenticated');
      expect(error.message).toMatch(/API key is not valid/);
    }
    expect((await stored(key.id)).last_used_at).toBeNull();
  });

  it('refuses a revoked key, saying so; revoking again keeps the first time', async () => {
    const key = await createKey('Retired switch');
    expect((await ingest({ 'x-api-key': key.key })).status).toBe(200);

    const res = await admin.request('DELETE', `/api/api-keys/${key.id}`);
    expect(res.status).toBe(200);
    const revoked = (await res.json()) as ApiKeySummary;
    expect(revoked).toMatchObject({ id: key.id, name: 'Retired switch', revokedAt: clock.now().toISOString() });

    const variants: Record<string, string>[] = [{ authorization: `Bearer ${key.key}` }, { 'x-api-key': key.key }];
    for (const headers of variants) {
      const refused = await ingest(headers);
      expect(refused.status).toBe(401);
      const error = await errorOf(refused);
      expect(error.code).toBe('unauthenticated');
      expect(error.message).toMatch(/API key was revoked/);
    }

    clock.advance(5 * 60_000);
    const again = await admin.request('DELETE', `/api/api-keys/${key.id}`);
    expect(again.status).toBe(200);
    expect(((await again.json()) as ApiKeySummary).revokedAt).toBe(revoked.revokedAt);
    const listed = ((await (await admin.get('/api/api-keys')).json()) as ApiKeySummary[]).find((k) => k.id === key.id);
    expect(listed?.revokedAt).toBe(revoked.revokedAt);
  });

  it('records when a key was last used, at most once a minute', async () => {
    const key = await createKey('Busy switch');
    expect((await stored(key.id)).last_used_at).toBeNull();

    const firstUse = clock.now();
    expect((await ingest({ authorization: `Bearer ${key.key}` })).status).toBe(200);
    expect((await stored(key.id)).last_used_at).toEqual(firstUse);

    clock.advance(30_000);
    expect((await ingest({ authorization: `Bearer ${key.key}` })).status).toBe(200);
    clock.advance(29_000);
    expect((await ingest({ 'x-api-key': key.key })).status).toBe(200);
    expect((await stored(key.id)).last_used_at).toEqual(firstUse);

    clock.advance(1_000);
    const minuteLater = clock.now();
    expect((await ingest({ 'x-api-key': key.key })).status).toBe(200);
    expect((await stored(key.id)).last_used_at).toEqual(minuteLater);

    const listed = ((await (await admin.get('/api/api-keys')).json()) as ApiKeySummary[]).find((k) => k.id === key.id);
    expect(listed?.lastUsedAt).toBe(minuteLater.toISOString());
  });

  it('validates the name and the id with field-level messages', async () => {
    for (const body of [{ name: '' }, { name: '   ' }, { name: 'x'.repeat(101) }, {}, { name: 42 }]) {
      const res = await admin.post('/api/api-keys', body);
      expect(res.status).toBe(400);
      const error = await errorOf(res);
      expect(error.code).toBe('invalid_input');
      expect(error.issues?.map((i) => i.path)).toEqual(['name']);
    }
    expect((await createKey('y'.repeat(100))).name).toBe('y'.repeat(100));

    const badId = await admin.request('DELETE', '/api/api-keys/not-a-uuid');
    expect(badId.status).toBe(400);
    const error = await errorOf(badId);
    expect(error.code).toBe('invalid_input');
    expect(error.issues).toEqual([{ path: 'id', message: 'Not an API key id (UUID)' }]);

    const unknown = await admin.request('DELETE', '/api/api-keys/00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect((await errorOf(unknown)).code).toBe('not_found');
  });
});
