import fc from 'fast-check';
import type { JSONValue, TransactionSql } from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Customer, SipUserInput } from '../../shared/customer.js';
import { joinCustomer, withoutLists, type CustomerWithoutLists } from '../../shared/customer-split.js';
import { CUSTOMER_STATUSES, type CustomerStatus } from '../../shared/customer-status.js';
import { AppError } from '../../shared/errors.js';
import type { MutatorName } from '../../shared/mutator-args.js';
import { mutators, type MutatorTx } from '../../shared/mutators.js';
import { WITHOUT_SAVED_VIEWS } from '../../shared/saved-views.js';
import { makeCustomer } from '../../shared/test-fixtures.js';
import { createOrganisation, openSyncTestDb, type SyncTestDb } from '../sync/test-support/sync-fixtures.js';
import { CUSTOMER_COLUMNS, customerToRow, rowToCustomer, type CustomerRow } from './customer-row.js';
import type { MutationContext } from './mutation-context.js';
import { runServerMutation } from './server-mutators.js';

/**
 * The set-based SQL of the bulk mutators must leave every customer exactly as the shared
 * mutator (the client's optimistic version) does: same fields, same updatedAt, and a new
 * version on exactly the customers the shared mutator writes.
 */

const NOW = '2026-11-25T12:00:00.000Z';
const VERSION = 1_000_000;

/** The shared mutators' storage in memory: what a device computes offline. */
class MemoryTx implements MutatorTx {
  // Customer changes only: no saved views here.
  readonly userId = WITHOUT_SAVED_VIEWS.userId;
  getSavedView = WITHOUT_SAVED_VIEWS.getSavedView;
  putSavedView = WITHOUT_SAVED_VIEWS.putSavedView;
  deleteSavedView = WITHOUT_SAVED_VIEWS.deleteSavedView;
  setDefaultView = WITHOUT_SAVED_VIEWS.setDefaultView;
  readonly role = 'operator' as const;
  readonly written = new Set<string>();
  constructor(readonly customers: Map<string, Customer>) {}
  now = () => NOW;
  getCustomer = async (id: string) => this.customers.get(id);
  putCustomer = async (c: Customer) => {
    this.customers.set(c.id, c);
    this.written.add(c.id);
  };
  getCustomerRow = async (id: string) => {
    const c = this.customers.get(id);
    return c && withoutLists(c);
  };
  putCustomerRow = async (row: CustomerWithoutLists) => this.putCustomer(joinCustomer(row, this.customers.get(row.id)));
  setNotes = async () => {};
  setSipSecrets = async (_id: string, _users: SipUserInput[]) => {};
  dismissRejection = async () => {};
  noteBalanceEntry = async () => {};
  putWarningThresholds = async () => {};
}

let t: SyncTestDb;
let orgId: string;

beforeAll(async () => {
  t = await openSyncTestDb();
  orgId = await createOrganisation(t.sql);
});
afterAll(() => t.close());

class Rollback extends Error {}

/** Runs `fn` in a transaction that is always rolled back, so runs never see each other. */
async function rolledBack<T>(fn: (tx: TransactionSql) => Promise<T>): Promise<T> {
  let result: T | undefined;
  await t.sql
    .begin(async (tx) => {
      result = await fn(tx);
      throw new Rollback();
    })
    .catch((e: unknown) => {
      if (!(e instanceof Rollback)) throw e;
    });
  return result as T;
}

function context(tx: TransactionSql): MutationContext {
  return { tx, organisationId: orgId, userId: '', role: 'operator', version: VERSION, now: NOW, sipRealm: 'test', afterCommit: () => {} };
}

async function insert(tx: TransactionSql, customers: Customer[]): Promise<void> {
  const json = (v: unknown) => tx.json(v as JSONValue);
  const rows = customers.map((c) => {
    const r = customerToRow(c);
    return { ...r, contacts: json(r.contacts), ip_auth: json(r.ip_auth), sip_users: json(r.sip_users), routes: json(r.routes), organisation_id: orgId, version: 1 };
  });
  await tx`insert into customers ${tx(rows, ...CUSTOMER_COLUMNS, 'organisation_id', 'version')}`;
}

async function readBack(tx: TransactionSql): Promise<Map<string, { customer: Customer; version: number }>> {
  const rows = await tx<(CustomerRow & { version: string })[]>`
    select version, ${tx(CUSTOMER_COLUMNS)} from customers where organisation_id = ${orgId}`;
  return new Map(rows.map((r) => [r.id, { customer: rowToCustomer(r), version: Number(r.version) }]));
}

