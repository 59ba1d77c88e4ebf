import type { FilterNode } from '../../shared/customer-filter.js';
import { compileFilter } from './customer-filter.js';
import type { IndexedCustomer } from './indexed-customer.js';

/**
 * How many live customers have each value of a list field (a customer with two tags counts
 * for both): the counts beside the values a filter offers.
 */
export function countValues(rows: readonly IndexedCustomer[], pick: (row: IndexedCustomer) => readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) {
    if (row.deletedAtMs !== undefined) continue;
    for (const v of pick(row)) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return counts;
}

/** How many live customers `filter` keeps, counted back from `now` for relative dates. */
export function countMatches(rows: readonly IndexedCustomer[], filter: FilterNode, now: number): number {
  const matches = compileFilter(filter, now);
  let n = 0;
  for (const row of rows) if (row.deletedAtMs === undefined && matches(row)) n += 1;
  return n;
}
