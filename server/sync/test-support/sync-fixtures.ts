import { randomUUID } from 'node:crypto';
import postgres, { type JSONValue, type Sql } from 'postgres';
import type { Role } from '../../../shared/auth.js';
import type { Customer } from '../../../shared/customer.js';
import type { CustomerMetrics } from '../../../shared/metrics.js';
import { makeCustomer } from '../../../shared/test-fixtures.js';
import { loadConfig } from '../../config.js';
import { CUSTOMER_COLUMNS, customerToRow } from '../../customers/customer-row.js';
import { migrate } from '../../db/migrate.js';
import type { AppDeps, Session } from '../../http/app-env.js';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.js';
import { createPokeBus } from '../poke-bus.js';

/**
 * A migrated test database with the app's dependencies, for tests that call push and
 * pull directly (no HTTP) with sessions made here.
 */
export interface SyncTestDb {
  db: TestDatabase;
  sql: Sql;
  deps: AppDeps;
  close(): Promise<void>;
}

export async function openSyncTestDb(overrides: { pullPageSize?: number } = {}): Promise<SyncTestDb> {
  const db = await createTestDatabase();
  const sql = postgres(db.url, { max: 10, onnotice: () => {} });
  await migrate(sql);
  const config = { ...loadConfig({ DATABASE_URL: db.url }), ...overrides };
  const pokes = await createPokeBus(sql, { embedded: false });
  const deps: AppDeps = { sql, config, pokes, now: () => new Date() };
  return {
    db,
    sql,
    deps,
    async close() {
      await pokes.close();
      await sql.end({ timeout: 5 });
      await db.drop();
    },
  };
}

export async function createOrganisation(sql: Sql, name = 'Example Carrier'): Promise<string> {
  const [org] = await sql<{ id: string }[]>`insert into organisations (name) values (${name}) returning id`;
  return org!.id;
}

/** A user of `organisationId` and the session a signed-in request of theirs would carry. */
export async function createSessionFor(sql: Sql, organisationId: string, role: Role): Promise<Session> {
  const email = `${role}-${randomUUID().slice(0, 8)}@carrier.example`;
  const [user] = await sql<{ id: string }[]>`
    insert into users (organisation_id, email, name, role, password_hash)
    values (${organisationId}, ${email}, ${`Test ${role}`}, ${role}, 'not-a-real-hash')
    returning id`;
  return { user: { id: user!.id, email, name: `Test ${role}`, role }, organisationId, tokenHash: Buffer.alloc(32) };
}

/** `count` valid customers with distinct ids, names and account refs. */
export function makeCustomers(count: number, prefix = 'Customer'): Customer[] {
  return Array.from({ length: count }, (_, i) =>
    makeCustomer({ id: randomUUID(), name: `${prefix} ${String(i).padStart(6, '0')}`, accountRef: `${prefix}-${i}` }),
  );
}

/**
 * Inserts customers straight into the table at a new space version, like an import
 * would; faster than thousands of mutations when a test needs many rows.
 */
export async function insertCustomers(sql: Sql, organisationId: string, customers: Customer[]): Promise<number> {
  return sql.begin(async (tx) => {
    const [org] = await tx<{ version: string }[]>`
      update organisations set version = version + 1 where id = ${organisationId} returning version`;
    const version = Number(org!.version);
    for (let i = 0; i < customers.length; i += 1000) {
      const rows = customers.slice(i, i + 1000).map((c) => {
        const r = customerToRow(c);
        const json = (v: unknown) => tx.json(v as JSONValue);
        return { ...r, contacts: json(r.contacts), ip_auth: json(r.ip_auth), sip_users: json(r.sip_users), routes: json(r.routes), organisation_id: organisationId, version };
      });
      await tx`insert into customers ${tx(rows, ...CUSTOMER_COLUMNS, 'organisation_id', 'version')}`;
    }
    return version;
  });
}

/**
 * Stores live figures of customers at a new space version, as the metrics job does
 * (upserts only); returns that version.
 */
export async function putMetrics(sql: Sql, organisationId: string, entries: { customerId: string; value: CustomerMetrics }[]): Promise<number> {
  return sql.begin(async (tx) => {
    const [org] = await tx<{ version: string }[]>`
      update organisations set version = version + 1 where id = ${organisationId} returning version`;
    const version = Number(org!.version);
    for (const { customerId, value } of entries) {
      await tx`
        insert into customer_metrics (customer_id, organisation_id, version, last_call_at, value)
        values (${customerId}, ${organisationId}, ${version}, ${value.last === undefined ? null : new Date(value.last)}, ${tx.json(value as unknown as JSONValue)})
        on conflict (customer_id) do update set version = excluded.version, last_call_at = excluded.last_call_at, value = excluded.value`;
    }
    return version;
  });
}
