import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertRuleInputSchema } from '../../shared/alert-rule.js';
import type { CdrInput } from '../../shared/cdr.js';
import { storeTestCdrs } from '../ingest/store-test-cdrs.js';
import { soleHolder } from '../db/session-lock.js';
import { MetricsPublisher } from '../metrics/metrics-publisher.js';
import { createOrganisation, createSessionFor, insertCustomers, makeCustomers, openSyncTestDb, type SyncTestDb } from '../sync/test-support/sync-fixtures.js';
import { directTransport, TestSyncClient } from '../sync/test-support/test-sync-client.js';
import { listAlertEvents } from './alert-event-store.js';
import { saveAlertRule } from './alert-rule-store.js';

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);

let t: SyncTestDb;
let org: string;
let publisher: MetricsPublisher;
const [customer] = makeCustomers(1);

beforeAll(async () => {
  t = await openSyncTestDb();
  org = await createOrganisation(t.sql);
  await insertCustomers(t.sql, org, [{ ...customer!, credit: '5.00', debitLimit: '0.00', currency: 'EUR' }]);
  publisher = new MetricsPublisher(t.sql, { publish: async () => {} } as never, () => new Date(NOW), 1000, soleHolder);
  const rule = { name: 'Out of credit', area: 'available_credit', operator: '<=', threshold: 0, resetThreshold: 10, target: { kind: 'all' } };
  await saveAlertRule(t.sql, org, alertRuleInputSchema.parse(rule));
  await publisher.refresh();
});
afterAll(async () => t.close());

const kinds = async () => (await listAlertEvents(t.sql, org, { customerId: customer!.id, limit: 10 })).reverse().map((e) => `${e.kind} ${e.value}`);

describe('credit alerts', () => {
  it('fire when charges use up the available credit, and clear once a payment brings it past the reset', async () => {
    expect(await kinds()).toEqual([]);
    const cdr = { callId: 'c1', customerId: customer!.id, startedAt: NOW - 60_000, answeredAt: NOW - 50_000, endedAt: NOW - 1000, sipCode: 200, destination: '1', charge: '6.00', currency: 'EUR' } as CdrInput;
    await storeTestCdrs(t.sql, org, [cdr]);
    await publisher.refresh();
    expect(await kinds()).toEqual(['fired -1']);

    // A payment is a synced mutation: the ledger trigger marks the customer, the next refresh judges it.
    const staff = new TestSyncClient(directTransport(t.deps, await createSessionFor(t.sql, org, 'operator')));
    await staff.mutate('postBalanceEntry', { customerId: customer!.id, kind: 'payment', amount: '8.00', reason: 'Top-up' });
    await publisher.refresh();
    expect(await kinds()).toEqual(['fired -1']);
    await staff.mutate('postBalanceEntry', { customerId: customer!.id, kind: 'payment', amount: '5.00', reason: 'Top-up' });
    await publisher.refresh();
    expect(await kinds()).toEqual(['fired -1', 'cleared 12']);
  });

  it('judges a rule for "all customers" only in its own organisation', async () => {
    const other = await createOrganisation(t.sql, 'Other Carrier');
    const [stranger] = makeCustomers(1, 'Stranger');
    await insertCustomers(t.sql, other, [{ ...stranger!, credit: '-50.00', debitLimit: '0.00' }]);
    // Both organisations' customers in one refresh: the rules of the first are loaded.
    await t.sql`insert into customer_metrics_dirty (customer_id, organisation_id) values (${stranger!.id}, ${other}), (${customer!.id}, ${org})`;
    await publisher.refresh();
    expect(await t.sql`select 1 from alert_events where customer_id = ${stranger!.id}`).toHaveLength(0);
  });
});
