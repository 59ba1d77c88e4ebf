import { TRAFFIC_WARNING_THRESHOLDS } from '../../shared/warnings.js';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Customer } from '../../shared/customer.js';
import type { CustomerMetrics } from '../../shared/metrics.js';
import { cookieOrder } from '../../shared/sync-protocol.js';
import { makeCustomerMetrics } from '../../shared/test-fixtures.js';
import type { Session } from '../http/app-env.js';
import type { PullResponse } from './pull.js';
import {
  createOrganisation,
  createSessionFor,
  insertCustomers,
  makeCustomers,
  openSyncTestDb,
  putMetrics,
  type SyncTestDb,
} from './test-support/sync-fixtures.js';
import { directTransport, TestSyncClient } from './test-support/test-sync-client.js';

const PAGE = 3;
const NIL_UUID = '00000000-0000-0000-0000-000000000000';

let t: SyncTestDb;

beforeAll(async () => {
  t = await openSyncTestDb({ pullPageSize: PAGE });
});
afterAll(() => t.close());

/** A client paging by PAGE rows, and one whose page holds everything. */
const pagedClient = (session: Session) => new TestSyncClient(directTransport(t.deps, session));
const unpagedClient = (session: Session) =>
  new TestSyncClient(directTransport({ ...t.deps, config: { ...t.deps.config, pullPageSize: 10_000 } }, session));

const figures = (n: number): CustomerMetrics => makeCustomerMetrics({ ch: n, h1: [n * 10, n * 6, n * 6000, 0, 0, 0, 0, 0] });

interface Carrier {
  orgId: string;
  operator: Session;
  customers: Customer[];
}

/**
 * An organisation with `customerCount` customers and figures for the first
 * `metricsCount` of them, stored over two versions so the figures' keyset crosses one.
 */
async function carrier(customerCount: number, metricsCount: number): Promise<Carrier> {
  const orgId = await createOrganisation(t.sql, `Carrier ${randomUUID().slice(0, 8)}`);
  const operator = await createSessionFor(t.sql, orgId, 'operator');
  const customers = makeCustomers(customerCount);
  await insertCustomers(t.sql, orgId, customers);
  const entries = customers.slice(0, metricsCount).map((c, i) => ({ customerId: c.id, value: figures(i + 1) }));
  const half = Math.ceil(entries.length / 2);
  if (half > 0) await putMetrics(t.sql, orgId, entries.slice(0, half));
  if (entries.length > half) await putMetrics(t.sql, orgId, entries.slice(half));
  return { orgId, operator, customers };
}

async function spaceVersion(orgId: string): Promise<number> {
  const [org] = await t.sql<{ version: string }[]>`select version from organisations where id = ${orgId}`;
  return Number(org!.version);
}

const putKeys = (responses: PullResponse[]) => responses.flatMap((r) => r.patch.flatMap((op) => (op.op === 'put' ? [op.key] : [])));

