import { describe, expect, it } from 'vitest';
import type { FilterNode } from '../../shared/customer-filter.js';
import { QUICK_FILTERS } from '../../shared/quick-filters.js';
import { readFiltersParam, readMatchParam, withFiltersParam } from './filters-in-url.js';

describe('filters in the URL', () => {
  it('round-trips every one-click filter and a typed one, keeping other parameters', () => {
    const filters: FilterNode[] = [...QUICK_FILTERS.map((q) => q.filter), { type: 'number', field: 'credit', op: 'between', value: -10, to: 10, currency: 'EUR' }];
    const href = withFiltersParam('https://trunkline.example/?view=trash', filters);
    const url = new URL(href);
    expect(url.searchParams.get('view')).toBe('trash');
    expect(readFiltersParam(url.search)).toEqual(filters);
    expect(new URL(withFiltersParam(href, [])).search).toBe('?view=trash');
  });

  it('says "any" only when several filters are combined that way', () => {
    const two: FilterNode[] = QUICK_FILTERS.slice(0, 2).map((q) => q.filter);
    const any = new URL(withFiltersParam('https://trunkline.example/', two, 'or'));
    expect(readMatchParam(any.search)).toBe('or');
    expect(new URL(withFiltersParam(any.toString(), two, 'and')).searchParams.has('match')).toBe(false);
    expect(new URL(withFiltersParam(any.toString(), two.slice(0, 1), 'or')).searchParams.has('match')).toBe(false);
    expect(readMatchParam('?match=sideways')).toBe('and');
  });

  it('ignores a parameter that is not a valid filter list', () => {
    expect(readFiltersParam('?filters=%7Bnot%20json')).toEqual([]);
    expect(readFiltersParam(`?filters=${encodeURIComponent(JSON.stringify([{ type: 'number', field: 'credit', op: 'lt' }]))}`)).toEqual([]);
    expect(readFiltersParam(`?filters=${encodeURIComponent(JSON.stringify([{ type: 'set', field: 'password', op: 'in', values: [] }]))}`)).toEqual([]);
  });
});
