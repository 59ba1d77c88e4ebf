import type { AgGridAnchor } from './ag-grid-anchor.js';
import type { BulkEditRun } from './bulk-edit.js';
import type { IngestRun } from './traffic/ingest-throughput.js';
import type { RefreshRun } from './traffic/metrics-refresh.js';
import type { FirstSyncRun } from './first-sync.js';
import type { GridShaping } from './grid-shaping.js';
import { renderGridShaping, shapingVerdicts } from './grid-shaping-report.js';
import type { Machine } from './machine.js';
import type { PageSizeRun } from './page-size.js';
import { MB, median, quantile } from './stats.js';
import type { StoreSize } from './store-size.js';

export interface BenchResults {
  machine: Machine;
  date: string;
  durationMs: number;
  pullPageSize: number;
  firstSync: { n: number; runs: FirstSyncRun[] }[];
  store: { n: number; size: StoreSize }[];
  search: { n: number; ms: number[] };
  /** Search, filters, sorts and view switches of the grid (the search keystrokes are `search`'s). */
  shaping: GridShaping;
  bulk: { n: number; total: number; runs: BulkEditRun[] };
  /** JS heap after GC of the device that made every bulk edit, after the last one was saved. */
  heapAfterBulk: number;
  pageSizes: { n: number; runs: PageSizeRun[] };
  traffic: { activeCustomers: number; ingest: IngestRun[]; cdrToGrid: number[]; refresh: RefreshRun };
  /** Offline edit saved, connection back: until the server's database holds it. */
  reconnectMs: number[];
  agGrid: AgGridAnchor;
}

/** What stands between a measurement and its goal, written from the profiles; shown when the goal is missed. */
export interface Limits {
  store: string;
  heap: string;
  firstSync: string;
  bulkVisible: string;
  bulkSecondClient: string;
  search: string;
  ingest: string;
  refresh: string;
  cdrToGrid: string;
  gridShaping: string;
}

const ms = (v: number) => `${Math.round(v).toLocaleString('en')} ms`;
const s = (v: number) => `${(v / 1000).toFixed(1)} s`;
const mb = (v: number) => `${(v / MB).toFixed(1)} MB`;
const runsOf = (values: number[], fmt: (v: number) => string) => values.map(fmt).join(', ');
const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
const p95 = (values: readonly number[]) => quantile(values, 0.95);
/** "p50 X, p95 Y" of some runs. */
const spread = (values: readonly number[], fmt: (v: number) => string) => `p50 ${fmt(median(values))}, p95 ${fmt(p95(values))}`;

