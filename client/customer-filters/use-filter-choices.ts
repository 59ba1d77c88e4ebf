import { useMemo } from 'react';
import { CUSTOMER_STATUSES, STATUS_LABELS } from '../../shared/customer-status.js';
import { WARNING_CODES, WARNING_LABELS } from '../../shared/warnings.js';
import { distinctValues } from '../customer-index/distinct-values.js';
import type { IndexedCustomer } from '../customer-index/indexed-customer.js';
import type { FilterField } from './condition-draft.js';

type Choice = { value: string; label: string };

const FIXED: Partial<Record<FilterField, Choice[]>> = {
  status: CUSTOMER_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
  warning: WARNING_CODES.map((c) => ({ value: c, label: WARNING_LABELS[c] })),
  portalAccess: [
    { value: 'yes', label: 'Yes' },
    { value: 'no', label: 'No' },
  ],
};

const PICKS: Partial<Record<FilterField, (row: IndexedCustomer) => readonly string[]>> = {
  currency: (r) => [r.customer.currency],
  country: (r) => (r.customer.country ? [r.customer.country] : []),
  tags: (r) => r.customer.tags,
  accountManager: (r) => (r.customer.accountManager ? [r.customer.accountManager] : []),
};

/** Distinct values of the list fields over some rows, each counted when first asked for. */
class FilterChoices {
  readonly #found = new Map<FilterField, Choice[]>();
  constructor(private readonly rows: readonly IndexedCustomer[]) {}

  readonly of = (field: FilterField): Choice[] => {
    const fixed = FIXED[field];
    if (fixed) return fixed;
    let found = this.#found.get(field);
    if (!found) {
      const pick = PICKS[field];
      found = pick ? distinctValues(this.rows, pick).map((v) => ({ value: v, label: v })) : [];
      this.#found.set(field, found);
    }
    return found;
  };
}

/**
 * The values a list field can be filtered on: fixed ones (status, warning kind), or those
 * the customers on this device have (currency, country, tags, account manager), counted
 * only when the builder asks for that field, once per version of the rows.
 */
export function useFilterChoices(rows: readonly IndexedCustomer[]): (field: FilterField) => Choice[] {
  return useMemo(() => new FilterChoices(rows).of, [rows]);
}
