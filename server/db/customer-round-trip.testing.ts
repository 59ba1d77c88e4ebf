import type { Sql } from 'postgres';
import { expect } from 'vitest';
import type { Customer } from '../../shared/customer.js';
import { makeCustomer } from '../../shared/test-fixtures.js';
import { CUSTOMER_COLUMNS, customerToRow, rowToCustomer, type CustomerRow } from '../customers/customer-row.js';

/**
 * Test helper shared by the embedded and the PostgreSQL database tests: writes a customer
 * that exercises every awkward type (numeric, jsonb, text[], timestamptz, nulls) and
 * checks it reads back unchanged through customerToRow / rowToCustomer.
 */
export const AWKWARD_CUSTOMER: Customer = makeCustomer({
  id: '5d0c8a36-2f7e-4c1b-9e0a-7b3d2c1f0e9a',
  name: 'Ünïcode "Quoted", Voice Ltd',
  accountRef: 'TL-0001',
  credit: '-12345678901.2345',
  debitLimit: '0.01',
  dailySpendLimit: '250.50',
  country: 'GB',
  tags: ['call-centre', 'has,comma', 'has "quotes"', 'back\\slash', 'NULL', '{braces}'],
  contacts: [
    { name: 'Zoë O’Brien', email: 'zoe@voice.example', mobile: '+447700900123', type: 'billing', emailVerified: true, mobileVerified: false },
    { name: 'Mobile Only', mobile: '+12025550143', type: 'noc', emailVerified: false, mobileVerified: true },
  ],
  ipAuth: [{ ip: '198.51.100.8/29', direction: 'inbound', channels: 30, cps: 5, protocol: 'tls', port: 5061 }],
  sipUsers: [{ username: 'voice.trunk-01', channels: 10, cps: 2 }],
  routes: [
    { rateCard: 'Premium A-Z', techPrefix: '1001#', enabled: true },
    { rateCard: 'Standard CLI', techPrefix: '', enabled: false },
  ],
  status: 'penalty',
  penaltyUntil: '2026-05-01T10:30:00.123Z',
  statusBeforePenalty: 'active',
  createdAt: '2025-12-31T23:59:59.999Z',
  updatedAt: '2026-05-01T09:00:00.000Z',
});

export const PLAIN_CUSTOMER: Customer = makeCustomer({ id: '6e1d9b47-3a8f-4d2c-8f1b-8c4e3d2a1f0b', name: 'Plain Co', tags: [] });

export async function expectCustomersRoundTrip(sql: Sql): Promise<void> {
  const [org] = await sql<{ id: string }[]>`insert into organisations (name) values ('Round Trip') returning id`;
  for (const customer of [AWKWARD_CUSTOMER, PLAIN_CUSTOMER]) {
    const row = customerToRow(customer);
    await sql`
      insert into customers ${sql(
        {
          ...row,
          contacts: sql.json(row.contacts),
          ip_auth: sql.json(row.ip_auth),
          sip_users: sql.json(row.sip_users),
          routes: sql.json(row.routes),
          organisation_id: org!.id,
          version: 1,
        },
        [...CUSTOMER_COLUMNS, 'organisation_id', 'version'],
      )}`;
  }
  expect(await readCustomers(sql)).toEqual([AWKWARD_CUSTOMER, PLAIN_CUSTOMER].map((c) => ({ ...c })).sort(byId));
}

export async function readCustomers(sql: Sql): Promise<Customer[]> {
  const rows = await sql<CustomerRow[]>`select ${sql(CUSTOMER_COLUMNS)} from customers order by id`;
  return rows.map(rowToCustomer);
}

function byId(a: Customer, b: Customer): number {
  return a.id < b.id ? -1 : 1;
}
