import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detailCounts, type CustomerDetails } from '../../shared/customer-split.js';
import { makeCustomer } from '../../shared/test-fixtures.js';
import { createOrganisation, insertCustomers, openSyncTestDb, type SyncTestDb } from '../sync/test-support/sync-fixtures.js';
import { countsOf, detailCountColumns, type DetailCountColumns } from './detail-counts-sql.js';

let t: SyncTestDb;
let orgId: string;
beforeAll(async () => {
  t = await openSyncTestDb();
  orgId = await createOrganisation(t.sql);
});
afterAll(() => t.close());

const contact = fc.record(
  {
    name: fc.string({ maxLength: 8 }),
    email: fc.constantFrom('noc@carrier.example', 'billing@voice.example'),
    mobile: fc.constantFrom('+447700900123', '+12025550143'),
    type: fc.constantFrom('billing', 'noc', 'sales'),
    emailVerified: fc.boolean(),
    mobileVerified: fc.boolean(),
  },
  { requiredKeys: ['name', 'type', 'emailVerified', 'mobileVerified'] },
);
const ip = fc.record({ ip: fc.constantFrom('198.51.100.8/29', '203.0.113.7'), direction: fc.constant('inbound'), channels: fc.nat(50), cps: fc.nat(9) });
const sipUser = fc.record({ username: fc.constantFrom('trunk-01', 'trunk-02'), channels: fc.nat(50), cps: fc.nat(9) });
const route = fc.record({ rateCard: fc.constantFrom('Gold', 'Standard'), techPrefix: fc.constantFrom('', '1001#'), enabled: fc.boolean() });
const detailsArb = fc.record({
  contacts: fc.array(contact, { maxLength: 6 }),
  ipAuth: fc.array(ip, { maxLength: 4 }),
  sipUsers: fc.array(sipUser, { maxLength: 4 }),
  routes: fc.array(route, { maxLength: 6 }),
}) as unknown as fc.Arbitrary<CustomerDetails>;

describe('detail counts in SQL', () => {
  it('equal the shared detailCounts for any lists, so a pull without the lists sends the same list row', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(detailsArb, { minLength: 1, maxLength: 20 }), async (all) => {
        const customers = all.map((d) => makeCustomer({ id: randomUUID(), name: `Counted ${randomUUID()}`, ...d }));
        await insertCustomers(t.sql, orgId, customers);
        const ids = customers.map((c) => c.id);
        const rows = await t.sql.begin((tx) => tx<({ id: string } & DetailCountColumns)[]>`
          select id, ${detailCountColumns(tx)} from customers where id = any(${ids}::uuid[])`);
        const byId = new Map(rows.map((r) => [r.id, countsOf(r)]));
        for (const c of customers) expect(byId.get(c.id)).toEqual(detailCounts(c));
      }),
      { numRuns: 40 },
    );
  });
});
