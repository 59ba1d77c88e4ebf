import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CUSTOMER_STATUSES } from '../../shared/customer-status.js';
import { GRID_COLUMN_IDS } from '../../shared/grid-view.js';
import { makeCustomerMetrics } from '../../shared/test-fixtures.js';
import { sortCustomers, type CustomerSort } from './customer-sort.js';
import { testRow } from './customer-test-rows.js';
import type { IndexedCustomer } from './indexed-customer.js';
import { orderFromNameOrder } from './order-from-name.js';

const BY_NAME: CustomerSort = [{ column: 'name', direction: 'asc' }];

/** Rows full of ties and gaps: names equal but for case, shared amounts in several currencies, no ref, unlimited channels, figures or none. */
const rowArb = fc.record({
  name: fc.constantFrom('Alpha', 'alpha', 'ALPHA', 'Beta', 'Émile', 'emile', 'Zed'),
  currency: fc.constantFrom('EUR', 'USD', 'SEK'),
  credit: fc.constantFrom('-25.00', '-0.01', '0.00', '10.00', '10.00', '2500.50'),
  debitLimit: fc.constantFrom('0.00', '100.00', '500.00'),
  status: fc.constantFrom(...CUSTOMER_STATUSES),
  accountRef: fc.constantFrom(undefined, 'R1', 'r1', 'R2'),
  country: fc.constantFrom(undefined, 'DE', 'FR'),
  channels: fc.constantFrom(0, 10, 30),
  tags: fc.constantFrom<string[][]>([], ['vip'], ['vip', 'gold']),
  figures: fc.boolean(),
});

const rowsArb = fc.array(rowArb, { maxLength: 40 }).map((specs) =>
  specs.map(({ figures, ...c }, n) => testRow(n + 1, c, figures ? makeCustomerMetrics({ ch: n % 3, cps: n % 2 }) : undefined)),
);

const sortArb: fc.Arbitrary<CustomerSort> = fc.uniqueArray(
  fc.record({ column: fc.constantFrom(...GRID_COLUMN_IDS), direction: fc.constantFrom('asc' as const, 'desc' as const) }),
  { minLength: 1, maxLength: 3, selector: (l) => l.column },
);

const ids = (rows: readonly IndexedCustomer[]) => rows.map((r) => r.id);

describe('ordering from the name order', () => {
  it('gives exactly the order of a sort from scratch, for any rows and any sort of up to three levels', () => {
    fc.assert(
      fc.property(rowsArb, sortArb, (rows, sort) => {
        const byName = sortCustomers(rows, BY_NAME);
        expect(ids(orderFromNameOrder(byName, sort))).toEqual(ids(sortCustomers(rows, sort)));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same order when the keys are too many to pack into one number', () => {
    fc.assert(
      fc.property(rowsArb, sortArb, (rows, sort) => {
        const byName = sortCustomers(rows, BY_NAME);
        expect(ids(orderFromNameOrder(byName, sort, 0))).toEqual(ids(sortCustomers(rows, sort)));
      }),
      { numRuns: 100 },
    );
  });

  it('keeps customers whose keys tie in name order, in both directions', () => {
    const rows = [testRow(1, { name: 'C', credit: '5.00' }), testRow(2, { name: 'A', credit: '5.00' }), testRow(3, { name: 'B', credit: '1.00' })];
    const byName = sortCustomers(rows, BY_NAME);
    const names = (sort: CustomerSort) => orderFromNameOrder(byName, sort).map((r) => r.customer.name);
    expect(names([{ column: 'credit', direction: 'desc' }])).toEqual(['A', 'C', 'B']);
    expect(names([{ column: 'credit', direction: 'asc' }])).toEqual(['B', 'A', 'C']);
  });

  it('leaves the name order it is given as it was', () => {
    const byName = sortCustomers([testRow(1, { name: 'B' }), testRow(2, { name: 'A' })], BY_NAME);
    const before = ids(byName);
    orderFromNameOrder(byName, [{ column: 'name', direction: 'desc' }]);
    expect(ids(byName)).toEqual(before);
  });
});
