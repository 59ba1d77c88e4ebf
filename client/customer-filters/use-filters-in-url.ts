import { useEffect } from 'react';
import type { FilterNode } from '../../shared/customer-filter.js';
import { withFiltersParam } from './filters-in-url.js';

/** Keeps the page's URL showing the filters in force, so a reload or a shared link opens the same rows. */
export function useFiltersInUrl(filters: readonly FilterNode[]): void {
  useEffect(() => {
    const next = withFiltersParam(window.location.href, filters);
    if (next !== window.location.href) window.history.replaceState(window.history.state, '', next);
  }, [filters]);
}
