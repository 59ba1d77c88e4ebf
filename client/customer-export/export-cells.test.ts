import { describe, expect, it } from 'vitest';
import { DEFAULT_GRID_VIEW } from '../../shared/grid-view.js';
import { makeCustomerMetrics } from '../../shared/test-fixtures.js';
import { testRow } from '../customer-index/customer-test-rows.js';
import { exportPlan, exportRow, visibleColumnIds } from './export-cells.js';

describe('visibleColumnIds', () => {
  it('gives the default view its default columns', () => {
    expect(visibleColumnIds(DEFAULT_GRID_VIEW.columns)).toEqual(['name', 'credit', 'channels', 'status', 'lastCall', 'asr', 'acd', 'pdd', 'cps', 'country', 'tags']);
  });

  it('puts pinned columns first, keeps the order of the rest and leaves hidden ones out', () => {
    const ids = visibleColumnIds([{ id: 'credit' }, { id: 'name' }, { id: 'status', pinned: true }, { id: 'tags', hidden: true }, { id: 'country' }]);
    expect(ids).toEqual(['status', 'credit', 'name', 'country']);
  });
});

describe('exportPlan', () => {
  const titles = (ids: Parameters<typeof exportPlan>[0]) => exportPlan(ids).layout.columns.map((c) => c.title);

  it('adds a Currency column right after the first money column when Currency is not shown', () => {
    expect(titles(['name', 'credit', 'status', 'debitLimit'])).toEqual(['Name', 'Credit', 'Currency', 'Status', 'Debit limit']);
    expect(exportPlan(['name', 'credit', 'status', 'debitLimit']).layout.currencyAt).toBe(2);
  });

  it('leaves the columns as shown when Currency is among them, or no money is exported', () => {
    expect(titles(['currency', 'name', 'credit'])).toEqual(['Currency', 'Name', 'Credit']);
    expect(exportPlan(['currency', 'name', 'credit']).layout.currencyAt).toBe(0);
    expect(titles(['name', 'status'])).toEqual(['Name', 'Status']);
    expect(exportPlan(['name', 'status']).layout.currencyAt).toBeUndefined();
  });

  it('reads plain values: amounts and figures as numbers, dates as epoch ms, tags joined, yes/no, missing as null', () => {
    const plan = exportPlan(['name', 'credit', 'tags', 'portalAccess', 'accountRef', 'createdAt', 'asr', 'channelLimit', 'lastCall']);
    expect(plan.layout.columns.map((c) => c.kind)).toEqual(['text', 'money', 'text', 'text', 'text', 'text', 'date', 'percent', 'number', 'date']);
    const row = testRow(1, { name: 'Acme, "Ltd"', credit: '-12.50', currency: 'SEK', tags: ['gold', 'wholesale'], portalAccess: false, channels: 0 });
    expect(exportRow(plan, row)).toEqual(['Acme, "Ltd"', -12.5, 'SEK', 'gold; wholesale', 'No', null, Date.parse('2026-01-01T00:00:00.000Z'), null, null, null]);
    const live = testRow(2, { tags: [] }, makeCustomerMetrics());
    expect(exportRow(plan, live).slice(3, 5)).toEqual([null, 'Yes']);
    expect(exportRow(plan, live)[7]).toBe(57);
    expect(exportRow(plan, live)[9]).toBe(Date.parse('2026-02-01T11:58:00Z'));
  });
});
