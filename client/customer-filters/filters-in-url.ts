import { z } from 'zod';
import { customerFilterSchema, type FilterNode } from '../../shared/customer-filter.js';

/** The query parameter holding the filters in force, as JSON. */
export const FILTERS_PARAM = 'filters';
/** `match=any`: a row passes when any filter keeps it (absent: all must). */
export const MATCH_PARAM = 'match';

export type FilterMatch = 'and' | 'or';

export function readMatchParam(search: string): FilterMatch {
  return new URLSearchParams(search).get(MATCH_PARAM) === 'any' ? 'or' : 'and';
}

const listSchema = z.array(customerFilterSchema).max(20);

/**
 * The filters a link or a reload asks for. A parameter that is not a valid filter list
 * (edited by hand, from an older version) is ignored rather than half-applied: the page
 * opens unfiltered instead of showing a wrong subset.
 */
export function readFiltersParam(search: string): FilterNode[] {
  const raw = new URLSearchParams(search).get(FILTERS_PARAM);
  if (!raw) return [];
  try {
    const parsed = listSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** `href` with the filters in force and how they combine (none, or all of them: no parameter). */
export function withFiltersParam(href: string, filters: readonly FilterNode[], match: FilterMatch = 'and'): string {
  const url = new URL(href);
  if (filters.length === 0) url.searchParams.delete(FILTERS_PARAM);
  else url.searchParams.set(FILTERS_PARAM, JSON.stringify(filters));
  if (filters.length > 1 && match === 'or') url.searchParams.set(MATCH_PARAM, 'any');
  else url.searchParams.delete(MATCH_PARAM);
  return url.toString();
}
