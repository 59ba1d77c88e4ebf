import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CallEventsResult } from '../../shared/call-event.js';
import type { IngestResult } from '../../shared/cdr.js';
import type { ErrorBody } from '../../shared/errors.js';
import { toMinor } from '../../shared/money.js';
import { setupAdmin } from '../test/api-client.js';
import { createTestDatabase, type TestDatabase } from '../test/test-database.js';
import { startTestServer, type TestServer } from '../test/test-server.js';
import { cdr, ingestKit, type KitCustomer } from './ingest-test-kit.js';

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);
/** Just below what numeric(20,4) holds: one more unit charged overflows the credit. */
const CREDIT_AT_THE_LIMIT = '-9999999999999999.0000';

describe('ingest refuses records, not batches', () => {
  let db: TestDatabase;
  let server: TestServer;
  let kit: Awaited<ReturnType<typeof ingestKit>>;
  let alice: KitCustomer;
  let bob: KitCustomer;
  let carol: KitCustomer;

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startTestServer(db.url, { now: () => new Date(NOW) });
    kit = await ingestKit(server, await setupAdmin(server.url));
    [alice, bob, carol] = [kit.customers[0]!, kit.customers[1]!, kit.customers[2]!];
    // Carol's credit is as low as the column holds: any charge overflows it, which no
    // schema can see in one record; only the database can.
    // (In two steps: the ledger entry of one jump from a positive credit would overflow.)
    await server.sql`update customers set credit = 0 where id = ${carol.id}`;
    await server.sql`update customers set credit = ${CREDIT_AT_THE_LIMIT} where id = ${carol.id}`;
  });
  afterAll(async () => {
    await server.close();
    await db.drop();
  });

  const post = async <T>(path: 'cdrs' | 'events', body: unknown, contentType?: string) => {
    const res = await kit.post(path, typeof body === 'string' ? body : JSON.stringify(body), contentType);
    return { status: res.status, body: (await res.json()) as T };
  };
  const ingest = async (body: unknown, contentType?: string) => {
    const res = await post<IngestResult>('cdrs', body, contentType);
    expect(res.status).toBe(200);
    return res.body;
  };
  const state = async () => ({
    cdrs: await server.sql`select call_id, customer_id, charge::text from cdrs order by call_id`,
    credits: await server.sql`select id, credit::text from customers order by id`,
    ledger: await server.sql`select customer_id, kind, amount::text from balance_ledger order by id`,
    minutes: await server.sql`select * from customer_minute_rollups order by customer_id, minute`,
    hours: await server.sql`select * from customer_hour_rollups order by customer_id, hour`,
  });
  const creditOf = async (c: KitCustomer) => toMinor((await server.sql<{ credit: string }[]>`select credit::text from customers where id = ${c.id}`)[0]!.credit);
  const storedIds = async () => (await server.sql<{ call_id: string }[]>`select call_id from cdrs`).map((r) => r.call_id);

  it('stores and charges the good records of a batch once, refusing each bad one with its line, and a resend changes nothing', async () => {
    const good = [cdr(alice, { charge: '1.5000' }), cdr(bob, { charge: '0.2500' }), cdr(alice, { charge: '0.2500' }), cdr(carol, { charge: '0' })];
    const batch = [
      good[0]!,
      cdr(bob, { sipReason: 'Busy\u0000Here' }),
      good[1]!,
      cdr(alice, { charge: '9999999999999999', currency: alice.currency }),
      cdr(alice, { charge: '9999999999999999', currency: alice.currency }),
      cdr(carol, { charge: '1.0000' }),
      good[2]!,
      good[3]!,
    ];
    const [aliceBefore, bobBefore, carolBefore] = [await creditOf(alice), await creditOf(bob), await creditOf(carol)];

    const result = await ingest(batch);
    expect(result.accepted).toBe(4);
    expect(result.duplicates).toBe(0);
    expect(result.rejected).toEqual([
      { line: 2, callId: batch[1]!.callId, message: 'sipReason: Contains a control character (such as NUL) that cannot be stored' },
      { line: 4, callId: batch[3]!.callId, message: 'charge: At most 100,000,000 for one call' },
      { line: 5, callId: batch[4]!.callId, message: 'charge: At most 100,000,000 for one call' },
      { line: 6, callId: batch[5]!.callId, message: 'A number is too large to store.' },
    ]);
    expect((await storedIds()).sort()).toEqual(good.map((g) => g.callId as string).sort());
    expect(await creditOf(alice)).toBe(aliceBefore - toMinor('1.75'));
    expect(await creditOf(bob)).toBe(bobBefore - toMinor('0.25'));
    expect(await creditOf(carol)).toBe(carolBefore);
    const [rollup] = await server.sql<{ attempts: number; charge: string }[]>`
      select sum(attempts)::int as attempts, sum(charge)::text as charge from customer_hour_rollups`;
    expect(rollup).toEqual({ attempts: 4, charge: '2.0000' });

    const after = await state();
    const again = await ingest(batch);
    expect(again).toEqual({ accepted: 0, duplicates: 4, rejected: result.rejected });
    expect(await state()).toEqual(after);
  });

  it('fails a batch the database refuses everywhere (a broken column) after a few tries, so the switch sends it again; once fixed, the resend stores it', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => {});
    // Our bug, not the switch's data: a constraint no record of this destination can pass.
    await server.sql`alter table cdrs add constraint broken_destination check (destination <> '4930')`;
    const batch = Array.from({ length: 2000 }, (_, i) => cdr(i % 2 ? alice : bob, { destination: '4930' }));
    const before = await storedIds();
    try {
      const res = await post<ErrorBody>('cdrs', batch);
      expect(res.status).toBe(500);
      expect(await storedIds()).toEqual(before);
      const summaries = [...errors.mock.calls, ...warnings.mock.calls].map(([line]) => String(line)).filter((line) => line.startsWith('Ingest:'));
      expect(summaries).toEqual([expect.stringMatching(/^Ingest: the database refused 20 of 2000 call records one by one \(first: line 1, SQLSTATE 23514: .*\); isolating stopped there, 1980 more/)]);
    } finally {
      await server.sql`alter table cdrs drop constraint broken_destination`;
      vi.restoreAllMocks();
    }
    const again = await ingest(batch);
    expect(again).toEqual({ accepted: 2000, duplicates: 0, rejected: [] });
  });

  it('says "missing" for a missing field and names the unknown ones, refusing the record', async () => {
    const { startedAt, customerId, ...rest } = cdr(alice);
    const result = await ingest([{ ...rest, start_time: startedAt, cust: customerId }]);
    expect(result.rejected).toEqual([
      { line: 1, callId: rest.callId, message: 'customerId: missing; startedAt: missing; unknown fields: start_time, cust' },
    ]);
    expect(result).not.toHaveProperty('ignoredFields');
  });

  it('stores a record with unknown fields, naming them as ignored', async () => {
    const record: Record<string, unknown> = { ...cdr(alice), trunk: 'T1', Carrier: 'X' };
    const result = await ingest([record, cdr(bob, { trunk: 'T2' })]);
    expect(result).toEqual({ accepted: 2, duplicates: 0, rejected: [], ignoredFields: ['Carrier', 'trunk'] });
    expect(await storedIds()).toContain(record.callId);
  });

  it('names the unknown columns of a CSV as ignored', async () => {
    const a = cdr(alice);
    const csv = ['callId,customerId,startedAt,endedAt,sipCode,destination,Trunk Group', [a.callId, a.customerId, a.startedAt, a.endedAt, 200, '4420', 'T1'].join(',')].join('\n');
    expect(await ingest(csv, 'text/csv')).toEqual({ accepted: 1, duplicates: 0, rejected: [], ignoredFields: ['Trunk Group'] });
  });

  it('answers 400 naming the expected columns to a CSV without its header line, storing nothing', async () => {
    const row = (c: Record<string, unknown>) => [c.callId, c.customerId, c.startedAt, c.endedAt, c.sipCode, c.destination].join(',');
    const [a, b] = [cdr(alice), cdr(bob)];
    const before = await storedIds();
    const res = await post<ErrorBody>('cdrs', [row(a), row(b)].join('\n'), 'text/csv');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_input');
    expect(res.body.error.message).toMatch(/^The first line of a CSV must be a header naming its columns: callId, customerId, startedAt, endedAt, sipCode, destination \(required\), ringingAt, answeredAt/);
    expect(res.body.error.message).toMatch(/lacks the required callId, customerId, startedAt, endedAt, sipCode, destination\.$/);
    const partial = await post<ErrorBody>('cdrs', `callId,customerId,start,endedAt,sipCode,destination\n${row(a)}`, 'text/csv');
    expect(partial.status).toBe(400);
    expect(partial.body.error.message).toMatch(/lacks the required startedAt\.$/);
    expect(await storedIds()).toEqual(before);
  });

  it('refuses call events outside the time window with their line, applying the others', async () => {
    const event = (callId: string, type: string, at: unknown, customer = alice) => ({ callId, customerId: customer.id, type, at });
    const res = await post<CallEventsResult>('events', [
      event('ev-1', 'started', NOW - 10_000),
      event('ev-2', 'started', 1e20),
      event('ev-3', 'started', NOW - 100 * 86_400_000),
      event('ev-1', 'answered', NOW - 5_000),
      event('ev-4', 'started', NOW + 2 * 86_400_000, bob),
      { ...event('ev-5', 'started', NOW - 1_000, bob), typ: 'x' },
      event('ev-6', 'started', NOW - 1_000, bob),
    ]);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      accepted: 4,
      rejected: [
        { line: 2, callId: 'ev-2', message: 'at: Not a time between 1970 and 9999' },
        { line: 3, callId: 'ev-3', message: 'at: Older than the 90-day retention' },
        { line: 5, callId: 'ev-4', message: 'at: More than a day in the future; check the switch clock' },
      ],
      ignoredFields: ['typ'],
    });
    const live = await server.sql<{ call_id: string; answered: boolean }[]>`
      select call_id, answered_at is not null as answered from live_calls order by call_id`;
    expect(live).toEqual([
      { call_id: 'ev-1', answered: true },
      { call_id: 'ev-5', answered: false },
      { call_id: 'ev-6', answered: false },
    ]);
  });
});