type Outcome = { customers: Map<string, Customer>; written: Set<string> } | { refused: string };

/** Runs `name` through the server's SQL and through the shared mutator on the same customers. */
async function bothWays(customers: Customer[], name: MutatorName, args: unknown): Promise<{ sql: Outcome; shared: Outcome }> {
  return rolledBack(async (tx) => {
    await insert(tx, customers);
    const before = await readBack(tx);
    const memory = new MemoryTx(new Map([...before].map(([id, v]) => [id, v.customer])));
    let shared: Outcome;
    try {
      await mutators[name](memory, args);
      shared = { customers: memory.customers, written: memory.written };
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      shared = { refused: e.code };
    }
    let sql: Outcome;
    try {
      await tx.savepoint((sp) => runServerMutation(context(sp), name, args));
      const after = await readBack(tx);
      sql = {
        customers: new Map([...after].map(([id, v]) => [id, v.customer])),
        written: new Set([...after].filter(([, v]) => v.version === VERSION).map(([id]) => id)),
      };
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      sql = { refused: e.code };
    }
    return { sql, shared };
  });
}

// Tags with case variants, including ones where Postgres' lower() and JavaScript disagree.
const TAG_POOL = ['vip', 'VIP', 'Wholesale', 'wholesale', 'retail', 'Ärger', 'ärger', 'straße', 'STRASSE', 'ΣΑΣ', 'σας', 'İstanbul', 'istanbul',
  ...Array.from({ length: 22 }, (_, i) => `t${i}`)];
