import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchChromium } from './browser.js';
import { tagBulkSelection } from './bulk-selection.js';
import { measureAgGrid } from './ag-grid-anchor.js';
import { measureBulkEdit, prepareBulkEdit, type BulkEditRun } from './bulk-edit.js';
import { addSampleCustomers, createAdmin, ensureClientBuild, loadSampleCustomers, openBenchEnvironment } from './bench-server.js';
import { measureFirstSync } from './first-sync.js';
import { measureGridShaping } from './grid-shaping.js';
import { LIMITS } from './limits.js';
import { keepOtherSections } from './markdown-sections.js';
import { describeMachine } from './machine.js';
import { measurePageSizes } from './page-size.js';
import { renderReport, type BenchResults } from './report.js';
import { countText } from './browser.js';
import { measureReconnect } from './reconnect.js';
import { measureStoreSize, waitUntilPersisted } from './store-size.js';
import { measureCdrToGrid } from './traffic/cdr-to-grid.js';
import { benchCustomers, measureIngest, type IngestRun } from './traffic/ingest-throughput.js';
import { measureRefresh } from './traffic/metrics-refresh.js';
import { seedTraffic } from './traffic/seed-traffic.sql.js';
import type { CreateApiKeyResponse } from '../shared/api.js';

/**
 * `npm run bench`: starts PostgreSQL (or uses the local one), a fresh database and a real
 * server on the built client, drives Chromium through each measurement and writes
 * BENCHMARKS.md. Unattended; about 15-20 minutes on 2 cores (BENCH_CDRS=1000000 for a
 * quicker run with a smaller refresh measurement).
 */
const SMALL = 10_000;
const LARGE = 100_000;
const BULK = 10_000;
const RUNS = 3;
/** Runs of the measurements whose goal is a p95 (first sync of LARGE, bulk edit, reconnect). */
const P95_RUNS = 20;
const PULL_PAGE_SIZE = Number(process.env.PULL_PAGE_SIZE ?? 20_000);
const PAGE_SIZES = [2_000, 5_000, 10_000, 20_000];
/** Customers the ingest runs spread records over: the active share of a 100,000-account carrier. */
const ACTIVE_CUSTOMERS = 5_000;
const INGEST_RECORDS = 200_000;
/** [records per request, requests in flight]. */
const INGEST_SHAPES: [number, number][] = [
  [5_000, 2],
  [20_000, 2],
  [50_000, 2],
];
const SEEDED_CDRS = Number(process.env.BENCH_CDRS ?? 10_000_000);

const log = (msg: string) => console.info(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}`);

async function main(): Promise<void> {
  const started = Date.now();
  const staticDir = ensureClientBuild();
  const env = await openBenchEnvironment(staticDir);
  const browser = await launchChromium();
  try {
    const server = await env.startServer({ PULL_PAGE_SIZE: String(PULL_PAGE_SIZE) });
    const admin = await createAdmin(server.url);
    const results: Partial<BenchResults> = { machine: describeMachine(browser), pullPageSize: PULL_PAGE_SIZE, firstSync: [], store: [] };

    log(`loading ${SMALL} sample customers`);
    await loadSampleCustomers(admin, SMALL);
    log(`first sync of ${SMALL}`);
    const small = await measureFirstSync(browser, server.url, admin, SMALL, RUNS, 1);
    results.firstSync!.push({ n: SMALL, runs: small.runs });
    results.store!.push({ n: SMALL, size: await measureStoreSize(small.kept[0]!.page) });
    await small.kept[0]!.close();

    log(`loading ${LARGE - SMALL} more sample customers; tagging ${BULK} for the bulk edit`);
    await addSampleCustomers(env.sql, LARGE - SMALL);
    await tagBulkSelection(env.sql, BULK);
    // As on a server that has run a while: the loaded tables analysed (and autovacuum not busy doing it during the
    // runs). Only these two: analysing the still-empty traffic tables would freeze plans for empty tables where
    // autovacuum is off, and slow the ingest runs 3-5×.
    await env.sql`vacuum analyze customers, sip_credentials`;
    log(`first sync of ${LARGE}`);
    const large = await measureFirstSync(browser, server.url, admin, LARGE, P95_RUNS, 2);
    results.firstSync!.push({ n: LARGE, runs: large.runs });
    const [a, b] = large.kept as [(typeof large.kept)[0], (typeof large.kept)[0]];
    results.store!.push({ n: LARGE, size: await measureStoreSize(a.page) });
    await waitUntilPersisted(b.page);

    log('search keystrokes, filters, sorts and view switches');
    results.shaping = await measureGridShaping(a.page, LARGE, countText(LARGE), P95_RUNS);
    results.search = { n: LARGE, ms: results.shaping.search };

    log(`bulk edit of ${BULK}`);
    await prepareBulkEdit(a.page, b.page, BULK);
    const bulkRuns: BulkEditRun[] = [];
    for (let i = 0; i < P95_RUNS; i++) {
      bulkRuns.push(await measureBulkEdit(a.page, b.page, env.sql, BULK, i));
      // Each run starts from a quiet device: the previous change saved and acknowledged.
      await waitUntilPersisted(a.page);
      await waitUntilPersisted(b.page);
    }
    results.bulk = { n: BULK, total: LARGE, runs: bulkRuns };
    results.heapAfterBulk = (await measureStoreSize(a.page)).heap;

    log('call record to grid');
    const { key } = await admin.postOk<CreateApiKeyResponse>('/api/api-keys', { name: 'bench: grid latency' });
    const cdrToGrid = await measureCdrToGrid(a.page, env.sql, server.url, key, RUNS + 2);
    log('reconnect to pushed');
    const reconnectNames = (await env.sql<{ name: string }[]>`select name from customers order by name limit ${P95_RUNS}`).map((r) => r.name);
    results.reconnectMs = await measureReconnect(a.page, env.sql, reconnectNames);
    await a.close();
    await b.close();

    log(`AG Grid Community with the same ${LARGE.toLocaleString('en')} customers (anchor)`);
    results.agGrid = await measureAgGrid(browser, env.sql, P95_RUNS);

    log(`ingest throughput (${INGEST_RECORDS.toLocaleString('en')} records per run)`);
    const active = await benchCustomers(env, ACTIVE_CUSTOMERS);
    const ingest: IngestRun[] = [];
    for (const [batch, concurrency] of INGEST_SHAPES) ingest.push(await measureIngest(server.url, admin, active, INGEST_RECORDS, batch, concurrency));

    log(`pull page sizes ${PAGE_SIZES.join(', ')}`);
    results.pageSizes = { n: LARGE, runs: await measurePageSizes(env, browser, admin, LARGE, PAGE_SIZES) };

    log(`metrics refresh: seeding ${SEEDED_CDRS.toLocaleString('en')} call records`);
    await server.stop();
    const now = new Date();
    await seedTraffic(env.sql, SEEDED_CDRS, now);
    log('metrics refresh: from rollups and from raw records');
    results.traffic = { activeCustomers: ACTIVE_CUSTOMERS, ingest, cdrToGrid, refresh: await measureRefresh(env.sql, now) };

    results.date = new Date().toISOString().slice(0, 10);
    results.durationMs = Date.now() - started;
    const path = resolve(process.env.BENCH_OUT ?? resolve(import.meta.dirname, '../BENCHMARKS.md'));
    const previous = existsSync(path) ? readFileSync(path, 'utf8') : '';
    writeFileSync(path, keepOtherSections(previous, renderReport(results as BenchResults, LIMITS)));
    log(`wrote ${path}`);
  } finally {
    await browser.close();
    await env.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
