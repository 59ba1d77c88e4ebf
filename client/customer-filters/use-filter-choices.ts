import { useMemo } from 'react';
import { SET_FILTER_FIELDS, type SetFilterField } from '../../shared/customer-filter.js';
import { CUSTOMER_STATUSES, STATUS_LABELS } from '../../shared/customer-status.js';
import type { QuickFilter } from '../../shared/quick-filters.js';
import { WARNING_CODES, WARNING_LABELS } from '../../shared/warnings.js';
import { SET_READERS } from '../customer-index/customer-filter-fields.js';
import { countMatches, countValues } from '../customer-index/filter-counts.js';
import type { IndexedCustomer } from '../customer-index/indexed-customer.js';
import { countryName } from '../format/country-names.js';
import type { FilterField } from './condition-draft.js';

export type Choice = { value: string; label: string };

/** Values whose labels are not the values themselves, offered even when no customer has them. */
const FIXED: Partial<Record<FilterField, Choice[]>> = {
  status: CUSTOMER_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
  warning: WARNING_CODES.map((c) => ({ value: c, label: WARNING_LABELS[c] })),
  portalAccess: [
    { value: 'yes', label: 'Yes' },
    { value: 'no', label: 'No' },
  ],
};

/** How a list value reads in the menu: a country by its name with its code ("Germany – DE"), anything else as it is. */
const valueName = (field: FilterField, value: string) => (field === 'country' ? `${countryName(value)} – ${value}` : value);

const isSetField = (field: FilterField): field is SetFilterField => (SET_FILTER_FIELDS as readonly string[]).includes(field);
const withCount = (label: string, n: number) => `${label} (${n.toLocaleString('en')})`;

/** What the filter menu offers, with live counts, each computed when first asked for. */
export interface FilterChoices {
  /** A list field's values with how many customers have each ("EUR (1,204)"). */
  choices(field: FilterField): Choice[];
  /** How many customers a one-click filter keeps. */
  quickCount(quick: QuickFilter): number;
}

class CountedChoices implements FilterChoices {
  readonly #choices = new Map<FilterField, Choice[]>();
  readonly #quick = new Map<string, number>();
  constructor(
    private readonly rows: readonly IndexedCustomer[],
    private readonly now: number,
  ) {}

  readonly choices = (field: FilterField): Choice[] => {
    let found = this.#choices.get(field);
    if (found) return found;
    // The filter's own readers: a value offered here is one the condition can match.
    const counts = isSetField(field) ? countValues(this.rows, SET_READERS[field]) : new Map<string, number>();
    const fixed = FIXED[field];
    found = fixed
      ? fixed.map((c) => ({ value: c.value, label: withCount(c.label, counts.get(c.value) ?? 0) }))
      : [...counts.keys()]
          .map((v) => ({ value: v, name: valueName(field, v) }))
          .sort((a, b) => a.name.localeCompare(b.name, 'en'))
          .map(({ value, name }) => ({ value, label: withCount(name, counts.get(value)!) }));
    this.#choices.set(field, found);
    return found;
  };

  readonly quickCount = (quick: QuickFilter): number => {
    let n = this.#quick.get(quick.id);
    if (n === undefined) {
      n = countMatches(this.rows, quick.filter, this.now);
      this.#quick.set(quick.id, n);
    }
    return n;
  };
}

/**
 * The filter menu's values and counts over the customers on this device (the trash left
 * out), computed only when the menu asks, once per version of the rows: the menu is
 * closed most of the time, and 100,000 rows cost a few milliseconds per count.
 */
export function useFilterChoices(rows: readonly IndexedCustomer[], now: number): FilterChoices {
  return useMemo(() => new CountedChoices(rows, now), [rows, now]);
}