/** BENCHMARKS.md from one run of `npm run bench`. */
export function renderReport(r: BenchResults, limits: Limits): string {
  const out: string[] = [];
  const m = r.machine;
  out.push('# Benchmarks', '');
  out.push(
    `Written by \`npm run bench\` (bench/run.ts) on ${r.date}; the whole run took ${s(r.durationMs)}. ` +
      'Real Chromium drives the built client against a real server process on a fresh PostgreSQL database, all on this one machine ' +
      '(browser, server and database share its cores). Times are medians of the runs listed, or p50 and p95 (nearest rank) where ' +
      'a goal is a p95; a goal is met when its p95 is within it. Nothing here is asserted by a test.',
    '',
  );
  out.push('## Machine', '');
  out.push(`- CPU: ${m.cpu}, ${m.cores} cores`, `- RAM: ${m.ramGiB} GiB`, `- OS: ${m.os}`, `- Node ${m.node}, Chromium ${m.chromium}`);
  out.push(`- Server pull page size: ${r.pullPageSize.toLocaleString('en')} rows`, '');

  const big = r.store.at(-1)!;
  const small = r.store[0]!;
  const perCustomer = (a: number, b: number) => (a - b) / (big.n - small.n);
  const syncBig = r.firstSync.at(-1)!;
  const syncBigMs = p95(syncBig.runs.map((x) => x.ms));
  const visibleRuns = r.bulk.runs.map((x) => x.visibleMs);
  const secondRuns = r.bulk.runs.map((x) => x.secondClientMs);
  const visible = p95(visibleRuns);
  const second = p95(secondRuns);
  const searchP95 = p95(r.search.ms);
  const shaping = {
    machine: m,
    date: r.date,
    source: '`npm run bench`',
    ours: r.shaping,
    bulk: { n: r.bulk.n, visibleMs: visibleRuns },
    agGrid: r.agGrid,
  };
  const shaped = shapingVerdicts(shaping);
  const storeOk = big.size.idbUsage <= 64 * MB;

  out.push('## Summary', '');
  out.push('| Measurement | Goal | Measured | Verdict |', '|---|---|---|---|');
  out.push(`| IndexedDB for ${big.n.toLocaleString('en')} customers | under 64 MB | ${mb(big.size.idbUsage)} | ${verdict(storeOk)} |`);
  out.push(
    `| JS heap of the page with ${big.n.toLocaleString('en')} customers | ≤ AG Grid's with the same rows (${mb(r.agGrid.heap)}) | ${mb(big.size.heap)} | ${verdict(big.size.heap <= r.agGrid.heap)} |`,
  );
  out.push(
    `| JS heap of that page after its ${r.bulk.runs.length} bulk edits of ${r.bulk.n.toLocaleString('en')} | — | ${mb(r.heapAfterBulk)} | — |`,
  );
  for (const f of r.firstSync) {
    const runs = f.runs.map((x) => x.ms);
    const large = f.n === 100_000;
    const measured = large ? spread(runs, s) : s(median(runs));
    out.push(`| First full sync of ${f.n.toLocaleString('en')} customers | ${large ? '≤ 10 s' : '—'} | ${measured} | ${large ? verdict(p95(runs) <= 10_000) : '—'} |`);
  }
  out.push(`| Bulk edit of ${r.bulk.n.toLocaleString('en')}: visible locally | ≤ 100 ms | ${spread(visibleRuns, ms)} | ${verdict(visible <= 100)} |`);
  out.push(`| AG Grid Community: 10,000-row transaction to paint (anchor) | — | ${ms(median(r.agGrid.transactionMs))} | — |`);
  out.push(`| Bulk edit: in the server's database | — | ${spread(r.bulk.runs.map((x) => x.storedMs), s)} | — |`);
  out.push(`| Bulk edit: visible on a second client | ≤ 3 s | ${spread(secondRuns, s)} | ${verdict(second <= 3000)} |`);
  const reconnect = p95(r.reconnectMs);
  out.push(`| Back online to the offline edit on the server | ≤ 2 s | ${spread(r.reconnectMs, s)} | ${verdict(reconnect <= 2000)} |`);
  out.push(`| Search keystroke to updated grid (${r.search.n.toLocaleString('en')}) | ≤ 100 ms | ${spread(r.search.ms, ms)} | ${verdict(searchP95 <= 100)} |`);
  out.push(
    `| Search, filters, sorts and view switch (${r.shaping.n.toLocaleString('en')}): slowest p95 | ≤ 100 ms | ${ms(shaped.slowestP95)} | ${verdict(shaped.slowestP95 <= 100)} |`,
  );
  out.push(
    `| The same against AG Grid Community: highest ratio of p50s | ≤ 0.5 (twice as fast) | ${shaped.highestRatio.toFixed(2)} | ${verdict(shaped.highestRatio <= 0.5)} |`,
  );
  const bestIngest = Math.max(...r.traffic.ingest.map((x) => x.perSecond));
  const grid = median(r.traffic.cdrToGrid);
  const ref = r.traffic.refresh;
  out.push(`| Ingest through the HTTP API (best shape) | ≥ 50,000 records/s | ${Math.round(bestIngest).toLocaleString('en')} records/s | ${verdict(bestIngest >= 50_000)} |`);
  out.push(`| Metrics of ${ref.customers.toLocaleString('en')} customers over ${ref.cdrs.toLocaleString('en')} CDRs: rollups vs raw | — | ${s(ref.fromRollupsMs)} vs ${s(ref.fromRawMs)} (${(ref.fromRawMs / ref.fromRollupsMs).toFixed(1)}×) | — |`);
  out.push(`| Call record arriving to the grid showing it | ≤ 5 s | ${s(grid)} | ${verdict(grid <= 5000)} |`);
  out.push('');

  out.push('## Bytes per customer in the client store', '');
  out.push(
    `After a first sync and once everything is persisted (a persist started after the last commit). ` +
      `Per customer is the difference between ${small.n.toLocaleString('en')} and ${big.n.toLocaleString('en')} customers divided by ` +
      `${(big.n - small.n).toLocaleString('en')}, so the app's fixed cost drops out.`,
    '',
  );
  out.push('| | ' + r.store.map((x) => `${x.n.toLocaleString('en')} customers`).join(' | ') + ' | per customer |');
  out.push('|---|' + r.store.map(() => '---|').join('') + '---|');
  out.push(`| IndexedDB usage (storage.estimate) | ${r.store.map((x) => mb(x.size.idbUsage)).join(' | ')} | ${Math.round(perCustomer(big.size.idbUsage, small.size.idbUsage))} B |`);
  out.push(`| IndexedDB values as JSON | ${r.store.map((x) => mb(x.size.idbValueBytes)).join(' | ')} | ${Math.round(perCustomer(big.size.idbValueBytes, small.size.idbValueBytes))} B |`);
  out.push(`| JS heap after GC | ${r.store.map((x) => mb(x.size.heap)).join(' | ')} | ${Math.round(perCustomer(big.size.heap, small.size.heap))} B |`);
  out.push('');
  out.push(storeOk ? `IndexedDB: within the goal. ${limits.store}` : `IndexedDB: ${limits.store}`, '');
  out.push(`JS heap: ${limits.heap}`, '');

  out.push('## First full sync on a fresh device', '');
  out.push(
    'From navigation start (empty browser profile, already signed in) until the toolbar counts all N customers, which it does only ' +
      'once every row is in the in-memory index and rendered. "Last page" is when the final pull response arrived (a `trunkline:synced` mark).',
    '',
  );
  out.push('| Customers | p50 | p95 | Last page arrived (p50) | Runs |', '|---|---|---|---|---|');
  for (const f of r.firstSync) {
    const last = f.runs.map((x) => x.lastPullMs).filter((x): x is number => x !== null);
    const runs = f.runs.map((x) => x.ms);
    out.push(`| ${f.n.toLocaleString('en')} | ${s(median(runs))} | ${s(p95(runs))} | ${last.length ? s(median(last)) : '—'} | ${runsOf(runs, s)} |`);
  }
  out.push('', 'Each run starts on a quiet machine: the device kept open from the run before has finished writing its store.');
  out.push('');
  if (syncBigMs > 10_000) out.push(limits.firstSync, '');

  out.push('### Pull page size', '');
  out.push(`One first sync of ${r.pageSizes.n.toLocaleString('en')} customers per PULL_PAGE_SIZE, each against its own server process:`, '');
  out.push('| Page size | First sync |', '|---|---|');
  for (const p of r.pageSizes.runs) out.push(`| ${p.pageSize.toLocaleString('en')} | ${s(p.ms)} |`);
  out.push('');

  out.push(`## Bulk edit of ${r.bulk.n.toLocaleString('en')} customers`, '');
  out.push(
    `${r.bulk.n.toLocaleString('en')} of ${r.bulk.total.toLocaleString('en')} customers carry a tag; the search box filters to them, ` +
      '"Select all N matching" selects them, and the Bulk edit dialog sets their status. Times run from the Apply click (its event time) to: ' +
      'the first paint where every row on screen shows the new status; the "Updated N customers" notification (durable on this device); ' +
      'the sync indicator back at 0 pending; the server database holding the new status for all N (polled every 20 ms); ' +
      'and a second device (another browser profile, open on the same filter) painting the new status.',
    '',
  );
  const statuses = [...new Set(r.bulk.runs.map((b) => b.status))].join(' and ');
  out.push(`${r.bulk.runs.length} runs, the status alternating between ${statuses}.`, '');
  out.push('| Apply click to | p50 | p95 | max | each |', '|---|---|---|---|---|');
  const line = (label: string, pick: (b: BulkEditRun) => number, fmt: (v: number) => string) => {
    const values = r.bulk.runs.map(pick);
    out.push(`| ${label} | ${fmt(median(values))} | ${fmt(p95(values))} | ${fmt(Math.max(...values))} | ${runsOf(values, fmt)} |`);
  };
  line('visible locally', (b) => b.visibleMs, ms);
  line('saved on device', (b) => b.savedMs, s);
  line('in the server DB', (b) => b.storedMs, s);
  line('acknowledged (pending 0)', (b) => b.acknowledgedMs, s);
  line('second client', (b) => b.secondClientMs, s);
  out.push('');
  if (visible > 100) out.push(limits.bulkVisible, '');
  out.push(
    `Anchor, same run: AG Grid Community holding the same ${r.agGrid.rows.toLocaleString('en')} customers (sorted by name, virtualised rows) ` +
      `applies a transaction updating the status of the same ${r.bulk.n.toLocaleString('en')} and paints in ${runsOf(r.agGrid.transactionMs, ms)} ` +
      `(median ${ms(median(r.agGrid.transactionMs))}); its page holds ${mb(r.agGrid.heap)} of JS heap after GC (bench/ag-grid-anchor.ts).`,
    '',
  );
  if (second > 3000) out.push(limits.bulkSecondClient, '');

  out.push(`## Search keystroke at ${r.search.n.toLocaleString('en')} customers`, '');
  out.push(
    'One key typed into the empty search box, timed in the page from the input event to the first paint after the grid rows changed ' +
      '(MutationObserver, then requestAnimationFrame and a posted message). Every customer is scanned: the heaviest case.',
    '',
  );
  out.push(`Keystrokes: ${runsOf(r.search.ms, ms)}; ${spread(r.search.ms, ms)}.`, '');
  if (searchP95 > 100) out.push(limits.search, '');
  out.push(renderGridShaping(shaping, limits.gridShaping), '');
  out.push(...trafficSection(r.traffic, limits));
  return out.join('\n');
}

