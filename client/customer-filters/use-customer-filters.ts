import { useCallback, useMemo } from 'react';
import type { FilterGroup, FilterNode } from '../../shared/customer-filter.js';
import type { GridViewState } from '../../shared/grid-view.js';
import type { GridView } from '../customer-views/use-grid-view.js';
import { combine, groupFilters, hasFilter, removeFilter, toggleFilter, ungroupFilter } from './filter-list.js';

type FilterMatch = GridViewState['match'];

export interface CustomerFilters {
  list: readonly FilterNode[];
  match: FilterMatch;
  /** The query's conditions (undefined: none) and the time relative dates count from. */
  conditions: FilterGroup | undefined;
  now: number;
  toggle(node: FilterNode): void;
  add(node: FilterNode): void;
  remove(node: FilterNode): void;
  setMatch(match: FilterMatch): void;
  clear(): void;
  group(picked: FilterNode[], op: 'and' | 'or'): void;
  ungroup(group: FilterNode): void;
}

/**
 * The grid's typed filters, part of its view (and so of the URL and saved views): the
 * chips, and whether a row must pass all of them or any.
 */
export function useCustomerFilters(view: GridView): CustomerFilters {
  const { filters: list, match } = view.state;
  const { change } = view;
  const conditions = useMemo(() => combine(list, match === 'any' ? 'or' : 'and'), [list, match]);
  // Stable, so memoised parts of the page (the empty state's "Clear filters") keep theirs.
  const clear = useCallback(() => change({ filters: [] }), [change]);
  return {
    list,
    match,
    conditions,
    now: view.now,
    toggle: (node) => change((s) => ({ filters: [...toggleFilter(s.filters, node)] })),
    add: (node) => change((s) => ({ filters: hasFilter(s.filters, node) ? s.filters : [...s.filters, node] })),
    remove: (node) => change((s) => ({ filters: [...removeFilter(s.filters, node)] })),
    setMatch: (m) => change({ match: m }),
    clear,
    group: (picked, op) => change((s) => ({ filters: groupFilters(s.filters, picked, op) })),
    ungroup: (group) => change((s) => ({ filters: ungroupFilter(s.filters, group) })),
  };
}