const tags = (max: number) => fc.uniqueArray(fc.constantFrom(...TAG_POOL), { maxLength: max, selector: (t) => t.toLowerCase() });
const iso = fc.date({ min: new Date('2024-01-01'), max: new Date('2028-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
const status = fc.constantFrom(...CUSTOMER_STATUSES);
const staffStatus = fc.constantFrom(...CUSTOMER_STATUSES.filter((s) => s !== 'penalty'));
const country = fc.constantFrom('GB', 'US', 'DE', 'FR');
const limit = fc.integer({ min: 0, max: 500 });

const customerId = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

const customersArb = fc
  .array(
    fc.record(
      {
        status,
        channels: limit,
        cpsLimit: limit,
        portalAccess: fc.boolean(),
        country,
        tags: tags(20),
        penaltyUntil: iso,
        statusBeforePenalty: status,
        deletedAt: iso,
      },
      { requiredKeys: ['status', 'channels', 'cpsLimit', 'portalAccess', 'tags'] },
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((list) => list.map((fields, i) => makeCustomer({ ...fields, id: customerId(i), name: `Customer ${i}`, accountRef: `REF-${i}` })));

/** Some of the customers' ids, repeated ids and ids that exist nowhere. */
const idsOf = (customers: Customer[]) =>
  fc
    .array(fc.integer({ min: 0, max: customers.length + 1 }), { minLength: 1, maxLength: customers.length + 3 })
    .map((ix) => ix.map(customerId));

const bulkPatchArb = fc
  .record(
    {
      status: staffStatus,
      channels: limit,
      cpsLimit: limit,
      portalAccess: fc.boolean(),
      country: fc.option(country, { nil: null }),
      tags: fc.record({ mode: fc.constantFrom('set', 'add', 'remove'), values: fc.array(fc.constantFrom(...TAG_POOL), { maxLength: 20 }) }),
    },
    { requiredKeys: [] },
  )
  .filter((p) => Object.keys(p).length > 0);

const snapshotFields = {
  status,
  channels: limit,
  cpsLimit: limit,
  portalAccess: fc.boolean(),
  country: fc.option(country, { nil: null }),
  tags: tags(20),
  penaltyUntil: fc.option(iso, { nil: null }),
  statusBeforePenalty: fc.option(status, { nil: null }),
};
const snapshotArb = fc.record(snapshotFields);
/** Some fields of a snapshot, as the compact undo carries the fields a bulk edit touched. */
const partialSnapshotArb = fc.record(snapshotFields, { requiredKeys: [] }).filter((s) => Object.keys(s).length > 0);

function expectSame({ sql, shared }: { sql: Outcome; shared: Outcome }): void {
  expect(sql).toEqual(shared);
}

const RUNS = { numRuns: 60 };

describe('set-based mutators agree with the shared mutators', () => {
  it('bulkUpdateCustomers', async () => {
    await fc.assert(
      fc.asyncProperty(
        customersArb.chain((cs) => fc.tuple(fc.constant(cs), idsOf(cs), bulkPatchArb)),
        async ([customers, ids, patch]) => expectSame(await bothWays(customers, 'bulkUpdateCustomers', { ids, patch })),
      ),
      RUNS,
    );
  });

  it('setCustomerStatus (the same status changes nothing; a new one ends a penalty)', async () => {
    await fc.assert(
      fc.asyncProperty(
        customersArb.chain((cs) => fc.tuple(fc.constant(cs), idsOf(cs), staffStatus)),
        async ([customers, ids, s]) => expectSame(await bothWays(customers, 'setCustomerStatus', { ids, status: s as CustomerStatus })),
      ),
      RUNS,
    );
  });

  it('restoreBulkSnapshots, earlier form (one full snapshot per customer)', async () => {
    await fc.assert(
      fc.asyncProperty(
        customersArb.chain((cs) =>
          fc.tuple(fc.constant(cs), fc.array(fc.record({ id: fc.integer({ min: 0, max: cs.length }).map(customerId), snapshot: snapshotArb }), { minLength: 1, maxLength: 10 })),
        ),
        async ([customers, entries]) => expectSame(await bothWays(customers, 'restoreBulkSnapshots', { entries })),
      ),
      RUNS,
    );
  });

  it('restoreBulkSnapshots, compact form (ids grouped by snapshot of some fields)', async () => {
    await fc.assert(
      fc.asyncProperty(
        customersArb.chain((cs) =>
          fc.tuple(
            fc.constant(cs),
            fc.array(fc.record({ ids: idsOf(cs), snapshot: partialSnapshotArb }), { minLength: 1, maxLength: 5 }),
          ),
        ),
        async ([customers, groups]) => expectSame(await bothWays(customers, 'restoreBulkSnapshots', { groups })),
      ),
      RUNS,
    );
  });

  it('deleteCustomers and restoreCustomers', async () => {
    await fc.assert(
      fc.asyncProperty(
        customersArb.chain((cs) => fc.tuple(fc.constant(cs), idsOf(cs), fc.constantFrom('deleteCustomers', 'restoreCustomers') as fc.Arbitrary<MutatorName>)),
        async ([customers, ids, name]) => expectSame(await bothWays(customers, name, { ids })),
      ),
      RUNS,
    );
  });

  it('refuses what the shared mutators refuse, with the same code', async () => {
    const customers = [makeCustomer({ id: customerId(0), name: 'Only One' })];
    expectSame(await bothWays(customers, 'bulkUpdateCustomers', { ids: [customerId(0)], patch: {} }));
    expectSame(await bothWays(customers, 'setCustomerStatus', { ids: [customerId(0)], status: 'penalty' }));
    expectSame(await bothWays(customers, 'deleteCustomers', { ids: [] }));
    expectSame(await bothWays(customers, 'restoreBulkSnapshots', { entries: [{ id: customerId(0), snapshot: { status: 'active' } }] }));
    expectSame(await bothWays(customers, 'restoreBulkSnapshots', { groups: [{ ids: [customerId(0)], snapshot: {} }] }));
    expectSame(await bothWays(customers, 'restoreBulkSnapshots', { groups: [] }));
    const refused = await bothWays(customers, 'bulkUpdateCustomers', { ids: ['not-a-uuid'], patch: { channels: 1 } });
    expect(refused.sql).toEqual({ refused: 'invalid_input' });
    expectSame(refused);
  });

  it('a viewer may not run them', async () => {
    const viewerCtx = (tx: TransactionSql): MutationContext => ({ ...context(tx), role: 'viewer' });
    for (const [name, args] of [
      ['bulkUpdateCustomers', { ids: [customerId(0)], patch: { channels: 1 } }],
      ['setCustomerStatus', { ids: [customerId(0)], status: 'inactive' }],
      ['deleteCustomers', { ids: [customerId(0)] }],
      ['restoreCustomers', { ids: [customerId(0)] }],
    ] as const) {
      const error = await rolledBack((tx) => runServerMutation(viewerCtx(tx), name, args).catch((e: unknown) => e));
      expect(error).toMatchObject({ code: 'forbidden' });
    }
  });
});
