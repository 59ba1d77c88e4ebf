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

/** The list with `picked` replaced, where the first of them stood, by one group of them: a row must pass all (and) or any (or). */
export function groupFilters(list: readonly FilterNode[], picked: readonly FilterNode[], op: 'and' | 'or'): FilterNode[] {
  const chosen = list.filter((f) => hasFilter(picked, f));
  if (chosen.length < 2) return [...list];
  const group: FilterGroup = { type: 'group', op, children: chosen };
  const at = list.findIndex((f) => hasFilter(picked, f));
  const rest = list.filter((f) => !hasFilter(picked, f));
  rest.splice(list.slice(0, at).filter((f) => !hasFilter(picked, f)).length, 0, group);
  return rest;
}

/** The list with `group` replaced by its members, in its place. */
export function ungroupFilter(list: readonly FilterNode[], group: FilterNode): FilterNode[] {
  return list.flatMap((f) => (sameFilter(f, group) && f.type === 'group' ? f.children : [f]));
}
