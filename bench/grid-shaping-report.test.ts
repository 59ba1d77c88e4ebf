import { describe, expect, it } from 'vitest';
import type { AgGridAnchor } from './ag-grid-anchor.js';
import type { GridShaping } from './grid-shaping.js';
import { renderGridShaping, shapingVerdicts, type GridShapingResults } from './grid-shaping-report.js';

const runs = (ms: number) => Array.from({ length: 20 }, () => ms);
const machine = { cpu: 'Test CPU', cores: 2, ramGiB: 8, os: 'Linux', node: 'v20', chromium: '150' };
const ours: GridShaping = {
  n: 100_000,
  search: runs(40),
  filter: runs(30),
  filterGroup: runs(35),
  sortName: runs(60),
  sortCredit: runs(60),
  sortTwoLevels: runs(70),
  sortNew: runs(75),
  viewSwitch: runs(80),
  exportCsv: Array.from({ length: 20 }, () => ({ ms: 900, longestFrameMs: 40 })),
  exportXlsx: Array.from({ length: 20 }, () => ({ ms: 12_000, longestFrameMs: 60 })),
};
const agGrid: AgGridAnchor = {
  rows: 100_000,
  heap: 1,
  transactionRows: 10_000,
  transactionMs: runs(400),
  shaping: { quickFilter: runs(100), filter: runs(100), sortName: runs(200), sortCredit: runs(120) },
};
const results = (patch: Partial<GridShapingResults> = {}): GridShapingResults => ({
  machine,
  date: '2026-12-03',
  source: '`npm run bench`',
  ours,
  bulk: { n: 10_000, visibleMs: runs(60) },
  agGrid,
  ...patch,
});
const line = (text: string, label: string) => text.split('\n').find((l) => l.startsWith(`| ${label}`));

describe('the grid shaping section', () => {
  it('marks both goals met when every p95 is within 100 ms and every p50 at most half of AG Grid\'s', () => {
    const text = renderGridShaping(results(), 'WHERE THE TIME GOES');
    expect(text.startsWith('## Shaping the grid at 100,000 customers\n')).toBe(true);
    expect(line(text, 'Search')).toBe('| Search: one key typed | 40 ms / 40 ms | 100 ms / 100 ms (quick filter) | 0.40 | met | met |');
    expect(line(text, 'Switch')).toBe('| Switch between two saved views | 80 ms / 80 ms | — | — | met | — |');
    expect(line(text, 'Bulk edit')).toBe('| Bulk edit of 10,000: rows on screen updated | 60 ms / 60 ms | 400 ms / 400 ms (10,000-row transaction) | 0.15 | met | met |');
    expect(text).not.toContain('WHERE THE TIME GOES');
    expect(shapingVerdicts(results())).toEqual({ slowestP95: 80, highestRatio: 0.5 });
  });

  it('shows each export\'s time against its goal and how long the page stopped answering meanwhile', () => {
    const text = renderGridShaping(results(), '');
    expect(line(text, 'CSV')).toBe('| CSV | 900 ms / 900 ms | 40 ms / 40 ms | ≤ 2,000 ms | met |');
    expect(line(text, 'XLSX')).toBe('| XLSX | 12,000 ms / 12,000 ms | 60 ms / 60 ms | ≤ 10,000 ms | **missed** |');
  });

  it('marks a slow p95 and a ratio above one half as missed, and says where the time goes', () => {
    // Two slow runs of twenty: the 19th of the sorted runs is the p95 (nearest rank).
    const slowSort = [...runs(60).slice(2), 150, 150];
    const slow = results({ ours: { ...ours, sortCredit: slowSort }, agGrid: { ...agGrid, shaping: { ...agGrid.shaping, sortCredit: runs(100) } } });
    const text = renderGridShaping(slow, 'WHERE THE TIME GOES');
    expect(line(text, 'Sort by credit')).toBe('| Sort by credit | 60 ms / 150 ms | 100 ms / 100 ms | 0.60 | **missed** | **missed** |');
    expect(line(text, 'Sort by name')).toContain('| 0.30 | met | met |');
    expect(text).toContain('WHERE THE TIME GOES');
  });

  it('shows the bulk edit as not measured when the run left it out, AG Grid\'s transaction still shown', () => {
    const text = renderGridShaping(results({ bulk: undefined }), '');
    expect(line(text, 'Bulk edit')).toBe(
      '| Bulk edit of 10,000: rows on screen updated | not measured in this run (`npm run bench` does) | 400 ms / 400 ms (10,000-row transaction) | — | — | — |',
    );
  });
});
