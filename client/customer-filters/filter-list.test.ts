import { describe, expect, it } from 'vitest';
import type { FilterNode } from '../../shared/customer-filter.js';
import { combine, hasFilter, removeFilter, toggleFilter } from './filter-list.js';

const negative: FilterNode = { type: 'number', field: 'credit', op: 'lt', value: 0 };
const german: FilterNode = { type: 'set', field: 'country', op: 'in', values: ['DE'] };

describe('the list of filters in force', () => {
  it('toggles a filter by value, so a copy from a URL or a menu counts as the same', () => {
    const once = toggleFilter([], negative);
    expect(hasFilter(once, { ...negative })).toBe(true);
    expect(toggleFilter(once, { ...negative })).toEqual([]);
  });

  it('removes one and keeps the others; the query combines what is left, all of them or any', () => {
    const both = toggleFilter(toggleFilter([], negative), german);
    expect(removeFilter(both, negative)).toEqual([german]);
    expect(combine(both)).toEqual({ type: 'group', op: 'and', children: [negative, german] });
    expect(combine(both, 'or')).toEqual({ type: 'group', op: 'or', children: [negative, german] });
    expect(combine([])).toBeUndefined();
  });
});
