import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import type { Browser } from '@playwright/test';
import type postgres from 'postgres';
import { CUSTOMER_COLUMNS, rowToCustomer, type CustomerRow } from '../server/customers/customer-row.js';
import { measureAgGridShaping, type AgGridShaping } from './ag-grid-shaping.js';
import { BULK_TAG } from './bulk-selection.js';
import { heapAfterGc } from './browser.js';

/**
 * The anchor for the page's own numbers, measured in the same run on the same machine:
 * AG Grid Community (the usual answer for a large grid in the browser) holding the same
 * customers as synced to a device, sorted by name as our grid is. Its heap after a full
 * garbage collection, a 10,000-row transaction (the bulk edit's status change) timed
 * from the call to the first paint after it, as our bulk edit is, and the grid shaped by
 * its API as a user shapes ours (ag-grid-shaping.ts).
 */
export interface AgGridAnchor {
  rows: number;
  heap: number;
  /** Rows each transaction updates: the tagged customers. */
  transactionRows: number;
  transactionMs: number[];
  shaping: AgGridShaping;
}

const require = createRequire(import.meta.url);
// The package exports no path to its UMD bundle: it is found beside the package's main file.
const AG_GRID_UMD = resolve(dirname(require.resolve('ag-grid-community')), '../ag-grid-community.min.js');
const STATUSES = ['inactive', 'pending_approval'];

/** Loads every customer of the database (as each device holds them) into AG Grid; times `runs` transactions of the tagged ones and of each shaping. */
export async function measureAgGrid(browser: Browser, sql: postgres.Sql, runs: number): Promise<AgGridAnchor> {
  const stored = await sql<CustomerRow[]>`select ${sql(CUSTOMER_COLUMNS)} from customers where deleted_at is null order by id`;
  const customers = stored.map(rowToCustomer);
  const bulkIds = customers.filter((c) => c.tags.includes(BULK_TAG)).map((c) => c.id);
  // Its own loopback server: 100 MB of rows are more than a routed response through the browser's debugging pipe carries.
  const body = JSON.stringify(customers);
  const files: Record<string, [string, string | Buffer]> = {
    '/': ['text/html', '<!doctype html><div id="grid" style="height: 860px"></div><script src="/ag-grid.js"></script>'],
    '/ag-grid.js': ['text/javascript', readFileSync(AG_GRID_UMD)],
    '/rows.json': ['application/json', body],
  };
  const server = createServer((req, res) => {
    const file = files[req.url ?? ''];
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file[0] }).end(file[1]);
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
  // tsx keeps function names with a `__name` helper that page.evaluate'd functions do not carry along.
  await context.addInitScript('globalThis.__name = (f) => f;');
  try {
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.evaluate(CREATE_GRID);
    const cdp = await context.newCDPSession(page);
    const heap = await heapAfterGc(cdp);
    const transactionMs: number[] = [];
    for (let run = 0; run < runs; run++) {
      transactionMs.push(
        await page.evaluate(
          async ([ids, status]) => {
            const api = (window as unknown as { api: AgGridApi }).api;
            const start = performance.now();
            api.applyTransaction({ update: ids.map((id) => ({ ...api.getRowNode(id)!.data, status })) });
            await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
            return performance.now() - start;
          },
          [bulkIds, STATUSES[run % STATUSES.length]!] as const,
        ),
      );
    }
    const shaping = await measureAgGridShaping(page, runs);
    return { rows: customers.length, heap, transactionRows: bulkIds.length, transactionMs, shaping };
  } finally {
    await context.close();
    await new Promise((closed) => server.close(closed));
  }
}

/**
 * Plain JavaScript, not a function: the bench runs under tsx, whose transform would wrap
 * the named callbacks of a function passed to the page in a helper the page lacks.
 */
const CREATE_GRID = `(async () => {
  const rows = await (await fetch('/rows.json')).json();
  // A number, as a grid user would load it for a number filter (customers carry money as decimal strings).
  for (const row of rows) row.credit = Number(row.credit);
  const columnDefs = [
    { field: 'name', sort: 'asc' },
    { field: 'accountRef' },
    { field: 'status' },
    { field: 'currency' },
    { field: 'credit', filter: 'agNumberColumnFilter' },
    { field: 'debitLimit' },
    { field: 'channels' },
    { field: 'cpsLimit' },
    { field: 'country' },
    { field: 'tags', valueFormatter: (p) => (p.value || []).join(', ') },
    { field: 'accountManager' },
    { field: 'updatedAt' },
  ];
  // Its documented options for speed: the quick filter's text cached per row, and no row animation (rows at once in place).
  const options = { rowData: rows, columnDefs, getRowId: (p) => p.data.id, cacheQuickFilter: true, animateRows: false };
  window.api = agGrid.createGrid(document.getElementById('grid'), options);
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
})()`;

// The few parts of AG Grid's API used here (the page loads its UMD bundle, not typed imports).
export interface AgGridApi {
  getRowNode(id: string): { data: Record<string, unknown> } | undefined;
  applyTransaction(tx: { update: Record<string, unknown>[] }): unknown;
  setGridOption(key: 'quickFilterText', value: string): void;
  setFilterModel(model: Record<string, unknown> | null): void;
  applyColumnState(params: { state: { colId: string; sort: 'asc' | 'desc' }[]; defaultState: { sort: null } }): boolean;
}
