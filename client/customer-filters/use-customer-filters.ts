import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FilterGroup, FilterNode } from '../../shared/customer-filter.js';
import { combine, hasFilter, removeFilter, toggleFilter } from './filter-list.js';
import { readFiltersParam, readMatchParam, withFiltersParam, type FilterMatch } from './filters-in-url.js';

interface FilterState {
  list: readonly FilterNode[];
  match: FilterMatch;
  /** When the filters last changed: "within 24 h" and "more than 30 days ago" count back from it. */
  now: number;
}

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
}

/**
 * The grid's typed filters: the chips, whether a row must pass all of them or any, read
 * from the URL on load and written back on every change (replaced, so a reload or a link
 * opens the same rows). `onChange` runs after each change (the page goes back to page 1).
 */
export function useCustomerFilters(onChange: () => void): CustomerFilters {
  const [state, setState] = useState<FilterState>(() => ({
    list: readFiltersParam(window.location.search),
    match: readMatchParam(window.location.search),
    now: Date.now(),
  }));
  const { list, match, now } = state;
  useEffect(() => {
    const next = withFiltersParam(window.location.href, list, match);
    if (next !== window.location.href) window.history.replaceState(window.history.state, '', next);
  }, [list, match]);
  const update = useCallback(
    (change: (s: FilterState) => Partial<FilterState>) => {
      setState((s) => ({ ...s, ...change(s), now: Date.now() }));
      onChange();
    },
    [onChange],
  );
  const conditions = useMemo(() => combine(list, match), [list, match]);
  // Stable, so memoised parts of the page (the empty state's "Clear filters") keep theirs.
  const clear = useCallback(() => update(() => ({ list: [] })), [update]);
  return {
    list,
    match,
    conditions,
    now,
    toggle: (node) => update((s) => ({ list: toggleFilter(s.list, node) })),
    add: (node) => update((s) => ({ list: hasFilter(s.list, node) ? s.list : [...s.list, node] })),
    remove: (node) => update((s) => ({ list: removeFilter(s.list, node) })),
    setMatch: (m) => update(() => ({ match: m })),
    clear,
  };
}
