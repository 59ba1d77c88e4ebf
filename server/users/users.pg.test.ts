import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeResponse, UserSummary } from '../../shared/api.js';
import type { ErrorBody } from '../../shared/errors.js';
import { ApiClient, TEST_PASSWORD, addUser, setupAdmin } from '../test/api-client.js';
import { createTestDatabase, type TestDatabase } from '../test/test-database.js';
import { startTestServer, type TestServer } from '../test/test-server.js';

describe('users', () => {
  let db: TestDatabase;
  let server: TestServer;
  let admin: ApiClient;

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startTestServer(db.url);
    admin = await setupAdmin(server.url);
  });

  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it('lets the admin add an operator and a viewer, who can then sign in with their roles', async () => {
    const created = await admin.post('/api/users', { name: 'Olly Operator', email: 'Olly@Carrier.example', role: 'operator', password: TEST_PASSWORD });
    expect(created.status).toBe(201);
    const olly = (await created.json()) as UserSummary;
    expect(olly).toMatchObject({ name: 'Olly Operator', email: 'olly@carrier.example', role: 'operator' });
    expect(new Date(olly.createdAt).getTime()).not.toBeNaN();
    expect(olly).not.toHaveProperty('password_hash');

    const operator = new ApiClient(server.url);
    const me = (await operator.postOk('/api/auth/login', { email: 'olly@carrier.example', password: TEST_PASSWORD })) as MeResponse;
    expect(me.user.role).toBe('operator');

    const viewer = await addUser(admin, 'viewer', 'vera@carrier.example');
    const vera = (await (await viewer.get('/api/auth/me')).json()) as MeResponse;
    expect(vera.user).toMatchObject({ email: 'vera@carrier.example', role: 'viewer' });
    expect(vera.organisation.name).toBe('Example Carrier');

    const list = (await (await admin.get('/api/users')).json()) as UserSummary[];
    expect(list.map((u) => [u.email, u.role])).toEqual([
      ['admin@carrier.example', 'admin'],
      ['olly@carrier.example', 'operator'],
      ['vera@carrier.example', 'viewer'],
    ]);
  });

  it('forbids operators and viewers to list or add users', async () => {
    const operator = await addUser(admin, 'operator', 'otto@carrier.example');
    const viewer = await addUser(admin, 'viewer', 'viv@carrier.example');
    for (const client of [operator, viewer]) {
      const list = await client.get('/api/users');
      expect(list.status).toBe(403);
      expect(((await list.json()) as ErrorBody).error.code).toBe('forbidden');
      const add = await client.post('/api/users', { name: 'Sneaky', email: 'sneaky@carrier.example', role: 'admin', password: TEST_PASSWORD });
      expect(add.status).toBe(403);
      // Even an invalid body is refused for the role before it is looked at.
      expect((await client.post('/api/users', {})).status).toBe(403);
    }
    const emails = await server.sql`select email from users where email = 'sneaky@carrier.example'`;
    expect(emails).toHaveLength(0);
  });

  it('asks for sign-in before anything else', async () => {
    const anon = new ApiClient(server.url);
    expect((await anon.get('/api/users')).status).toBe(401);
    expect((await anon.post('/api/users', {})).status).toBe(401);
  });

  it('refuses a second user with the same email, whatever its case', async () => {
    await admin.postOk('/api/users', { name: 'Dana', email: 'dana@carrier.example', role: 'viewer', password: TEST_PASSWORD });
    const dup = await admin.post('/api/users', { name: 'Dana Two', email: 'DANA@carrier.example', role: 'operator', password: TEST_PASSWORD });
    expect(dup.status).toBe(409);
    const error = ((await dup.json()) as ErrorBody).error;
    expect(error.code).toBe('duplicate_email');
    expect(error.issues).toEqual([{ path: 'email', message: 'This email is already in use' }]);
  });

  it('validates the new user with field-level messages', async () => {
    const res = await admin.post('/api/users', { name: '', email: 'x', role: 'owner', password: 'short' });
    expect(res.status).toBe(400);
    const error = ((await res.json()) as ErrorBody).error;
    expect(error.code).toBe('invalid_input');
    expect(error.issues?.map((i) => i.path).sort()).toEqual(['email', 'name', 'password', 'role']);
  });
});
