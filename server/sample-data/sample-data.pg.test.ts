import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeResponse, SampleDataResponse } from '../../shared/api.js';
import { customerSchema } from '../../shared/customer.js';
import type { ErrorBody } from '../../shared/errors.js';
import { CUSTOMER_COLUMNS, rowToCustomer, type CustomerRow } from '../customers/customer-row.js';
import { addUser, setupAdmin, type ApiClient } from '../test/api-client.js';
import { generateCustomers } from './generate-customers.js';
import { insertSampleCustomers } from './insert-sample-customers.js';
import { createTestDatabase, type TestDatabase } from '../test/test-database.js';
import { startTestServer, type TestServer } from '../test/test-server.js';

describe('sample data', () => {
  let db: TestDatabase;
  let server: TestServer;
  let admin: ApiClient;
  let organisationId: string;

  const version = async () => Number((await server.sql`select version from organisations where id = ${organisationId}`)[0]!.version);
  const customerCount = async () =>
    Number((await server.sql`select count(*) from customers where organisation_id = ${organisationId} and deleted_at is null`)[0]!.count);
  /** Moves every customer to the trash: the organisation counts as empty again. */
  const emptyTheOrganisation = () =>
    server.sql`update customers set deleted_at = now() where organisation_id = ${organisationId} and deleted_at is null`;

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startTestServer(db.url);
    admin = await setupAdmin(server.url);
    organisationId = ((await (await admin.get('/api/auth/me')).json()) as MeResponse).organisation.id;
  });

  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it('loads 500 valid customers in one change: one version bump that every row carries, and a poke', async () => {
    const before = await version();
    const poked = new Promise<void>((resolve) => {
      const stop = server.deps.pokes.subscribe(organisationId, () => {
        stop();
        resolve();
      });
    });

    const res = await admin.post('/api/sample-data', { count: 500 });
    expect(res.status).toBe(201);
    expect((await res.json()) as SampleDataResponse).toEqual({ created: 500 });
    await poked;

    expect(await version()).toBe(before + 1);
    const rows = await server.sql<(CustomerRow & { version: string; organisation_id: string })[]>`
      select ${server.sql(CUSTOMER_COLUMNS)}, version, organisation_id from customers where organisation_id = ${organisationId}`;
    expect(rows).toHaveLength(500);
    expect(new Set(rows.map((r) => r.version))).toEqual(new Set([String(before + 1)]));
    expect(rows.every((r) => r.organisation_id === organisationId)).toBe(true);
    for (const row of rows) {
      const customer = rowToCustomer(row);
      expect(customerSchema.parse(customer)).toEqual(customer);
    }
  });

  it('stores exactly the customers the generator made, a batch per transaction, and skips nothing on a clean load', async () => {
    const now = new Date('2026-05-01T09:00:00.000Z');
    const [org] = await server.sql<{ id: string }[]>`insert into organisations (name) values ('Exact Carrier') returning id`;
    const result = await insertSampleCustomers(server.sql, { organisationId: org!.id, count: 1200, seed: 'exact', now, sipRealm: 'trunkline' });
    expect(result).toEqual({ created: 1200, version: 3 });
    const rows = await server.sql<(CustomerRow & { version: string })[]>`
      select ${server.sql(CUSTOMER_COLUMNS)}, version from customers where organisation_id = ${org!.id}`;
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    expect(rows.map(rowToCustomer).sort(byId)).toEqual([...generateCustomers(1200, { seed: 'exact', now })].sort(byId));
    const perVersion = new Map<string, number>();
    for (const r of rows) perVersion.set(r.version, (perVersion.get(r.version) ?? 0) + 1);
    expect(Object.fromEntries(perVersion)).toEqual({ 1: 500, 2: 500, 3: 200 });
  });

  it('stores SIP digest credentials for every sample SIP user, and no passwords', async () => {
    const users = await server.sql<{ username: string; customer_id: string }[]>`
      select u->>'username' as username, c.id as customer_id
      from customers c, jsonb_array_elements(c.sip_users) u where c.organisation_id = ${organisationId}`;
    expect(users.length).toBeGreaterThan(50);
    const creds = await server.sql<{ username: string; customer_id: string; ha1: string }[]>`
      select username, customer_id, ha1 from sip_credentials where organisation_id = ${organisationId}`;
    expect(creds.map((c) => `${c.username}/${c.customer_id}`).sort()).toEqual(users.map((u) => `${u.username}/${u.customer_id}`).sort());
    expect(creds.every((c) => /^[0-9a-f]{32}$/.test(c.ha1))).toBe(true);
    expect(new Set(creds.map((c) => c.ha1)).size).toBe(creds.length);
  });

  it('gives different customers on the next load, never a name already in use', async () => {
    const [a, b] = await Promise.all([admin.postOk<SampleDataResponse>('/api/sample-data', { count: 300 }), admin.postOk<SampleDataResponse>('/api/sample-data', { count: 200 })]);
    expect(a.created + b.created).toBe(500);
    expect(await customerCount()).toBe(1000);
    const [dupes] = await server.sql`
      select count(*)::int as n from (
        select lower(name) from customers where organisation_id = ${organisationId} group by 1 having count(*) > 1
      ) d`;
    expect(dupes!.n).toBe(0);
  });

  it('loads 500 when no count is given', async () => {
    await emptyTheOrganisation();
    const res = await admin.request('POST', '/api/sample-data');
    expect(((await res.json()) as SampleDataResponse).created).toBe(500);
    expect(await customerCount()).toBe(500);
  });

  it('lets only admins load sample data', async () => {
    await emptyTheOrganisation();
    for (const role of ['operator', 'viewer'] as const) {
      const user = await addUser(admin, role);
      const res = await user.post('/api/sample-data', { count: 5 });
      expect(res.status).toBe(403);
      expect(((await res.json()) as ErrorBody).error.code).toBe('forbidden');
    }
    expect(await customerCount()).toBe(0);
  });

  it('refuses with 409 an organisation that already has 1,000 customers, changing nothing', async () => {
    await emptyTheOrganisation();
    await admin.postOk('/api/sample-data', { count: 999 });
    await admin.postOk('/api/sample-data', { count: 1 });
    const before = await version();
    const res = await admin.post('/api/sample-data', { count: 5 });
    expect(res.status).toBe(409);
    expect(((await res.json()) as ErrorBody).error).toEqual({
      code: 'conflict',
      message: 'Sample data goes only into an organisation with fewer than 1,000 customers, and this one has 1,000 or more.',
    });
    expect(await customerCount()).toBe(1000);
    expect(await version()).toBe(before);
  });

  it('lets one of two loads started at once into an empty organisation run, and refuses the other', async () => {
    await emptyTheOrganisation();
    const answers = await Promise.all([1, 2].map(() => admin.post('/api/sample-data', { count: 3000 })));
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await customerCount()).toBe(3000);
  });

  it('refuses counts outside 1 to 100,000', async () => {
    for (const count of [100_001, 0, -5, 2.5, 'many']) {
      const res = await admin.post('/api/sample-data', { count });
      expect(res.status).toBe(400);
      const error = ((await res.json()) as ErrorBody).error;
      expect(error.code).toBe('invalid_input');
      expect(error.issues?.[0]?.path).toBe('count');
    }
  });
});
