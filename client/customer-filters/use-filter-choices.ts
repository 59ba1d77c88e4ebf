import { useMemo } from 'react';
import { SET_FILTER_FIELDS, type SetFilterField } from '../../shared/customer-filter.js';
import { CUSTOMER_STATUSES, STATUS_LABELS } from '../../shared/customer-status.js';
import { WARNING_CODES, WARNING_LABELS } from '../../shared/warnings.js';
import { SET_READERS } from '../customer-index/customer-filter-fields.js';
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

const isSetField = (field: FilterField): field is SetFilterField => (SET_FILTER_FIELDS as readonly string[]).includes(field);

/** Distinct values of the list fields over some rows, each counted when first asked for. */
class FilterChoices {
  readonly #found = new Map<FilterField, Choice[]>();
  constructor(private readonly rows: readonly IndexedCustomer[]) {}

  readonly of = (field: FilterField): Choice[] => {
    const fixed = FIXED[field];
    if (fixed) return fixed;
    let found = this.#found.get(field);
    if (!found) {
      // The filter's own readers: a value offered here is one the condition can match.
      found = isSetField(field) ? distinctValues(this.rows, SET_READERS[field]).map((v) => ({ value: v, label: v })) : [];
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
