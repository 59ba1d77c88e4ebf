import postgres, { type Sql } from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertRuleInputSchema } from '../../shared/alert-rule.js';
import { createOrganisation, insertCustomers, makeCustomers, openSyncTestDb, type SyncTestDb } from '../sync/test-support/sync-fixtures.js';
import { saveAlertRule } from './alert-rule-store.js';
import { evaluateAlerts } from './evaluate-alerts.js';

/**
 * Two server processes judging the same customers at once (one's refresh lock session
 * died between its check and the work) still log each firing and clearing once, and
 * start each penalty once.
 */

const NOW = new Date(Date.UTC(2026, 10, 26, 12, 0, 0));

let t: SyncTestDb;
/** The second process's pool. */
let other: Sql;
let org: string;
const customers = makeCustomers(5, 'Judged');
const ids = customers.map((c) => c.id);

beforeAll(async () => {
  t = await openSyncTestDb();
  other = postgres(t.db.url, { max: 2, onnotice: () => {} });
  org = await createOrganisation(t.sql);
  await insertCustomers(t.sql, org, customers.map((c) => ({ ...c, credit: '-5.00', debitLimit: '0.00', currency: 'EUR' })));
  const rules = [
    { name: 'Out of credit', area: 'available_credit', operator: '<=', threshold: 0, resetThreshold: 10, target: { kind: 'all' } },
    { name: 'Negative balance', area: 'credit', operator: '<', threshold: 0, resetThreshold: 10, target: { kind: 'all' }, penaltyMinutes: 30 },
  ];
  for (const rule of rules) await saveAlertRule(t.sql, org, alertRuleInputSchema.parse(rule));
});
afterAll(async () => {
  await other.end();
  await t.close();
});

/** Sessions of this database waiting for a lock. */
async function waitingForLocks(): Promise<number> {
  const [row] = await t.sql<{ n: number }[]>`
    select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`;
  return row!.n;
}

/**
 * Runs both judges at once, and makes them race for real: neither may write a state
 * until both have read the states and decided what changed.
 */
async function judgeTwiceAtOnce(at: Date): Promise<void> {
  const gate = await t.sql.reserve();
  try {
    await gate`begin`;
    // Readers pass; the first state write of each judge waits behind this lock (or behind the other judge).
    await gate`lock table alert_states in exclusive mode`;
    const judged = Promise.all([evaluateAlerts(t.sql, ids, at), evaluateAlerts(other, ids, at)]);
    let polls = 0;
    while ((await waitingForLocks()) < 2) {
      if (++polls > 2_000) throw new Error('The judges never both reached their state writes');
    }
    await gate`commit`;
    await judged;
  } finally {
    gate.release();
  }
}

const eventsOf = (kind: string) =>
  t.sql<{ rule_name: string; customer_id: string; n: number; penalties: number }[]>`
    select rule_name, customer_id, count(*)::int as n, count(penalty_until)::int as penalties
    from alert_events where organisation_id = ${org} and kind = ${kind}
    group by rule_name, customer_id order by rule_name, customer_id`;

const spaceVersion = async () => Number((await t.sql<{ version: string }[]>`select version from organisations where id = ${org}`)[0]!.version);

const everyPair = (penaltyRule: string) =>
  ['Negative balance', 'Out of credit'].flatMap((rule_name) =>
    [...ids].sort().map((customer_id) => ({ rule_name, customer_id, n: 1, penalties: rule_name === penaltyRule ? 1 : 0 })),
  );

describe('two judges at once', () => {
  it('record exactly one firing per rule and customer, and start each penalty once', async () => {
    const before = await spaceVersion();
    await judgeTwiceAtOnce(NOW);
    expect(await eventsOf('fired')).toEqual(everyPair('Negative balance'));
    expect(await t.sql`select 1 from alert_states`).toHaveLength(2 * ids.length);
    // One penalty change, synced once.
    expect(await spaceVersion()).toBe(before + 1);
    const penalised = await t.sql<{ status: string; status_before_penalty: string; penalty_until: Date }[]>`
      select status, status_before_penalty, penalty_until from customers where organisation_id = ${org}`;
    expect(new Set(penalised.map((c) => JSON.stringify(c)))).toEqual(
      new Set([JSON.stringify({ status: 'penalty', status_before_penalty: 'active', penalty_until: new Date(NOW.getTime() + 30 * 60_000) })]),
    );
  });

  it('record exactly one clearing per rule and customer', async () => {
    await t.sql`update customers set credit = 20 where organisation_id = ${org}`;
    await judgeTwiceAtOnce(new Date(NOW.getTime() + 60_000));
    expect(await eventsOf('cleared')).toEqual(everyPair('none'));
    expect(await eventsOf('fired')).toEqual(everyPair('Negative balance'));
    expect(await t.sql`select 1 from alert_states`).toEqual([]);
  });
});
