import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FilterNode } from '../../shared/customer-filter.js';
import {
  DEFAULT_GRID_VIEW,
  DENSITIES,
  GRID_COLUMN_IDS,
  normalizeColumns,
  PAGE_SIZES,
  STATUS_FILTERS,
  type GridColumnState,
  shownColumns,
  type GridViewState,
} from '../../shared/grid-view.js';
import { QUICK_FILTERS } from '../../shared/quick-filters.js';
import { unstorableTextReason } from '../../shared/text.js';
import { hasViewParams, readSavedViewParam, readViewParams, withViewParams } from './view-in-url.js';

const BASE = 'https://trunkline.example/?view=trash';
const listColumns = GRID_COLUMN_IDS.filter((id) => id !== 'deletedAt');
const FILTERS: FilterNode[] = [
  ...QUICK_FILTERS.map((q) => q.filter),
  { type: 'number', field: 'credit', op: 'between', value: -10, to: 10, currency: 'EUR' },
  { type: 'group', op: 'or', children: [{ type: 'text', field: 'name', op: 'startsWith', value: 'Ac&me, "x"' }, { type: 'date', field: 'lastCall', op: 'never' }] },
];

const columnsArb = fc
  .shuffledSubarray([...listColumns], { minLength: 1 })
  .chain((ids) =>
    fc.tuple(
      fc.constant(ids),
      fc.array(fc.record({ hidden: fc.boolean(), pinned: fc.boolean(), width: fc.option(fc.integer({ min: 40, max: 1200 }), { nil: undefined }) }), {
        minLength: ids.length,
        maxLength: ids.length,
      }),
    ),
  )
  .map(([ids, flags]) => ids.map((id, i): GridColumnState => ({ id, ...flags[i]!, ...(flags[i]!.width === undefined ? { width: undefined } : {}) })));

const viewArb: fc.Arbitrary<GridViewState> = fc.record({
  columns: columnsArb,
  density: fc.constantFrom(...DENSITIES),
  sort: fc.uniqueArray(fc.record({ column: fc.constantFrom(...GRID_COLUMN_IDS), direction: fc.constantFrom('asc' as const, 'desc' as const) }), {
    minLength: 1,
    maxLength: 3,
    selector: (l) => l.column,
  }),
  search: fc.string({ maxLength: 40 }).filter((s) => unstorableTextReason(s, {}) === undefined),
  status: fc.constantFrom(...STATUS_FILTERS),
  warningsOnly: fc.boolean(),
  filters: fc.subarray(FILTERS),
  match: fc.constantFrom('all' as const, 'any' as const),
  pageSize: fc.constantFrom(...PAGE_SIZES),
});

/** What a view means on screen; "any" means nothing with fewer than two filters. */
const meaning = (v: GridViewState): GridViewState => ({ ...v, columns: shownColumns(v.columns), match: v.filters.length > 1 ? v.match : 'all' });

describe('the view in the URL', () => {
  it('round-trips every view state, keeping the URL\'s other parameters', () => {
    fc.assert(
      fc.property(viewArb, (view) => {
        const href = withViewParams(BASE, view);
        const url = new URL(href);
        expect(url.searchParams.get('view')).toBe('trash');
        expect(meaning(readViewParams(url.search))).toEqual(meaning(view));
      }),
      { numRuns: 300 },
    );
  });

  it('writes nothing for the default view, and reads the default from nothing', () => {
    expect(withViewParams(BASE, DEFAULT_GRID_VIEW)).toBe(BASE);
    expect(hasViewParams('?view=trash')).toBe(false);
    expect(readViewParams('')).toEqual({ ...DEFAULT_GRID_VIEW, columns: normalizeColumns(DEFAULT_GRID_VIEW.columns) });
  });

  it('is short and readable for a shaped view', () => {
    const view: GridViewState = {
      ...DEFAULT_GRID_VIEW,
      columns: [{ id: 'name', pinned: true, width: 240 }, { id: 'credit' }, { id: 'status' }],
      sort: [{ column: 'status', direction: 'asc' }, { column: 'credit', direction: 'desc' }],
    };
    const url = new URL(withViewParams('https://t.example/', view, '0b7a3c4e-1d2f-4a5b-8c9d-0e1f2a3b4c5d'));
    expect(url.searchParams.get('cols')).toBe('^name:240,credit,status');
    expect(url.searchParams.get('sort')).toBe('status,-credit');
    expect(readSavedViewParam(url.search)).toBe('0b7a3c4e-1d2f-4a5b-8c9d-0e1f2a3b4c5d');
  });

  it('falls back to the default for each part it cannot read, and keeps the rest', () => {
    const view = readViewParams('?cols=name,password&sort=-credit,credit&filters=%7Bnot%20json&status=sideways&size=7&density=loose&q=acme&saved=nope');
    expect(view.columns).toEqual(normalizeColumns(DEFAULT_GRID_VIEW.columns));
    expect(view.sort).toEqual(DEFAULT_GRID_VIEW.sort);
    expect(view.filters).toEqual([]);
    expect(view.status).toBe('all');
    expect(view.pageSize).toBe(50);
    expect(view.density).toBe('compact');
    expect(view.search).toBe('acme');
    expect(readSavedViewParam('?saved=nope')).toBeUndefined();
    expect(readViewParams(`?filters=${encodeURIComponent(JSON.stringify([{ type: 'number', field: 'credit', op: 'lt' }]))}`).filters).toEqual([]);
  });
});
