import type { Page } from '@playwright/test';
import type { FilterNode } from '../shared/customer-filter.js';
import { DEFAULT_GRID_VIEW, type GridViewState } from '../shared/grid-view.js';
import { withViewParams } from '../client/customer-views/view-in-url.js';
import { installRowsTiming, type RowsInPage } from './rows-in-page.js';
import { measureSearch } from './search-keystroke.js';
import { measureExport, type ExportRun } from './export-timing.js';
import { timeShapes, type ShapeDriver, type ShapeStep } from './shape-runs.js';

/** Our grid shaped by a user, each change timed from the change to the first paint of its rows. */
export interface GridShaping {
  n: number;
  search: number[];
  filter: number[];
  filterGroup: number[];
  sortName: number[];
  sortCredit: number[];
  sortTwoLevels: number[];
  /** A sort by a column none of the recent orders has: sorted from the name order, not merged from a kept order. */
  sortNew: number[];
  viewSwitch: number[];
  exportCsv: ExportRun[];
  exportXlsx: ExportRun[];
}

const creditBelowZero: FilterNode = { type: 'number', field: 'credit', op: 'lt', value: 0 };

/** The query string of the default view changed by `patch` ('' for the default view itself). */
const viewQuery = (patch: Partial<GridViewState>) => new URL(withViewParams('http://bench/', { ...DEFAULT_GRID_VIEW, ...patch })).search;

/**
 * The views measured, each reached from the default view (sorted by name, nothing
 * filtered), as a user shapes the grid. Sorting by name is the reverse order: the
 * default view is already by name, and the header click that changes it reverses it.
 */
const SHAPED_VIEWS = {
  filter: viewQuery({ filters: [creditBelowZero] }),
  /** Credit below zero, and inactive or pending approval or a VIP. */
  filterGroup: viewQuery({
    filters: [
      {
        type: 'group',
        op: 'and',
        children: [
          creditBelowZero,
          {
            type: 'group',
            op: 'or',
            children: [
              { type: 'set', field: 'status', op: 'in', values: ['inactive', 'pending_approval'] },
              { type: 'set', field: 'tags', op: 'in', values: ['vip'] },
            ],
          },
        ],
      },
    ],
  }),
  sortName: viewQuery({ sort: [{ column: 'name', direction: 'desc' }] }),
  sortCredit: viewQuery({ sort: [{ column: 'credit', direction: 'asc' }] }),
  sortTwoLevels: viewQuery({
    sort: [
      { column: 'status', direction: 'asc' },
      { column: 'credit', direction: 'desc' },
    ],
  }),
};

/**
 * Four sorts no other measure uses, taken in turn: the page keeps its last four orders (the
 * name order and three more), so each of these comes back only after it was dropped and is
 * sorted anew each time.
 */
const NEW_SORTS = (['accountRef', 'country', 'accountManager', 'cpsLimit'] as const).map((column, i) =>
  viewQuery({ sort: [{ column, direction: i % 2 === 0 ? 'asc' : 'desc' }] }),
);

/** Two saved views as a team would keep them: different columns, sorts and filters. */
const SAVED_VIEWS = {
  collections: viewQuery({
    columns: [{ id: 'name', pinned: true, width: 240 }, { id: 'accountRef' }, { id: 'status' }, { id: 'currency' }, { id: 'credit' }, { id: 'country' }],
    sort: [
      { column: 'status', direction: 'asc' },
      { column: 'credit', direction: 'asc' },
    ],
    filters: [creditBelowZero],
  }),
  capacity: viewQuery({
    columns: [{ id: 'name' }, { id: 'accountManager' }, { id: 'channels' }, { id: 'cpsLimit' }, { id: 'tags' }, { id: 'credit' }],
    sort: [{ column: 'accountRef', direction: 'asc' }],
    filters: [{ type: 'set', field: 'status', op: 'in', values: ['active'] }],
  }),
};

/**
 * Moves the page between view URLs as the app's own navigation does (a history entry and
 * a popstate event): the same code as a user's change, a saved view chosen, or back and
 * forward (client/customer-views/use-grid-view.ts).
 */
function urlDriver(page: Page): ShapeDriver<string> {
  const go = (query: string, expected: string | null) =>
    page.evaluate(
      ([q, rows]): string | Promise<string | number> => {
        const w = window as unknown as { __rows: RowsInPage };
        const act = () => {
          window.history.pushState(window.history.state, '', window.location.pathname + q);
          window.dispatchEvent(new PopStateEvent('popstate', { state: window.history.state }));
        };
        if (rows !== null) return w.__rows.time(rows, act);
        const there = new URLSearchParams(window.location.search).toString() === new URLSearchParams(q).toString();
        return there ? w.__rows.read() : w.__rows.settle(act);
      },
      [query, expected] as const,
    );
  return {
    key: (q) => q,
    settle: async (q) => String(await go(q, null)),
    time: async (q, rows) => Number(await go(q, rows)),
    quiet: () => page.evaluate(() => (window as unknown as { __rows: RowsInPage }).__rows.quiet()),
  };
}

/** From the default view to `query` and back, the way there timed. */
const thereAndBack = (query: string): ShapeStep<string>[] => [
  { to: query, timed: true },
  { to: '', timed: false },
];

/**
 * Times `runs` of each change on a page showing all `n` customers in the default view (a
 * device already synced), and leaves it there.
 */
export async function measureGridShaping(page: Page, n: number, total: string, runs: number): Promise<GridShaping> {
  const search = await measureSearch(page, total, runs);
  await installRowsTiming(page, 'table');
  const driver = urlDriver(page);
  const shape = (query: string) => timeShapes(driver, '', thereAndBack(query), runs);
  const result: GridShaping = {
    n,
    search,
    filter: await shape(SHAPED_VIEWS.filter),
    filterGroup: await shape(SHAPED_VIEWS.filterGroup),
    sortName: await shape(SHAPED_VIEWS.sortName),
    sortCredit: await shape(SHAPED_VIEWS.sortCredit),
    sortTwoLevels: await shape(SHAPED_VIEWS.sortTwoLevels),
    sortNew: await timeShapes(
      driver,
      '',
      NEW_SORTS.flatMap((q) => thereAndBack(q)),
      runs,
    ),
    viewSwitch: await timeShapes(
      driver,
      SAVED_VIEWS.collections,
      [
        { to: SAVED_VIEWS.capacity, timed: true },
        { to: SAVED_VIEWS.collections, timed: true },
      ],
      runs,
    ),
    exportCsv: [],
    exportXlsx: [],
  };
  await driver.settle('');
  // The whole default view: every customer, its 11 visible columns.
  result.exportCsv = await measureExport(page, 'csv', runs);
  result.exportXlsx = await measureExport(page, 'xlsx', runs);
  return result;
}
