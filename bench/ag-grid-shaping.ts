import type { Page } from '@playwright/test';
import type { AgGridApi } from './ag-grid-anchor.js';
import { installRowsTiming, type RowsInPage } from './rows-in-page.js';
import { timeShapes, type ShapeDriver, type ShapeStep } from './shape-runs.js';

/** AG Grid shaped through its API as a user shapes our grid, each change timed from the call to the first paint of its rows. */
export interface AgGridShaping {
  quickFilter: number[];
  filter: number[];
  sortName: number[];
  sortCredit: number[];
}

/** What the anchor grid shows: the quick filter's text, whether credit < 0 filters it, and its one sort. */
interface AgView {
  quick: string;
  creditBelowZero: boolean;
  sort: { colId: 'name' | 'credit'; sort: 'asc' | 'desc' };
}

/** As it is created: sorted by name, nothing filtered (our default view). */
const BASE: AgView = { quick: '', creditBelowZero: false, sort: { colId: 'name', sort: 'asc' } };

/** The API calls that take the grid from one view to another: only what differs, as a user's single change would make. */
interface AgCalls {
  quick?: string;
  creditBelowZero?: boolean;
  sort?: AgView['sort'];
}

function agDriver(page: Page): ShapeDriver<AgView> {
  let current = BASE;
  const go = async (to: AgView, expected: string | null) => {
    const calls: AgCalls = {};
    if (to.quick !== current.quick) calls.quick = to.quick;
    if (to.creditBelowZero !== current.creditBelowZero) calls.creditBelowZero = to.creditBelowZero;
    if (to.sort.colId !== current.sort.colId || to.sort.sort !== current.sort.sort) calls.sort = to.sort;
    const result = await page.evaluate(
      ([c, rows]): string | Promise<string | number> => {
        const w = window as unknown as { __rows: RowsInPage; api: AgGridApi };
        const act = () => {
          if (c.quick !== undefined) w.api.setGridOption('quickFilterText', c.quick);
          if (c.creditBelowZero !== undefined) {
            w.api.setFilterModel(c.creditBelowZero ? { credit: { filterType: 'number', type: 'lessThan', filter: 0 } } : null);
          }
          if (c.sort) w.api.applyColumnState({ state: [c.sort], defaultState: { sort: null } });
        };
        if (rows !== null) return w.__rows.time(rows, act);
        return Object.keys(c).length === 0 ? w.__rows.read() : w.__rows.settle(act);
      },
      [calls, expected] as const,
    );
    current = to;
    return result;
  };
  return {
    key: (v) => JSON.stringify(v),
    settle: async (v) => String(await go(v, null)),
    time: async (v, rows) => Number(await go(v, rows)),
    quiet: () => page.evaluate(() => (window as unknown as { __rows: RowsInPage }).__rows.quiet()),
  };
}

const thereAndBack = (patch: Partial<AgView>): ShapeStep<AgView>[] => [
  { to: { ...BASE, ...patch }, timed: true },
  { to: BASE, timed: false },
];

/**
 * The first key of our search measurement. Its other key, "z", is in every row's update
 * time as AG Grid's quick filter reads it (an ISO timestamp ending in Z), so it changes nothing.
 */
const QUICK_FILTER_KEY = 'q';

/**
 * Times `runs` of each change on the anchor page (AG Grid created, in its first view):
 * the quick filter set to one letter, a number filter of
 * credit < 0, sort by name (reversed, as ours) and by credit.
 */
export async function measureAgGridShaping(page: Page, runs: number): Promise<AgGridShaping> {
  await installRowsTiming(page, 'ag-grid');
  const driver = agDriver(page);
  return {
    quickFilter: await timeShapes(driver, BASE, thereAndBack({ quick: QUICK_FILTER_KEY }), runs),
    filter: await timeShapes(driver, BASE, thereAndBack({ creditBelowZero: true }), runs),
    sortName: await timeShapes(driver, BASE, thereAndBack({ sort: { colId: 'name', sort: 'desc' } }), runs),
    sortCredit: await timeShapes(driver, BASE, thereAndBack({ sort: { colId: 'credit', sort: 'asc' } }), runs),
  };
}