describe('pull of live figures', () => {
  it('sends every figure as m/<customer id> after the customers on a first sync, then only what changed', async () => {
    const { orgId, operator, customers } = await carrier(2, 2);
    const foreign = await carrier(2, 2);
    const client = unpagedClient(operator);
    const [first, ...rest] = await client.pullAll();
    expect(rest).toEqual([]);
    const [a, b] = customers.map((c) => c.id);
    // Customers in (version, id) order, then figures in theirs (a's were stored first), then settings.
    expect(putKeys([first!])).toEqual([...[a, b].sort().flatMap((id) => [`c/${id}`, `d/${id}`]), `m/${a}`, `m/${b}`, 's/warnings', 's/default-view']);
    expect(client.metrics(a!)).toEqual(figures(1));
    expect(client.metrics(b!)).toEqual(figures(2));
    expect(foreign.customers.some((c) => client.metrics(c.id) !== undefined)).toBe(false);

    await putMetrics(t.sql, orgId, [{ customerId: b!, value: figures(7) }]);
    const res = await client.pull();
    expect(res.patch).toEqual([{ op: 'put', key: `m/${b}`, value: figures(7) }]);
    expect(res.cookie).toEqual({ order: cookieOrder(await spaceVersion(orgId)), since: await spaceVersion(orgId) });
    expect((await client.pull()).patch).toEqual([]);
  });

  it('pages customers, then figures, and ends holding exactly what one unpaged pull brings', async () => {
    const { orgId, operator } = await carrier(5, 4);
    const paged = pagedClient(operator);
    const responses = await paged.pullAll();
    const version = await spaceVersion(orgId);

    expect(responses).toHaveLength(3);
    expect(responses[0]!.patch[0]).toEqual({ op: 'clear' });
    const orders = responses.map((r) => r.cookie.order);
    for (let i = 1; i < orders.length; i++) expect(orders[i]! > orders[i - 1]!).toBe(true);
    expect(responses.slice(0, -1).map((r) => [r.cookie.total, r.cookie.sent])).toEqual([
      [9, 3],
      [9, 6],
    ]);
    // Page 2 finishes the customers and starts the figures; the switch records the version.
    expect(responses[0]!.cookie.after?.s).toBeUndefined();
    expect(responses[1]!.cookie).toMatchObject({ after: { s: 'm' }, phaseSince: version, since: 0 });
    expect(responses[2]!.cookie).toEqual({ order: cookieOrder(version), since: version });

    const keys = putKeys(responses);
    expect(keys).toHaveLength(16);
    expect(new Set(keys).size).toBe(16);
    expect(keys.slice(-2)).toEqual(['s/warnings', 's/default-view']);
    expect(keys.slice(0, 10).every((k) => k.startsWith('c/') || k.startsWith('d/'))).toBe(true);

    const unpaged = unpagedClient(operator);
    expect(await unpaged.pullAll()).toHaveLength(1);
    expect(paged.store).toEqual(unpaged.store);
    expect(paged.cookie).toEqual(unpaged.cookie);
  });

  it('switches streams at a page boundary without a page to spare, and needs no extra page without figures', async () => {
    const full = await carrier(3, 2);
    const client = pagedClient(full.operator);
    const responses = await client.pullAll();
    expect(responses).toHaveLength(2);
    expect(responses[0]!.cookie).toMatchObject({ since: 0, after: { v: 0, id: NIL_UUID, s: 'm' }, total: 5, sent: 3 });
    expect(responses[1]!.patch.map((op) => (op.op === 'clear' ? op.op : op.key))).toEqual([...full.customers.slice(0, 2).map((c) => `m/${c.id}`), 's/warnings', 's/default-view']);

    const bare = await carrier(3, 0);
    expect(await pagedClient(bare.operator).pullAll()).toHaveLength(1);
  });

  it('sends on the next pull a customer changed while the figures were paged, and acknowledges its mutation only then', async () => {
    const { orgId, operator, customers } = await carrier(5, 4);
    const client = pagedClient(operator);
    await client.pull();
    await client.pull();
    expect(client.cookie?.after?.s).toBe('m');
    const phaseSince = client.cookie!.phaseSince!;

    // Meanwhile: another device edits a customer already sent, this device creates one,
    // and the figures of a customer already sent change.
    const edited = customers[0]!;
    await pagedClient(operator).mutate('updateCustomer', { id: edited.id, patch: { channels: 777 } });
    const created = randomUUID();
    await client.mutate('createCustomer', { id: created, name: 'Created Mid Sync', currency: 'USD' });
    await putMetrics(t.sql, orgId, [{ customerId: customers[0]!.id, value: figures(9) }]);

    await client.pullAll();
    // Figures are walked by their keyset: the change moved past `after` and arrived.
    expect(client.metrics(customers[0]!.id)).toEqual(figures(9));
    // Customers are not revisited: the catch-up ends at the version they were complete at.
    expect(client.cookie).toEqual({ order: cookieOrder(phaseSince), since: phaseSince });
    expect(client.customer(created)).toBeUndefined();
    expect(client.lastMutationID).toBe(0);

    const next = await client.pull();
    expect(client.customer(edited.id)?.channels).toBe(777);
    expect(client.customer(created)?.name).toBe('Created Mid Sync');
    expect(next.lastMutationIDChanges).toEqual({ [client.clientID]: 1 });
    expect(client.cookie).toEqual({ order: cookieOrder(await spaceVersion(orgId)), since: await spaceVersion(orgId) });
    const unpaged = unpagedClient(operator);
    await unpaged.pullAll();
    expect(client.store).toEqual(unpaged.store);
  });

  it('starts afresh from a figures-stream cookie without the version it needs', async () => {
    const { operator, customers } = await carrier(2, 1);
    const client = pagedClient(operator);
    client.cookie = { order: cookieOrder(1, customers[0]!.id), since: 0, after: { v: 1, id: customers[0]!.id, s: 'm' } };
    const [first] = await client.pullAll();
    expect(first!.patch[0]).toEqual({ op: 'clear' });
    expect(client.customers()).toHaveLength(2);
    expect(client.metrics(customers[0]!.id)).toEqual(figures(1));
  });

  it('walks the customer_metrics_sync index for a page of figures', async () => {
    const { orgId } = await carrier(1, 1);
    const plan = await t.sql.begin(async (tx) => {
      await tx`set local enable_seqscan = off`;
      return tx.unsafe(
        `explain select customer_id, version, value from customer_metrics
         where organisation_id = $1 and version > 0 and (version, customer_id) > (1, $2::uuid)
         order by version, customer_id limit 1001`,
        [orgId, randomUUID()],
      );
    });
    const text = plan.map((r) => Object.values(r)[0]).join('\n');
    expect(text).toContain('customer_metrics_sync');
    expect(text).toMatch(/Index Cond: .*ROW\(version, customer_id\) > ROW/);
    expect(text).not.toMatch(/Sort/);
  });
});

describe('pull of organisation settings', () => {
  it('gives a fresh device the warning thresholds (defaults until set), then only when they change', async () => {
    const { operator } = await carrier(1, 0);
    const client = unpagedClient(operator);
    await client.pullAll();
    expect(client.store.get('s/warnings')).toEqual(TRAFFIC_WARNING_THRESHOLDS);
    expect((await client.pull()).patch).toEqual([]);
    const custom = { pddSeconds: 7, minPddCalls: 3, asrPercent: 30, minAttempts: 10 };
    await client.mutate('setWarningThresholds', custom);
    expect((await client.pull()).patch).toEqual([{ op: 'put', key: 's/warnings', value: custom }]);
  });
});
