import { z } from 'zod';
import { customerFilterSchema } from '../../shared/customer-filter.js';
import {
  DEFAULT_GRID_VIEW,
  DENSITIES,
  gridColumnIdSchema,
  gridSortSchema,
  PAGE_SIZES,
  STATUS_FILTERS,
  type GridColumnState,
  type GridViewState,
  normalizeColumns,
  sameColumns,
  type SortLevel,
} from '../../shared/grid-view.js';

/**
 * The grid's view state in the page's URL, so a link opens the same view on another
 * device and back and forward step through views. Readable and short: only what differs
 * from the default view is written (`?sort=status,-credit&cols=^name:240,credit,status`).
 * Each parameter is read on its own: one that is not valid (edited by hand, from an older
 * version) falls back to the default for that part rather than half-applying it.
 */

export const VIEW_PARAMS = ['cols', 'sort', 'q', 'status', 'warn', 'filters', 'match', 'size', 'density'] as const;
/** The saved view the state came from (absent: none). */
export const SAVED_VIEW_PARAM = 'saved';

const filtersSchema = z.array(customerFilterSchema).max(20);

/** `^name:240,credit,status`: visible columns in order, `^` pinned, `:px` width; the rest hidden. */
export function encodeColumns(columns: readonly GridColumnState[]): string {
  return normalizeColumns(columns)
    .filter((c) => !c.hidden)
    .map((c) => `${c.pinned ? '^' : ''}${c.id}${c.width !== undefined ? `:${c.width}` : ''}`)
    .join(',');
}

export function decodeColumns(text: string): GridColumnState[] | undefined {
  const visible: GridColumnState[] = [];
  for (const part of text.split(',')) {
    const m = /^(\^?)([A-Za-z0-9]+)(?::(\d{1,4}))?$/.exec(part);
    const id = m && gridColumnIdSchema.safeParse(m[2]);
    if (!m || !id?.success) return undefined;
    visible.push({ id: id.data, ...(m[1] ? { pinned: true } : {}), ...(m[3] ? { width: Number(m[3]) } : {}) });
  }
  return visible.length > 0 ? normalizeColumns(visible) : undefined;
}

export const encodeSort = (sort: readonly SortLevel[]): string => sort.map((l) => `${l.direction === 'desc' ? '-' : ''}${l.column}`).join(',');

export function decodeSort(text: string): SortLevel[] | undefined {
  const levels = text.split(',').map((p) => ({ column: p.replace(/^-/, ''), direction: p.startsWith('-') ? 'desc' : 'asc' }));
  const parsed = gridSortSchema.safeParse(levels);
  return parsed.success ? parsed.data : undefined;
}

function decodeFilters(text: string): GridViewState['filters'] | undefined {
  try {
    const parsed = filtersSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

const oneOf = <T extends string | number>(values: readonly T[], raw: string | null, cast: (s: string) => T = (s) => s as T): T | undefined =>
  raw === null ? undefined : values.find((v) => v === cast(raw));

/** The view a URL's query asks for: the default view where it says nothing (or nothing valid). */
export function readViewParams(search: string): GridViewState {
  const p = new URLSearchParams(search);
  const d = DEFAULT_GRID_VIEW;
  const get = (name: string) => p.get(name);
  return {
    columns: (get('cols') !== null && decodeColumns(get('cols')!)) || normalizeColumns(d.columns),
    density: oneOf(DENSITIES, get('density')) ?? d.density,
    sort: (get('sort') !== null && decodeSort(get('sort')!)) || d.sort,
    search: (get('q') ?? '').slice(0, 200),
    status: oneOf(STATUS_FILTERS, get('status')) ?? d.status,
    warningsOnly: get('warn') === '1',
    filters: (get('filters') !== null && decodeFilters(get('filters')!)) || [],
    match: get('match') === 'any' ? 'any' : 'all',
    pageSize: (oneOf<number>(PAGE_SIZES, get('size'), Number) as GridViewState['pageSize'] | undefined) ?? d.pageSize,
  };
}

/** Whether the URL names any part of a view (else the user's default view applies). */
export function hasViewParams(search: string): boolean {
  const p = new URLSearchParams(search);
  return VIEW_PARAMS.some((name) => p.has(name));
}

/** `href` carrying `view` (only what differs from the default) and the saved view it came from. */
export function withViewParams(href: string, view: GridViewState, savedId?: string): string {
  const url = new URL(href);
  for (const name of [...VIEW_PARAMS, SAVED_VIEW_PARAM]) url.searchParams.delete(name);
  const d = DEFAULT_GRID_VIEW;
  const set = (name: string, value: string) => url.searchParams.set(name, value);
  if (!sameColumns(view.columns, d.columns)) set('cols', encodeColumns(view.columns));
  if (encodeSort(view.sort) !== encodeSort(d.sort)) set('sort', encodeSort(view.sort));
  if (view.search !== '') set('q', view.search);
  if (view.status !== d.status) set('status', view.status);
  if (view.warningsOnly) set('warn', '1');
  if (view.filters.length > 0) set('filters', JSON.stringify(view.filters));
  if (view.filters.length > 1 && view.match === 'any') set('match', 'any');
  if (view.pageSize !== d.pageSize) set('size', String(view.pageSize));
  if (view.density !== d.density) set('density', view.density);
  if (savedId) set(SAVED_VIEW_PARAM, savedId);
  return url.toString();
}

export function readSavedViewParam(search: string): string | undefined {
  const id = new URLSearchParams(search).get(SAVED_VIEW_PARAM);
  return id && z.uuid().safeParse(id).success ? id : undefined;
}
