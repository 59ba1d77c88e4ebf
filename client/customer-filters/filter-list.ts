import type { FilterGroup, FilterNode } from '../../shared/customer-filter.js';

/**
 * The page's typed filters: a list of nodes a row must all pass, or any of (each chip
 * one node, which may itself be a group). Lists are replaced, never edited, so the view model
 * can tell a change by identity.
 */

/** Whether two filters are the same condition: by value, so a copy from a URL or a menu counts. */
export function sameFilter(a: FilterNode, b: FilterNode): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

export function hasFilter(list: readonly FilterNode[], node: FilterNode): boolean {
  return list.some((f) => sameFilter(f, node));
}

/** Adds `node`, or removes it when it is there already. */
export function toggleFilter(list: readonly FilterNode[], node: FilterNode): readonly FilterNode[] {
  return hasFilter(list, node) ? list.filter((f) => !sameFilter(f, node)) : [...list, node];
}

export function removeFilter(list: readonly FilterNode[], node: FilterNode): readonly FilterNode[] {
  return list.filter((f) => !sameFilter(f, node));
}

/** The list as one group for the query (all of them, or any); undefined when empty. */
export function combine(list: readonly FilterNode[], op: 'and' | 'or' = 'and'): FilterGroup | undefined {
  return list.length === 0 ? undefined : { type: 'group', op, children: [...list] };
}
