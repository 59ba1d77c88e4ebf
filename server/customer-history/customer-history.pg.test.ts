import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerEntry, TrafficHistory } from '../../shared/traffic-history.js';
import { cdr, ingestKit, type KitCustomer } from '../ingest/ingest-test-kit.js';
import { setupAdmin, type ApiClient } from '../test/api-client.js';
import { createTestDatabase, type TestDatabase } from '../test/test-database.js';
import { startTestServer, type TestServer } from '../test/test-server.js';

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);

describe('customer history endpoints', () => {
  let db: TestDatabase;
  let server: TestServer;
  let admin: ApiClient;
  let alice: KitCustomer;

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startTestServer(db.url, { now: () => new Date(NOW) });
    admin = await setupAdmin(server.url);
    const kit = await ingestKit(server, admin, 2);
    alice = kit.customers[0]!;
    // Two calls at 10:00:0x (answered, 120 s talk), one busy at 11:30.
    const batch = [
      cdr(alice, { startedAt: '2026-11-26T10:00:01Z', ringingAt: '2026-11-26T10:00:03Z', answeredAt: '2026-11-26T10:00:05Z', endedAt: '2026-11-26T10:02:05Z', charge: '1.00' }),
      cdr(alice, { startedAt: '2026-11-26T10:00:02Z', ringingAt: '2026-11-26T10:00:06Z', answeredAt: '2026-11-26T10:00:08Z', endedAt: '2026-11-26T10:02:08Z', charge: '1.00' }),
      cdr(alice, { startedAt: '2026-11-26T11:30:00Z', ringingAt: null, answeredAt: null, endedAt: '2026-11-26T11:30:04Z', sipCode: 486, charge: '0' }),
    ];
    const res = await kit.post('cdrs', JSON.stringify(batch));
    expect(await res.json()).toMatchObject({ accepted: 3 });
  });
  afterAll(async () => {
    await server.close();
    await db.drop();
  });

  it('charts traffic in buckets and totals the chosen window', async () => {
    const res = await admin.get(`/api/customers/${alice.id}/traffic?from=2026-11-26T09:00:00Z&to=2026-11-26T12:00:00Z`);
    const h = (await res.json()) as TrafficHistory;
    expect(h.bucketSeconds).toBe(60);
    expect(h.points.map((p) => [new Date(p.t).toISOString(), p.attempts, p.answered, p.cpsPeak])).toEqual([
      ['2026-11-26T10:00:00.000Z', 2, 2, 1],
      ['2026-11-26T11:30:00.000Z', 1, 0, 1],
    ]);
    expect(h.totals).toMatchObject({ attempts: 3, answered: 2, talkMs: 240_000, pddCount: 3, pddSumMs: 2000 + 4000 + 4000, busy: 1 });
    const narrow = (await (await admin.get(`/api/customers/${alice.id}/traffic?from=2026-11-26T11:00:00Z&to=2026-11-26T12:00:00Z`)).json()) as TrafficHistory;
    expect(narrow.totals).toMatchObject({ attempts: 1, answered: 0 });
  });

  it('grows the bucket for long ranges, at most 500 points', async () => {
    const h = (await (await admin.get(`/api/customers/${alice.id}/traffic?from=2026-10-27T12:00:00Z&to=2026-11-26T12:00:00Z`)).json()) as TrafficHistory;
    expect(h.bucketSeconds).toBe(2 * 3600);
    expect(h.totals.attempts).toBe(3);
  });

  it('lists the ledger newest first with the running balance', async () => {
    const entries = (await (await admin.get(`/api/customers/${alice.id}/ledger`)).json()) as LedgerEntry[];
    expect(entries.map((e) => [e.kind, e.amount, e.balance])).toEqual([
      ['charge', '-2.0000', (Number(alice.credit) - 2).toFixed(4)],
      ['opening', Number(alice.credit).toFixed(4), Number(alice.credit).toFixed(4)],
    ]);
  });

  it('refuses bad queries and unknown customers', async () => {
    expect((await admin.get(`/api/customers/${alice.id}/traffic?from=2026-11-26T12:00:00Z&to=2026-11-26T11:00:00Z`)).status).toBe(400);
    expect((await admin.get(`/api/customers/${alice.id}/traffic?from=yesterday&to=now`)).status).toBe(400);
    expect((await admin.get(`/api/customers/not-an-id/ledger`)).status).toBe(400);
    expect((await admin.get(`/api/customers/00000000-0000-4000-8000-000000000001/traffic?from=2026-11-26T11:00:00Z&to=2026-11-26T12:00:00Z`)).status).toBe(404);
  });
});
