import type { Browser, Page } from '@playwright/test';
import type postgres from 'postgres';
import type { ApiClient } from '../server/test/api-client.js';
import { measureAgGrid } from './ag-grid-anchor.js';
import { addSampleCustomers, createAdmin, ensureClientBuild, loadSampleCustomers, openBenchEnvironment } from './bench-server.js';
import { countText, launchChromium } from './browser.js';
import { measureBulkEdit, prepareBulkEdit, type BulkEditRun } from './bulk-edit.js';
import { tagBulkSelection } from './bulk-selection.js';
import { openFreshDevice } from './first-sync.js';
import { measureGridShaping } from './grid-shaping.js';
import { renderGridShaping } from './grid-shaping-report.js';
import { LIMITS } from './limits.js';
import { describeMachine } from './machine.js';
import { writeBenchmarkSection } from './markdown-sections.js';
import { waitUntilPersisted } from './store-size.js';

/**
 * `npx tsx bench/grid-shaping-run.ts` (`npm run bench:grid`): only the "Shaping the grid"
 * section of BENCHMARKS.md, in a few minutes. BENCH_GRID_N customers (default 100,000),
 * BENCH_GRID_RUNS runs of each change (default 20). AG Grid's transaction updates a tenth
 * of the customers, at most 10,000; our bulk edit of as many, with a second device
 * waiting for each, takes longer than all the rest and is measured only with
 * BENCH_GRID_BULK=1 (`npm run bench` always measures it).
 */
const N = Number(process.env.BENCH_GRID_N ?? 100_000);
const RUNS = Number(process.env.BENCH_GRID_RUNS ?? 20);
const WITH_BULK = process.env.BENCH_GRID_BULK === '1';
/** The sample-data API loads at most this many; the rest go straight into the database. */
const API_LOAD = 10_000;
const BULK = Math.min(10_000, Math.floor(N / 10));

const log = (msg: string) => console.info(`[bench:grid ${new Date().toISOString().slice(11, 19)}] ${msg}`);

async function main(): Promise<void> {
  const env = await openBenchEnvironment(ensureClientBuild());
  const browser = await launchChromium();
  try {
    const server = await env.startServer();
    const admin = await createAdmin(server.url);
    log(`loading ${N} sample customers; tagging ${BULK} for the bulk edit`);
    await loadSampleCustomers(admin, Math.min(N, API_LOAD));
    if (N > API_LOAD) await addSampleCustomers(env.sql, N - API_LOAD);
    await tagBulkSelection(env.sql, BULK);
    await env.sql`vacuum analyze customers, sip_credentials`;

    log('first sync');
    const a = await openFreshDevice(browser, server.url, admin, N);
    await waitUntilPersisted(a.page);
    log(`our grid: ${RUNS} runs of each change`);
    const ours = await measureGridShaping(a.page, N, countText(N), RUNS);
    const bulk = WITH_BULK ? await measureBulk(a.page, browser, server.url, admin, env.sql) : undefined;
    await a.close();

    log('AG Grid Community with the same customers');
    const agGrid = await measureAgGrid(browser, env.sql, RUNS);
    const section = renderGridShaping(
      {
        machine: describeMachine(browser),
        date: new Date().toISOString().slice(0, 10),
        source: '`npx tsx bench/grid-shaping-run.ts`',
        ours,
        ...(bulk ? { bulk: { n: BULK, visibleMs: bulk.map((x) => x.visibleMs) } } : {}),
        agGrid,
      },
      LIMITS.gridShaping,
    );
    console.info(section);
    writeBenchmarkSection(section);
  } finally {
    await browser.close();
    await env.stop();
  }
}

/** RUNS bulk edits of the BULK tagged customers on `page`, a second device open on the same filter. */
async function measureBulk(page: Page, browser: Browser, url: string, admin: ApiClient, sql: postgres.Sql): Promise<BulkEditRun[]> {
  log(`bulk edit of ${BULK}`);
  const second = await openFreshDevice(browser, url, admin, N);
  await waitUntilPersisted(second.page);
  await prepareBulkEdit(page, second.page, BULK);
  const runs: BulkEditRun[] = [];
  for (let i = 0; i < RUNS; i++) {
    runs.push(await measureBulkEdit(page, second.page, sql, BULK, i));
    await waitUntilPersisted(page);
    await waitUntilPersisted(second.page);
  }
  await second.close();
  return runs;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
