import type { Customer } from '../../shared/customer.js';
import { splitCustomer, type CustomerListRow } from '../../shared/customer-split.js';
import type { CustomerMetrics } from '../../shared/metrics.js';
import { makeCustomer } from '../../shared/test-fixtures.js';
import { detailSearchTerms, indexCustomer, type IndexedCustomer } from './indexed-customer.js';

/** A deterministic, valid UUID for test customer number `n`. */
export function testId(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** A valid customer with id `testId(n)`; override what the test is about. */
export function testCustomer(n: number, overrides: Partial<Customer> = {}): Customer {
  return makeCustomer({
    id: testId(n),
    name: `Customer ${n}`,
    contacts: [{ name: 'Noc Desk', email: `noc${n}@example.net`, type: 'noc', emailVerified: true, mobileVerified: false }],
    ...overrides,
  });
}

/** An indexed customer, as the index would build it, with live figures if given. */
export function testRow(n: number, overrides: Partial<Customer> = {}, metrics?: CustomerMetrics): IndexedCustomer {
  return indexWholeCustomer(testCustomer(n, overrides), metrics);
}

/** A whole customer indexed as the index would from its list row and details. */
export function indexWholeCustomer(c: Customer, metrics?: CustomerMetrics): IndexedCustomer {
  const { row, details } = splitCustomer(c);
  return indexCustomer(row, undefined, metrics, undefined, detailSearchTerms(details));
}

/** The list rows of whole customers, as a preview of a change to them would show them. */
export function listRows(customers: readonly Customer[]): CustomerListRow[] {
  return customers.map((c) => splitCustomer(c).row);
}
