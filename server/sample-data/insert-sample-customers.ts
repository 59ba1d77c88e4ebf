import { randomBytes } from 'node:crypto';
import type { JSONValue, Sql, TransactionSql } from 'postgres';
import type { Customer } from '../../shared/customer.js';
import { CUSTOMER_COLUMNS, customerToRow } from '../customers/customer-row.js';
import { sipHa1 } from '../customers/sip-credentials.js';
import { generateCustomers, type TakenIdentifiers } from './generate-customers.js';

/** Rows per INSERT statement. */
const BATCH_SIZE = 1000;
const INSERT_COLUMNS = [...CUSTOMER_COLUMNS, 'organisation_id', 'version'] as const;

export interface SampleLoad {
  organisationId: string;
  count: number;
  seed: string;
  now: Date;
  /** SIP digest realm for the credentials' HA1. */
  sipRealm: string;
}

export interface SampleLoadResult {
  created: number;
  /** The organisation's new space version, carried by every inserted row. */
  version: number;
}

/**
 * Generates `count` sample customers and inserts them in batched multi-row INSERTs, all
 * in one transaction that bumps the organisation's version once, so one pull brings them
 * all. Names, account refs and SIP usernames already in use are avoided; a name that
 * still clashes is skipped (ON CONFLICT on the live-name index) rather than failing the
 * load, so `created` can in principle fall short of `count`. SIP users get digest
 * credentials for a random password nobody knows: they exist, but nobody can register.
 */
export async function insertSampleCustomers(sql: Sql, load: SampleLoad): Promise<SampleLoadResult> {
  return sql.begin(async (tx) => {
    // Bumping the version locks the organisation row: other loads (and any change that bumps
    // the version) wait for this one, so the identifiers read next are the current ones.
    const [org] = await tx<{ version: string }[]>`
      update organisations set version = version + 1 where id = ${load.organisationId} returning version`;
    if (!org) throw new Error(`No organisation ${load.organisationId}`);
    const version = org.version;
    const taken = await takenIdentifiers(tx, load.organisationId);
    let created = 0;
    let batch: Customer[] = [];
    const flush = async () => {
      created += await insertBatch(tx, batch, load, version);
      batch = [];
    };
    for (const customer of generateCustomers(load.count, { seed: load.seed, now: load.now, taken })) {
      batch.push(customer);
      if (batch.length === BATCH_SIZE) await flush();
    }
    if (batch.length > 0) await flush();
    return { created, version: Number(version) };
  });
}

/**
 * One multi-row INSERT per batch, its rows sent as a single jsonb parameter and unpacked
 * by jsonb_populate_recordset (which also turns JSON arrays into text[] and strings into
 * numeric and timestamptz). Against 25 bound parameters per row, 100,000 customers went
 * from 13.0 s to 10.6 s on PostgreSQL and from 15.9 s / 1.1 GB to 14.1 s / 0.6 GB on PGlite.
 */
async function insertBatch(tx: TransactionSql, customers: Customer[], load: SampleLoad, version: string): Promise<number> {
  const rows = customers.map((c) => ({ ...customerToRow(c), organisation_id: load.organisationId, version }));
  const inserted = await tx<{ id: string }[]>`
    insert into customers (${tx(INSERT_COLUMNS)})
    select ${tx(INSERT_COLUMNS)} from jsonb_populate_recordset(null::customers, ${tx.json(rows as unknown as JSONValue)})
    on conflict (organisation_id, lower(name)) where deleted_at is null do nothing
    returning id`;
  const insertedIds = new Set(inserted.map((r) => r.id));
  const credentials = customers
    .filter((c) => insertedIds.has(c.id))
    .flatMap((c) =>
      c.sipUsers.map((u) => ({
        organisation_id: load.organisationId,
        username: u.username,
        customer_id: c.id,
        ha1: sipHa1(u.username, load.sipRealm, randomBytes(18).toString('base64url')),
        updated_at: load.now,
      })),
    );
  if (credentials.length > 0) {
    await tx`
      insert into sip_credentials (organisation_id, username, customer_id, ha1, updated_at)
      select organisation_id, username, customer_id, ha1, updated_at
      from jsonb_populate_recordset(null::sip_credentials, ${tx.json(credentials as unknown as JSONValue)})
      on conflict (organisation_id, lower(username)) do nothing`;
  }
  return inserted.length;
}

async function takenIdentifiers(sql: TransactionSql, organisationId: string): Promise<TakenIdentifiers> {
  const [names, refs, usernames] = await Promise.all([
    sql<{ v: string }[]>`select lower(name) as v from customers where organisation_id = ${organisationId} and deleted_at is null`,
    sql<{ v: string }[]>`
      select lower(account_ref) as v from customers
      where organisation_id = ${organisationId} and deleted_at is null and account_ref is not null`,
    sql<{ v: string }[]>`select lower(username) as v from sip_credentials where organisation_id = ${organisationId}`,
  ]);
  return {
    names: new Set(names.map((r) => r.v)),
    accountRefs: new Set(refs.map((r) => r.v)),
    sipUsernames: new Set(usernames.map((r) => r.v)),
  };
}
