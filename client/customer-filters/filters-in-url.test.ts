import { describe, expect, it } from 'vitest';
import type { FilterNode } from '../../shared/customer-filter.js';
import { QUICK_FILTERS } from '../../shared/quick-filters.js';
import { readFiltersParam, withFiltersParam } from './filters-in-url.js';

describe('filters in the URL', () => {
  it('round-trips every one-click filter and a typed one, keeping other parameters', () => {
    const filters: FilterNode[] = [...QUICK_FILTERS.map((q) => q.filter), { type: 'number', field: 'credit', op: 'between', value: -10, to: 10, currency: 'EUR' }];
    const href = withFiltersParam('https://trunkline.example/?view=trash', filters);
    const url = new URL(href);
    expect(url.searchParams.get('view')).toBe('trash');
    expect(readFiltersParam(url.search)).toEqual(filters);
    expect(new URL(withFiltersParam(href, [])).search).toBe('?view=trash');
  });

  it('ignores a parameter that is not a valid filter list', () => {
    expect(readFiltersParam('?filters=%7Bnot%20json')).toEqual([]);
    expect(readFiltersParam(`?filters=${encodeURIComponent(JSON.stringify([{ type: 'number', field: 'credit', op: 'lt' }]))}`)).toEqual([]);
    expect(readFiltersParam(`?filters=${encodeURIComponent(JSON.stringify([{ type: 'set', field: 'password', op: 'in', values: [] }]))}`)).toEqual([]);
  });
});
