import { z } from 'zod';
import { customerFilterSchema } from './customer-filter.js';
import { CUSTOMER_STATUSES } from './customer-status.js';
import { noControlCharacters } from './text.js';

/**
 * The state of the customer grid as staff shape it: which columns in which order, their
 * widths and pins, density, filters, sorts and page size. It is what a saved view stores
 * (synced, so both sides validate it) and what the page's URL carries.
 */

/** Every column the grid offers, in its default order. Ids are stable: saved views and links name them. */
export const GRID_COLUMN_IDS = [
  'name',
  'accountRef',
  'accountManager',
  'currency',
  'credit',
  'debitLimit',
  'availableBalance',
  'dailySpendLimit',
  'channels',
  'channelLimit',
  'cpsLimit',
  'status',
  'penaltyUntil',
  'lastCall',
  'asr',
  'acd',
  'pdd',
  'cps',
  'cpsPeak',
  'attempts1h',
  'answered1h',
  'ner1h',
  'attempts24h',
  'answered24h',
  'asr24h',
  'ner24h',
  'acd24h',
  'pdd24h',
  'country',
  'tags',
  'contacts',
  'portalAccess',
  'createdAt',
  'updatedAt',
  'deletedAt',
] as const;
export type GridColumnId = (typeof GRID_COLUMN_IDS)[number];
export const gridColumnIdSchema = z.enum(GRID_COLUMN_IDS);

/** Shown until someone chooses otherwise: what the page showed before columns could be chosen. */
export const DEFAULT_VISIBLE_COLUMNS: readonly GridColumnId[] = ['name', 'credit', 'channels', 'status', 'lastCall', 'asr', 'acd', 'pdd', 'cps', 'country', 'tags'];

export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];
/** A spreadsheet's sort dialog offers three levels; more only hides what the first ones decide. */
export const MAX_SORT_LEVELS = 3;

export const sortLevelSchema = z.object({ column: gridColumnIdSchema, direction: z.enum(SORT_DIRECTIONS) });
export type SortLevel = z.infer<typeof sortLevelSchema>;

export const gridSortSchema = z
  .array(sortLevelSchema)
  .min(1)
  .max(MAX_SORT_LEVELS)
  .refine((levels) => new Set(levels.map((l) => l.column)).size === levels.length, 'A column sorts at one level only');

export const MIN_COLUMN_WIDTH = 40;
export const MAX_COLUMN_WIDTH = 1200;

/** One column as placed: the array's order is the grid's order (pinned columns come first on screen). */
export const gridColumnStateSchema = z.object({
  id: gridColumnIdSchema,
  hidden: z.boolean().optional(),
  /** Pixels; absent: sized to its content. */
  width: z.number().int().min(MIN_COLUMN_WIDTH).max(MAX_COLUMN_WIDTH).optional(),
  pinned: z.boolean().optional(),
});
export type GridColumnState = z.infer<typeof gridColumnStateSchema>;

export const STATUS_FILTERS = ['all', ...CUSTOMER_STATUSES, 'dialling'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export const PAGE_SIZES = [50, 100, 250, 500] as const;
export const DENSITIES = ['compact', 'comfortable'] as const;
export type Density = (typeof DENSITIES)[number];

export const gridViewStateSchema = z.object({
  columns: z
    .array(gridColumnStateSchema)
    .max(GRID_COLUMN_IDS.length)
    .refine((cols) => new Set(cols.map((c) => c.id)).size === cols.length, 'A column appears once'),
  density: z.enum(DENSITIES),
  sort: gridSortSchema,
  search: z.string().max(200).check(noControlCharacters()),
  status: z.enum(STATUS_FILTERS),
  warningsOnly: z.boolean(),
  filters: z.array(customerFilterSchema).max(20),
  /** Whether a row must pass every filter or any of them. */
  match: z.enum(['all', 'any']),
  pageSize: z.union(PAGE_SIZES.map((n) => z.literal(n)) as [z.ZodLiteral<50>, z.ZodLiteral<100>, z.ZodLiteral<250>, z.ZodLiteral<500>]),
});
export type GridViewState = z.infer<typeof gridViewStateSchema>;

/** The list's columns: every one but the trash's deletion time. */
export const GRID_COLUMNS = GRID_COLUMN_IDS.filter((id) => id !== 'deletedAt');
const isGridColumn = (id: string): id is GridColumnId => (GRID_COLUMNS as readonly string[]).includes(id);

/**
 * One canonical form: every grid column once, in order (the listed ones first, then any
 * missing in catalog order, hidden), flags only when set, the name column never hidden.
 * Two states that show the same grid normalise to equal values.
 */
export function normalizeColumns(columns: readonly GridColumnState[]): GridColumnState[] {
  const out: GridColumnState[] = [];
  const seen = new Set<GridColumnId>();
  const add = (c: GridColumnState) => {
    if (!isGridColumn(c.id) || seen.has(c.id)) return;
    seen.add(c.id);
    const hidden = c.hidden === true && c.id !== 'name';
    const width = c.width === undefined ? undefined : Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, Math.round(c.width)));
    out.push({ id: c.id, ...(hidden ? { hidden: true } : {}), ...(width !== undefined ? { width } : {}), ...(c.pinned ? { pinned: true } : {}) });
  };
  columns.forEach(add);
  for (const id of GRID_COLUMNS) if (!seen.has(id)) add({ id, hidden: true });
  return out;
}

/**
 * What a column state shows: the visible columns in order with their widths and pins, then
 * the hidden ones in catalog order (where a hidden column sits, and its width, show nothing).
 */
export function shownColumns(columns: readonly GridColumnState[]): GridColumnState[] {
  const all = normalizeColumns(columns);
  const hidden = new Set(all.filter((c) => c.hidden).map((c) => c.id));
  return [...all.filter((c) => !c.hidden), ...GRID_COLUMNS.filter((id) => hidden.has(id)).map((id) => ({ id, hidden: true }))];
}

/** Whether two column states show the same grid. */
export function sameColumns(a: readonly GridColumnState[], b: readonly GridColumnState[]): boolean {
  return JSON.stringify(shownColumns(a)) === JSON.stringify(shownColumns(b));
}

/** The page as it first opens: every default column, sorted by name, nothing filtered. */
export const DEFAULT_GRID_VIEW: GridViewState = Object.freeze({
  columns: GRID_COLUMNS.map((id) => (DEFAULT_VISIBLE_COLUMNS.includes(id) ? { id } : { id, hidden: true })),
  density: 'compact',
  sort: [{ column: 'name', direction: 'asc' }],
  search: '',
  status: 'all',
  warningsOnly: false,
  filters: [],
  match: 'all',
  pageSize: 50,
}) as GridViewState;

/** Whether two view states show the same grid (column states compared in their canonical form). */
export function sameViewState(a: GridViewState, b: GridViewState): boolean {
  const canonical = (v: GridViewState) => JSON.stringify({ ...v, columns: shownColumns(v.columns), match: v.filters.length > 1 ? v.match : 'all' });
  return canonical(a) === canonical(b);
}
