import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, ApiClient, setupAdmin } from '../test/api-client.js';
import { createTestDatabase, type TestDatabase } from '../test/test-database.js';
import { startTestServer, type TestServer } from '../test/test-server.js';
import type { PokeBus } from './poke-bus.js';
import { SseStream } from './test-support/sse-stream.js';
import { HttpFailure, httpTransport, TestSyncClient } from './test-support/test-sync-client.js';

let db: TestDatabase;
let server: TestServer;
let admin: ApiClient;
let operator: ApiClient;
let viewer: ApiClient;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(db.url);
  admin = await setupAdmin(server.url);
  operator = await addUser(admin, 'operator');
  viewer = await addUser(admin, 'viewer');
});
afterAll(async () => {
  await server.close();
  await db.drop();
});

const device = (api: ApiClient, clientGroupID?: string) => new TestSyncClient(httpTransport(api), clientGroupID);

async function failure(p: Promise<unknown>): Promise<HttpFailure> {
  const e = await p.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (e instanceof HttpFailure) return e;
  throw new Error(`expected an HTTP failure, got ${String(e)}`);
}

describe('/api/replicache', () => {
  it('requires a session for push, pull and the poke stream', async () => {
    const anonymous = new ApiClient(server.url);
    expect((await anonymous.post('/api/replicache/push', {})).status).toBe(401);
    expect((await anonymous.post('/api/replicache/pull', {})).status).toBe(401);
    expect((await anonymous.get('/api/replicache/poke')).status).toBe(401);
  });

  it('answers a malformed request with 400 invalid_input', async () => {
    const res = await operator.post('/api/replicache/push', { pushVersion: 0, mutations: 'lots' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_input' } });
    const bad = await operator.request('POST', '/api/replicache/pull', undefined, { 'content-type': 'application/json' });
    expect(bad.status).toBe(400);
  });

  it('syncs a change from one user’s device to another’s', async () => {
    const id = randomUUID();
    const mine = device(operator);
    await mine.mutate('createCustomer', { id, name: 'Over The Wire Ltd', currency: 'GBP', channels: 20 });
    const theirs = device(admin);
    await theirs.pullAll();
    expect(theirs.customer(id)).toMatchObject({ name: 'Over The Wire Ltd', currency: 'GBP', channels: 20 });
    await mine.pullAll();
    expect(mine.lastMutationID).toBe(1);
  });

  it('refuses another user’s client group with 403 for push and pull', async () => {
    const owner = device(operator);
    await owner.pull();
    const intruder = device(admin, owner.clientGroupID);
    const pushed = await failure(intruder.mutate('createCustomer', { id: randomUUID(), name: 'Should Not Exist', currency: 'USD' }));
    expect([pushed.status, pushed.code]).toEqual([403, 'client_group_forbidden']);
    const pulled = await failure(intruder.pull());
    expect([pulled.status, pulled.code]).toEqual([403, 'client_group_forbidden']);
    const [row] = await server.sql`select count(*)::int as n from customers where name = 'Should Not Exist'`;
    expect(row?.n).toBe(0);
  });

  it('answers a mutation from the future with 409', async () => {
    const client = device(operator);
    client.nextMutationID = 3;
    const error = await failure(client.mutate('createCustomer', { id: randomUUID(), name: 'Too Early', currency: 'USD' }));
    expect([error.status, error.code]).toEqual([409, 'mutation_from_future']);
  });

  it('accepts a viewer’s push but refuses its change as forbidden, changing nothing', async () => {
    const client = device(viewer);
    const id = randomUUID();
    await client.mutate('createCustomer', { id, name: 'Viewer Creation', currency: 'USD' });
    await client.pullAll();
    expect(client.customer(id)).toBeUndefined();
    expect(client.rejections()).toMatchObject([{ code: 'forbidden', mutationID: 1 }]);
    expect(client.lastMutationID).toBe(1);
    const others = device(operator);
    await others.pullAll();
    expect(others.rejections().filter((r) => r.code === 'forbidden')).toEqual([]);
  });

  it('answers 200 to a push holding a NUL or an overflowing payment: refusals the user sees, and later changes apply', async () => {
    const client = device(operator);
    const id = randomUUID();
    await client.push(
      client.mutation('createCustomer', { id, name: 'Nul\u0000 Over HTTP', currency: 'USD' }),
      client.mutation('createCustomer', { id, name: 'Fine Over HTTP', currency: 'USD', credit: '999999999999' }),
      client.mutation('postBalanceEntry', { customerId: id, kind: 'payment', amount: '2', reason: 'Too much' }),
      client.mutation('updateCustomer', { id, patch: { channels: 12 } }),
    );
    await client.pullAll();
    expect(client.customer(id)).toMatchObject({ name: 'Fine Over HTTP', credit: '999999999999.00', channels: 12 });
    const refused = client.rejections().filter((r) => r.clientID === client.clientID).sort((a, b) => a.mutationID - b.mutationID);
    expect(refused.map((r) => [r.mutationID, r.message])).toEqual([
      [1, 'Invalid customer: name: Contains a control character (such as NUL) that cannot be stored'],
      [3, 'Fine Over HTTP: The balance would become 1000000000001.00, beyond the limit of 1,000,000,000,000 either way.'],
    ]);
  });

  it('pokes an open stream when another user pushes', async () => {
    const stream = await SseStream.open(admin);
    expect(stream.response.headers.get('content-type')).toContain('text/event-stream');
    try {
      await device(operator).mutate('createCustomer', { id: randomUUID(), name: 'Poke Trigger Co', currency: 'USD' });
      await stream.next('poke');
    } finally {
      stream.close();
    }
  });

  it('unsubscribes a poke stream when the client goes away', async () => {
    const real = server.deps.pokes;
    let active = 0;
    let changed = () => {};
    const counted: PokeBus = {
      publish: (org) => real.publish(org),
      close: () => real.close(),
      subscribe(org, listener) {
        active++;
        changed();
        const unsubscribe = real.subscribe(org, listener);
        return () => {
          active--;
          changed();
          unsubscribe();
        };
      },
    };
    const until = (condition: () => boolean) =>
      new Promise<void>((resolve) => {
        changed = () => condition() && resolve();
        changed();
      });
    server.deps.pokes = counted;
    try {
      const stream = await SseStream.open(operator);
      await until(() => active === 1);
      stream.close();
      await until(() => active === 0);
    } finally {
      server.deps.pokes = real;
    }
  });
});
