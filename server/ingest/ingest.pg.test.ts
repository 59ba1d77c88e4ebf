import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { IngestResult } from '../../shared/cdr.js';
import { toMinor } from '../../shared/money.js';
import { setupAdmin, type ApiClient } from '../test/api-client.js';
import { createTestDatabase, type TestDatabase } from '../test/test-database.js';
import { startTestServer, type TestServer } from '../test/test-server.js';
import { cdr, ingestKit, type KitCustomer } from './ingest-test-kit.js';

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);

describe('POST /api/ingest/cdrs', () => {
  let db: TestDatabase;
  let server: TestServer;
  let admin: ApiClient;
  let kit: Awaited<ReturnType<typeof ingestKit>>;
  let alice: KitCustomer;
  let bob: KitCustomer;

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startTestServer(db.url, { now: () => new Date(NOW) });
    admin = await setupAdmin(server.url);
    kit = await ingestKit(server, admin);
    [alice, bob] = [kit.customers[0]!, kit.customers[1]!];
  });
  afterAll(async () => {
    await server.close();
    await db.drop();
  });

  const ingest = async (body: unknown, contentType?: string) => {
    const res = await kit.post('cdrs', typeof body === 'string' ? body : JSON.stringify(body), contentType);
    expect(res.status).toBe(200);
    return (await res.json()) as IngestResult;
  };
  const count = async (table: string) => Number((await server.sql.unsafe(`select count(*) as n from ${table}`))[0]!.n);
  const creditOf = async (id: string) => (await server.sql<{ credit: string }[]>`select credit::text as credit from customers where id = ${id}`)[0]!.credit;
  const ledgerOf = async (id: string) =>
    (await server.sql<{ amount: string }[]>`select amount::text as amount from balance_ledger where customer_id = ${id}`).reduce((s, r) => s + toMinor(r.amount), 0n);

  let cdrsBefore = 0;
  beforeEach(async () => {
    cdrsBefore = await count('cdrs');
  });

  it('stores a JSON array, rolls it up per minute and debits the charges, the ledger explaining the credit', async () => {
    const before = toMinor(await creditOf(alice.id));
    const result = await ingest([cdr(alice, { charge: '1.2500' }), cdr(alice, { charge: '0.7500' }), cdr(bob, { charge: '0' })]);
    expect(result).toEqual({ accepted: 3, duplicates: 0, rejected: [] });
    expect(await count('cdrs')).toBe(cdrsBefore + 3);
    expect(toMinor(await creditOf(alice.id))).toBe(before - toMinor('2.00'));
    expect(await ledgerOf(alice.id)).toBe(toMinor(await creditOf(alice.id)));
    const [charge] = await server.sql<{ kind: string; amount: string }[]>`
      select kind, amount::text as amount from balance_ledger where customer_id = ${alice.id} and kind = 'charge'`;
    expect(charge).toEqual({ kind: 'charge', amount: '-2.0000' });
    const [rollup] = await server.sql<{ attempts: number; answered: number; talk_ms: string }[]>`
      select sum(attempts)::int as attempts, sum(answered)::int as answered, sum(talk_ms)::text as talk_ms
      from customer_minute_rollups where customer_id = ${alice.id}`;
    expect(rollup).toEqual({ attempts: 2, answered: 2, talk_ms: '240000' });
  });

  it('counts a record sent twice once: re-ingesting a whole batch changes nothing', async () => {
    const batch = [cdr(alice), cdr(bob), cdr(alice, { sipCode: 486, answeredAt: null })];
    const credit = await creditOf(alice.id);
    expect(await ingest(batch)).toMatchObject({ accepted: 3, duplicates: 0 });
    const afterFirst = { credit: await creditOf(alice.id), rollups: await server.sql`select * from customer_minute_rollups order by customer_id, minute` };
    expect(afterFirst.credit).not.toBe(credit);
    expect(await ingest(batch)).toEqual({ accepted: 0, duplicates: 3, rejected: [] });
    expect(await ingest([...batch, batch[0]])).toEqual({ accepted: 0, duplicates: 4, rejected: [] });
    expect(await count('cdrs')).toBe(cdrsBefore + 3);
    expect(await creditOf(alice.id)).toBe(afterFirst.credit);
    expect(await server.sql`select * from customer_minute_rollups order by customer_id, minute`).toEqual(afterFirst.rollups);
  });

  it('reports each bad record with its line and reason, and stores the good ones', async () => {
    const result = await ingest([
      cdr(alice),
      cdr(alice, { sipCode: 99 }),
      { callId: 'x' },
      cdr(alice, { customerId: '00000000-0000-4000-8000-000000000000' }),
      cdr(alice, { currency: alice.currency === 'EUR' ? 'USD' : 'EUR' }),
      cdr(alice, { endedAt: '2026-11-26T09:00:00Z', startedAt: '2026-11-26T09:30:00Z' }),
      cdr(alice, { startedAt: '2025-01-01T00:00:00Z', endedAt: '2025-01-01T00:01:00Z', ringingAt: null, answeredAt: null }),
      cdr(bob),
    ]);
    expect(result.accepted).toBe(2);
    expect(result.rejected.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7]);
    const reason = (line: number) => result.rejected.find((r) => r.line === line)!.message;
    expect(reason(2)).toMatch(/^sipCode:/);
    expect(reason(3)).toMatch(/customerId/);
    expect(reason(4)).toMatch(/No customer/);
    expect(reason(5)).toMatch(/billed in/);
    expect(reason(6)).toMatch(/Ends before it starts/);
    expect(reason(7)).toMatch(/retention/);
    expect(await count('cdrs')).toBe(cdrsBefore + 2);
  });

  it('takes NDJSON, reporting a line that is not JSON by its line number', async () => {
    const body = [JSON.stringify(cdr(alice)), '', '{not json', JSON.stringify(cdr(bob))].join('\n');
    const result = await ingest(body, 'application/x-ndjson');
    expect(result).toEqual({ accepted: 2, duplicates: 0, rejected: [{ line: 3, message: 'This line is not valid JSON' }] });
  });

  it('takes CSV with loose headers, numbering rows as a spreadsheet does', async () => {
    const a = cdr(alice);
    const b = cdr(bob);
    const header = 'Call ID,customer_id,Started At,endedAt,SIP code,destination,charge,currency';
    const row = (c: Record<string, unknown>) => [c.callId, c.customerId, c.startedAt, c.endedAt, c.sipCode, c.destination, c.charge, c.currency].join(',');
    const csv = ['\uFEFF' + header, row(a), `bad,${alice.id},yesterday,${a.endedAt as string},200,44,0,${alice.currency}`, row(b)].join('\r\n');
    const result = await ingest(csv, 'text/csv');
    expect(result.accepted).toBe(2);
    expect(result.rejected).toEqual([{ line: 3, callId: 'bad', message: expect.stringMatching(/^startedAt: Not a time/) }]);
  });

  it('refuses requests without a valid API key, and a revoked key stops working', async () => {
    const body = JSON.stringify([cdr(alice)]);
    expect((await kit.post('cdrs', body, 'application/json', null)).status).toBe(401);
    expect((await kit.post('cdrs', body, 'application/json', 'tlk_' + 'x'.repeat(43))).status).toBe(401);
    const keys = (await (await admin.get('/api/api-keys')).json()) as { id: string; prefix: string }[];
    const id = keys.find((k) => kit.key.startsWith(k.prefix))!.id;
    await admin.request('DELETE', `/api/api-keys/${id}`);
    const res = await kit.post('cdrs', body);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'unauthenticated', message: expect.stringMatching(/revoked/) } });
    expect(await count('cdrs')).toBe(cdrsBefore);
  });
});
