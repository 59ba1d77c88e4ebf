import type { AgGridAnchor } from './ag-grid-anchor.js';
import type { GridShaping } from './grid-shaping.js';
import type { Machine } from './machine.js';
import { median, quantile } from './stats.js';

/** Everything the section is written from; `bulk` is absent when the run did not measure our bulk edit. */
export interface GridShapingResults {
  machine: Machine;
  date: string;
  /** What produced the numbers: `npm run bench` or the quick entry point. */
  source: string;
  ours: GridShaping;
  bulk?: { n: number; visibleMs: number[] };
  agGrid: AgGridAnchor;
}

/** The goal every change is held to: its p95 within this. */
export const SHAPING_GOAL_MS = 100;
/** Ours may take at most this share of AG Grid's time (p50): at least twice as fast. */
export const AG_GRID_RATIO_GOAL = 0.5;
/** Exports of the whole view: their p95 within these. */
export const EXPORT_GOAL_MS = { csv: 2_000, xlsx: 10_000 } as const;

interface Row {
  label: string;
  /** Absent: not measured in this run. */
  ours?: number[];
  agGrid?: number[];
  /** What AG Grid was asked to do, where its name differs from ours. */
  agLabel?: string;
}

function rowsOf(r: GridShapingResults): Row[] {
  const { ours } = r;
  const ag = r.agGrid.shaping;
  const rows: Row[] = [
    { label: 'Search: one key typed', ours: ours.search, agGrid: ag.quickFilter, agLabel: 'quick filter' },
    { label: 'Filter: credit < 0', ours: ours.filter, agGrid: ag.filter, agLabel: 'number filter' },
    { label: 'Filter group: credit < 0 and (inactive or pending approval, or tagged vip)', ours: ours.filterGroup },
    { label: 'Sort by name (reversed)', ours: ours.sortName, agGrid: ag.sortName },
    { label: 'Sort by credit', ours: ours.sortCredit, agGrid: ag.sortCredit },
    { label: 'Sort by status, then credit descending', ours: ours.sortTwoLevels },
    { label: 'Sort by a column not sorted by lately (account ref, country, account manager, CPS limit in turn)', ours: ours.sortNew },
    { label: 'Switch between two saved views', ours: ours.viewSwitch },
  ];
  const n = r.agGrid.transactionRows.toLocaleString('en');
  rows.push({ label: `Bulk edit of ${n}: rows on screen updated`, ours: r.bulk?.visibleMs, agGrid: r.agGrid.transactionMs, agLabel: `${n}-row transaction` });
  return rows;
}

const ratioOf = (row: Row) => (row.ours && row.agGrid ? median(row.ours) / median(row.agGrid) : undefined);

/** The slowest of our p95s and the highest ratio of our p50 to AG Grid's, over every row. */
export function shapingVerdicts(r: GridShapingResults): { slowestP95: number; highestRatio: number } {
  const rows = rowsOf(r);
  return {
    slowestP95: Math.max(...rows.flatMap((row) => (row.ours ? quantile(row.ours, 0.95) : []))),
    highestRatio: Math.max(...rows.flatMap((row) => ratioOf(row) ?? [])),
  };
}

const ms = (v: number) => `${Math.round(v).toLocaleString('en')} ms`;
const spread = (values: readonly number[]) => `${ms(median(values))} / ${ms(quantile(values, 0.95))}`;
const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');

/** The "Shaping the grid" section of BENCHMARKS.md; `limits` (where the time goes) is shown when a goal is missed. */
export function renderGridShaping(r: GridShapingResults, limits: string): string {
  const rows = rowsOf(r);
  const n = r.ours.n.toLocaleString('en');
  const m = r.machine;
  const out: string[] = [`## Shaping the grid at ${n} customers`, ''];
  out.push(
    `${r.source} on ${r.date} (${m.cpu}, ${m.cores} cores, Chromium ${m.chromium}). ` +
      `Ours: the built app on a device that has synced all ${n} customers, 50 rows a page, each change made from the default view ` +
      '(by name, nothing filtered) the way the app makes it: a key typed into the search box, or the view in the URL changed with a history ' +
      'entry and a popstate event, the path a filter, a sort, a saved view and back and forward all take (bench/grid-shaping.ts). ' +
      'The view switch goes back and forth between two views of different columns, sorts and filters. ' +
      'AG Grid Community: the same customers from the database in the same browser, 12 columns, its virtualised rows, with its quick-filter ' +
      'cache on and row animation off, changed through its API: setGridOption quickFilterText "q" (its other key, "z", is in every row\'s ' +
      'ISO update time), setFilterModel, applyColumnState, applyTransaction (bench/ag-grid-anchor.ts, bench/ag-grid-shaping.ts). ' +
      'Each change is timed in the page from just before it is made to the first paint showing the first rows as they settle ' +
      '(bench/rows-in-page.ts); the keystroke from its input event to the first paint after the rows changed, the bulk edit from the Apply click ' +
      `(to all rows on screen showing it) and the transaction to the frame after it. p50 / p95 (nearest rank) of ${Math.min(...rows.flatMap((x) => x.ours?.length ?? []))} ` +
      'or more runs each, after one untimed warm-up.',
    '',
  );
  out.push(
    `| Measure | Ours p50 / p95 | AG Grid p50 / p95 | Ours / AG Grid (p50) | p95 ≤ ${SHAPING_GOAL_MS} ms | At least twice as fast as AG Grid |`,
    '|---|---|---|---|---|---|',
  );
  let missed = false;
  for (const row of rows) {
    const fast = row.ours ? quantile(row.ours, 0.95) <= SHAPING_GOAL_MS : undefined;
    const ratio = ratioOf(row);
    const faster = ratio === undefined ? undefined : ratio <= AG_GRID_RATIO_GOAL;
    missed ||= fast === false || faster === false;
    const oursCell = row.ours ? spread(row.ours) : 'not measured in this run (`npm run bench` does)';
    const agCell = row.agGrid ? `${spread(row.agGrid)}${row.agLabel ? ` (${row.agLabel})` : ''}` : '—';
    const cells = [row.label, oursCell, agCell, ratio === undefined ? '—' : ratio.toFixed(2), fast === undefined ? '—' : verdict(fast), faster === undefined ? '—' : verdict(faster)];
    out.push(`| ${cells.join(' | ')} |`);
  }
  out.push('');
  out.push(...exportTable(r.ours), '');
  if (missed) out.push(limits, '');
  return out.join('\n');
}

/** The exports of the whole default view, each from the menu click to the downloaded file. */
function exportTable(ours: GridShaping): string[] {
  const n = ours.n.toLocaleString('en');
  const lines = [
    `Export of the default view (all ${n} customers, its 11 columns) through the Export menu, from the click to the downloaded file; ` +
      'the file is made in a Web Worker, and the longest gap between two frames of the page meanwhile says whether it kept answering (bench/export-timing.ts).',
    '',
    '| Export | p50 / p95 | Longest frame meanwhile, p50 / max | Goal (p95) | |',
    '|---|---|---|---|---|',
  ];
  for (const [format, runs] of [
    ['csv', ours.exportCsv],
    ['xlsx', ours.exportXlsx],
  ] as const) {
    const times = runs.map((x) => x.ms);
    const frames = runs.map((x) => x.longestFrameMs);
    const goal = EXPORT_GOAL_MS[format];
    lines.push(
      `| ${format.toUpperCase()} | ${spread(times)} | ${ms(median(frames))} / ${ms(Math.max(...frames))} | ≤ ${ms(goal)} | ${verdict(quantile(times, 0.95) <= goal)} |`,
    );
  }
  return lines;
}