function trafficSection(t: BenchResults['traffic'], limits: Limits): string[] {
  const out: string[] = ['## Live traffic', ''];
  out.push('### Ingest throughput', '');
  out.push(
    `Call records posted as JSON to \`POST /api/ingest/cdrs\` of one server process (no browser open), spread over ${t.activeCustomers.toLocaleString('en')} ` +
      'active customers, each record ending within the last 30 s (start times spread back by the call length, ACD about 5 minutes). ' +
      'Each request validates every record, stores it, updates the minute, hour and second counters, ends live calls and debits credit ' +
      'with a ledger entry, in one transaction. Bodies are built before the clock starts.',
    '',
  );
  out.push('| Records | Per request | In flight | Time | Records/s |', '|---|---|---|---|---|');
  for (const x of t.ingest) {
    out.push(`| ${x.records.toLocaleString('en')} | ${x.batchSize.toLocaleString('en')} | ${x.concurrency} | ${s(x.ms)} | ${Math.round(x.perSecond).toLocaleString('en')} |`);
  }
  out.push('', limits.ingest, '');
  const r = t.refresh;
  out.push('### Metrics refresh: rollups against raw records', '');
  out.push(
    `Every customer's last-hour and last-24-hour figures, computed the way the first refresh after a start does (from the minute and ` +
      `hour rollups, everyone at once) and, in the same run, from the ${r.cdrs.toLocaleString('en')} raw call records with the same rules. ` +
      `${r.rollupRows.toLocaleString('en')} minute rollup rows. Customers whose figures differ between the two: ${r.mismatches}. ` +
      `While traffic flows a refresh recomputes only the customers whose figures changed: ${r.incremental.toLocaleString('en')} of them took ${ms(r.incrementalMs)}.`,
    '',
  );
  out.push('| Customers | From rollups | From raw CDRs | Raw / rollups |', '|---|---|---|---|');
  out.push(`| ${r.customers.toLocaleString('en')} | ${s(r.fromRollupsMs)} | ${s(r.fromRawMs)} | ${(r.fromRawMs / r.fromRollupsMs).toFixed(2)} |`);
  out.push('', limits.refresh, '');
  out.push('### Call record to grid', '');
  out.push(
    'An open device filtered to one customer without traffic; the clock runs from the start of the POST of one answered call record ' +
      'until that row shows ASR 100%. The refresh runs every 2 s (METRICS_REFRESH_MS).',
    '',
  );
  out.push(`Runs: ${runsOf(t.cdrToGrid, ms)}; median ${ms(median(t.cdrToGrid))}.`, '', limits.cdrToGrid, '');
  return out;
}
