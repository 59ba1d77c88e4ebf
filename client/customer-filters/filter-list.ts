import type { FilterGroup, FilterNode } from '../../shared/customer-filter.js';

/**
 * The page's typed filters: a list of nodes a row must all pass (each chip one node,
 * which may itself be an OR group). Lists are replaced, never edited, so the view model
 * can tell a change by identity.
 */

const same = (a: FilterNode, b: FilterNode) => JSON.stringify(a) === JSON.stringify(b);

export function hasFilter(list: readonly FilterNode[], node: FilterNode): boolean {
  return list.some((f) => same(f, node));
}

/** Adds `node`, or removes it when it is there already. */
export function toggleFilter(list: readonly FilterNode[], node: FilterNode): readonly FilterNode[] {
  return hasFilter(list, node) ? list.filter((f) => !same(f, node)) : [...list, node];
}

export function removeFilter(list: readonly FilterNode[], node: FilterNode): readonly FilterNode[] {
  return list.filter((f) => f !== node && !same(f, node));
}

/** The list as one AND group for the query; undefined when empty. */
export function allOf(list: readonly FilterNode[]): FilterGroup | undefined {
  return list.length === 0 ? undefined : { type: 'group', op: 'and', children: [...list] };
}
