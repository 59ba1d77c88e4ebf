import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CdrInput } from '../../shared/cdr.js';
import { addSums, sumsOfCall, sumsToTuple, ZERO_SUMS, type TrafficSums } from '../../shared/metrics.js';
import { storeTestCdrs } from '../ingest/store-test-cdrs.js';
import { callFacts } from '../ingest/traffic-rollup.js';
import { createOrganisation, insertCustomers, makeCustomers, openSyncTestDb, type SyncTestDb } from '../sync/test-support/sync-fixtures.js';
import { computeMetrics } from './compute-metrics.js';

const NOW = Date.UTC(2026, 10, 26, 12, 0, 30);
const HOUR = 3_600_000;

let t: SyncTestDb;
let org: string;
let ids: string[];

beforeAll(async () => {
  t = await openSyncTestDb();
  org = await createOrganisation(t.sql);
  const customers = makeCustomers(3);
  await insertCustomers(t.sql, org, customers);
  ids = customers.map((c) => c.id);
});
afterAll(async () => t.close());

beforeEach(async () => {
  await t.sql`truncate cdrs, customer_minute_rollups, customer_hour_rollups, customer_second_attempts, customer_metrics_dirty, customer_metrics`;
});

const SIP_CODES = [200, 200, 200, 486, 600, 480, 408, 603, 403, 503, 502, 404, 302, 301];

const callArb = fc
  .record({
    customer: fc.integer({ min: 0, max: 2 }),
    // Up to 26 hours back, so calls fall inside and outside both windows and on their edges.
    startAgoMs: fc.integer({ min: 0, max: 26 * HOUR }),
    sipCode: fc.constantFrom(...SIP_CODES),
    ringMs: fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: undefined }),
    pddMs: fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: undefined }),
    talkMs: fc.integer({ min: 0, max: 3_600_000 }),
    id: fc.integer({ min: 0, max: 400 }),
  })
  .map((c): CdrInput => {
    const startedAt = Math.floor((NOW - c.startAgoMs) / 1000) * 1000;
    const ringingAt = c.ringMs === undefined ? undefined : startedAt + c.ringMs;
    const answeredAt = c.sipCode === 200 ? (ringingAt ?? startedAt) + 1000 : undefined;
    return {
      callId: `c${c.id}`,
      customerId: ids[c.customer]!,
      startedAt,
      ringingAt,
      answeredAt,
      endedAt: (answeredAt ?? ringingAt ?? startedAt) + (c.sipCode === 200 ? c.talkMs : 500),
      pddMs: c.pddMs,
      sipCode: c.sipCode,
      destination: '4420',
      charge: '0.01',
    } as CdrInput;
  });

/** The same figures recomputed from the raw records, with the shared per-call rules. */
async function fromRawRecords(customerId: string) {
  const rows = await t.sql<{ call_id: string; started: string; ringing: string | null; answered: string | null; ended: string; pdd_ms: number | null; sip_code: number }[]>`
    select call_id, (extract(epoch from started_at) * 1000)::bigint::text as started,
      (extract(epoch from ringing_at) * 1000)::bigint::text as ringing, (extract(epoch from answered_at) * 1000)::bigint::text as answered,
      (extract(epoch from ended_at) * 1000)::bigint::text as ended, pdd_ms, sip_code
    from cdrs where customer_id = ${customerId}`;
  let h1: TrafficSums = ZERO_SUMS;
  let h24: TrafficSums = ZERO_SUMS;
  const perSecond = new Map<number, number>();
  let last: number | undefined;
  for (const r of rows) {
    const startedAt = Number(r.started);
    const call = callFacts({
      sipCode: r.sip_code,
      startedAt,
      ringingAt: r.ringing === null ? undefined : Number(r.ringing),
      answeredAt: r.answered === null ? undefined : Number(r.answered),
      endedAt: Number(r.ended),
      pddMs: r.pdd_ms ?? undefined,
    } as CdrInput);
    const minute = Math.floor(startedAt / 60_000) * 60_000;
    last = Math.max(last ?? 0, startedAt);
    const sums = sumsOfCall(call);
    if (minute > NOW - 24 * HOUR) h24 = addSums(h24, sums);
    if (minute > NOW - HOUR) {
      h1 = addSums(h1, sums);
      if (sums.attempts) perSecond.set(startedAt, (perSecond.get(startedAt) ?? 0) + 1);
    }
  }
  return { h1: sumsToTuple(h1), h24: sumsToTuple(h24), cpsPeak: Math.max(0, ...perSecond.values()), last };
}

describe('metrics from rollups', () => {
  it('equal the metrics recomputed from the raw records, for random batches with retries and overlaps', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(callArb, { minLength: 1, maxLength: 40 }), { minLength: 1, maxLength: 4 }), async (batches) => {
        await t.sql`truncate cdrs, customer_minute_rollups, customer_hour_rollups, customer_second_attempts`;
        for (const batch of batches) {
          // Ids repeat across batches on purpose: a repeated (call id, start) must count once.
          const seen = new Set<string>();
          const unique = batch.filter((c) => !seen.has(`${c.callId}/${c.startedAt}`) && seen.add(`${c.callId}/${c.startedAt}`));
          await storeTestCdrs(t.sql, org, unique);
        }
        const computed = await computeMetrics(t.sql, ids, new Date(NOW));
        const bulk = await computeMetrics(t.sql, ids, new Date(NOW), { bulk: true });
        for (const id of ids) {
          const m = computed.find((c) => c.customerId === id)!.value;
          const raw = await fromRawRecords(id);
          expect({ h1: m.h1, h24: m.h24, cpsPeak: m.cpsPeak, last: m.last }).toEqual(raw);
          // The first-refresh path over everyone gives the same figures (its last call only looks a day back).
          const b = bulk.find((c) => c.customerId === id)!.value;
          expect({ h1: b.h1, h24: b.h24, cpsPeak: b.cpsPeak }).toEqual({ h1: m.h1, h24: m.h24, cpsPeak: m.cpsPeak });
          if (raw.last !== undefined && raw.last > NOW - 23 * HOUR) expect(b.last).toBe(raw.last);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('show nothing for a customer without traffic: no attempts, no last call', async () => {
    const [m] = await computeMetrics(t.sql, [ids[0]!], new Date(NOW));
    expect(m!.value).toEqual({ h1: sumsToTuple(ZERO_SUMS), h24: sumsToTuple(ZERO_SUMS), cps: 0, cpsPeak: 0, ch: 0, at: NOW });
  });
});
