import { describe, expect, it } from 'vitest';
import type { FilterNode } from '../../shared/customer-filter.js';
import { customerFilterSchema } from '../../shared/customer-filter.js';
import { combine, groupFilters, hasFilter, removeFilter, toggleFilter, ungroupFilter } from './filter-list.js';

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

  it('groups chosen filters into one, where the first stood, and ungroups it back; the whole stays a valid filter', () => {
    const active: FilterNode = { type: 'set', field: 'status', op: 'in', values: ['active'] };
    const list = [active, negative, german];
    const grouped = groupFilters(list, [{ ...german }, negative], 'or');
    expect(grouped).toEqual([active, { type: 'group', op: 'or', children: [negative, german] }]);
    expect(customerFilterSchema.safeParse(combine(grouped, 'and')).success).toBe(true);
    expect(ungroupFilter(grouped, grouped[1]!)).toEqual(list);
    // Fewer than two: nothing to group.
    expect(groupFilters(list, [negative], 'or')).toEqual(list);
  });
});
