import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertRuleInputSchema, type AlertRuleInput } from '../../shared/alert-rule.js';
import type { CdrInput } from '../../shared/cdr.js';
import { storeTestCdrs } from '../ingest/store-test-cdrs.js';
import { soleHolder } from '../db/session-lock.js';
import { MetricsPublisher } from '../metrics/metrics-publisher.js';
import { createOrganisation, createSessionFor, insertCustomers, makeCustomers, openSyncTestDb, type SyncTestDb } from '../sync/test-support/sync-fixtures.js';
import { directTransport, TestSyncClient } from '../sync/test-support/test-sync-client.js';
import { listAlertEvents } from './alert-event-store.js';
import { saveAlertRule } from './alert-rule-store.js';

const START = Date.UTC(2026, 10, 26, 12, 0, 0);
const MINUTE = 60_000;

let t: SyncTestDb;
let org: string;
let now = START;
let publisher: MetricsPublisher;
let staff: TestSyncClient;
const [acme, other] = makeCustomers(2);

beforeAll(async () => {
  t = await openSyncTestDb();
  org = await createOrganisation(t.sql);
  await insertCustomers(t.sql, org, [{ ...acme!, tags: ['vip'] }, { ...other!, tags: ['retail'] }]);
  publisher = new MetricsPublisher(t.sql, { publish: async () => {} } as never, () => new Date(now), 1000, soleHolder);
  staff = new TestSyncClient(directTransport(t.deps, await createSessionFor(t.sql, org, 'operator')));
  const rule: AlertRuleInput = {
    name: 'ASR under 15%',
    area: 'asr',
    operator: '<=',
    threshold: 15,
    resetThreshold: 25,
    sampleMinutes: 10,
    minAttempts: 20,
    target: { kind: 'tag', tag: 'vip' },
    penaltyMinutes: 60,
  };
  await saveAlertRule(t.sql, org, alertRuleInputSchema.parse(rule));
});
afterAll(async () => t.close());

let n = 0;
/** `count` calls of `customerId` in the minute before `now`, `answered` of them answered. */
async function traffic(customerId: string, count: number, answered: number): Promise<void> {
  const at = now - MINUTE + 1000;
  const batch = Array.from({ length: count }, (_, i): CdrInput => {
    n += 1;
    const ok = i < answered;
    return { callId: `x${n}`, customerId, startedAt: at + i, answeredAt: ok ? at + 3000 : undefined, endedAt: at + 30_000, sipCode: ok ? 200 : 503, destination: '1' } as CdrInput;
  });
  await storeTestCdrs(t.sql, org, batch);
}

const customer = async (id: string) =>
  (await t.sql<{ status: string; penalty_until: Date | null; status_before_penalty: string | null }[]>`
    select status, penalty_until, status_before_penalty from customers where id = ${id}`)[0]!;
const events = async () => (await listAlertEvents(t.sql, org, { customerId: acme!.id, limit: 50 })).reverse();

describe('alerts and penalties', () => {
  it('does not judge ASR on fewer attempts than the rule needs', async () => {
    await traffic(acme!.id, 10, 0);
    await publisher.refresh();
    expect(await events()).toEqual([]);
  });

  it('fires once when ASR drops to the threshold, putting the customer in penalty until a time', async () => {
    await traffic(acme!.id, 30, 3);
    await publisher.refresh();
    expect(await events()).toEqual([expect.objectContaining({ kind: 'fired', area: 'asr', value: 7.5, threshold: 15, penaltyUntil: new Date(now + 60 * MINUTE).toISOString() })]);
    expect(await customer(acme!.id)).toEqual({ status: 'penalty', penalty_until: new Date(now + 60 * MINUTE), status_before_penalty: 'active' });
    // The other customer is not targeted by the tag.
    await traffic(other!.id, 30, 0);
    now += 1000;
    await traffic(acme!.id, 20, 0);
    await publisher.refresh();
    expect(await events()).toHaveLength(1);
    expect((await customer(other!.id)).status).toBe('active');
  });

  it('the penalty syncs to devices, and ends by itself at its time, back to the earlier status', async () => {
    await staff.pullAll();
    expect(staff.customer(acme!.id)).toMatchObject({ status: 'penalty', penaltyUntil: new Date(START + 60 * MINUTE).toISOString(), statusBeforePenalty: 'active' });
    now = START + 59 * MINUTE;
    await publisher.refresh();
    expect((await customer(acme!.id)).status).toBe('penalty');
    now = START + 60 * MINUTE;
    await publisher.refresh();
    expect(await customer(acme!.id)).toEqual({ status: 'active', penalty_until: null, status_before_penalty: null });
    await staff.pull();
    expect(staff.customer(acme!.id)?.status).toBe('active');
  });

  it('clears only once ASR is back past the reset threshold, and can fire again after', async () => {
    now += 11 * MINUTE;
    await traffic(acme!.id, 40, 8);
    await publisher.refresh();
    expect((await events()).map((e) => e.kind)).toEqual(['fired']);
    now += 11 * MINUTE;
    await traffic(acme!.id, 40, 12);
    await publisher.refresh();
    expect((await events()).map((e) => e.kind)).toEqual(['fired', 'cleared']);
    now += 11 * MINUTE;
    await traffic(acme!.id, 40, 2);
    await publisher.refresh();
    expect((await events()).map((e) => e.kind)).toEqual(['fired', 'cleared', 'fired']);
    expect((await customer(acme!.id)).status).toBe('penalty');
  });

  it('a status staff set during the penalty stays when the penalty time comes', async () => {
    await staff.pullAll();
    await staff.mutate('setCustomerStatus', { ids: [acme!.id], status: 'inactive' });
    expect(await customer(acme!.id)).toEqual({ status: 'inactive', penalty_until: null, status_before_penalty: null });
    now += 61 * MINUTE;
    await publisher.refresh();
    expect((await customer(acme!.id)).status).toBe('inactive');
  });
});
