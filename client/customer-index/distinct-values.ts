import type { IndexedCustomer } from './indexed-customer.js';

/** Distinct values of a field over every customer, sorted, for input suggestions. */
export function distinctValues(rows: readonly IndexedCustomer[], pick: (row: IndexedCustomer) => readonly string[]): string[] {
  const seen = new Set<string>();
  for (const r of rows) for (const v of pick(r)) seen.add(v);
  return [...seen].sort((a, b) => a.localeCompare(b, 'en'));
}

export const tagsOf = (row: IndexedCustomer): readonly string[] => row.customer.tags;
export const managerOf = (row: IndexedCustomer): readonly string[] => (row.customer.accountManager ? [row.customer.accountManager] : []);
