import { describe, expect, it } from 'vitest';
import { makeCustomerMetrics } from '../../shared/test-fixtures.js';
import { acdSeconds, asrPercent, callsPerSecond, isDialling, lastCallAt, liveChannels, pddSeconds, windowSums } from './customer-metrics.js';
import { sortCustomers } from './customer-sort.js';
import { testRow } from './customer-test-rows.js';
import type { GridColumnId } from '../../shared/grid-view.js';

const ACCESSORS = [liveChannels, asrPercent, acdSeconds, pddSeconds, callsPerSecond, lastCallAt];

describe('metric accessors', () => {
  it('answer undefined for a customer without figures, never 0 or NaN', () => {
    const row = testRow(1);
    for (const accessor of ACCESSORS) expect(accessor(row)).toBeUndefined();
    expect(windowSums(row)).toBeUndefined();
    expect(isDialling(row)).toBe(false);
  });

  it('read the last hour with the shared formulas', () => {
    const row = testRow(1, {}, makeCustomerMetrics());
    expect(liveChannels(row)).toBe(12);
    expect(asrPercent(row)).toBe(57);
    // Talk time over answered calls, not over all attempts.
    expect(acdSeconds(row)).toBe(292);
    expect(pddSeconds(row)).toBeCloseTo(3.2);
    expect(callsPerSecond(row)).toBe(1.4);
    expect(lastCallAt(row)).toBe(Date.parse('2026-02-01T11:58:00Z'));
    expect(isDialling(row)).toBe(true);
    expect(windowSums(row, 'h24')).toMatchObject({ attempts: 2400, answered: 1300 });
  });

  it('show "-" for ratios and CPS without attempts in the last hour, but still the channels of a long call', () => {
    const row = testRow(1, {}, makeCustomerMetrics({ h1: [0, 0, 0, 0, 0, 0, 0, 0], cps: 0, ch: 2 }));
    for (const accessor of [asrPercent, acdSeconds, pddSeconds, callsPerSecond]) expect(accessor(row)).toBeUndefined();
    expect(liveChannels(row)).toBe(2);
    expect(isDialling(row)).toBe(true);
    expect(lastCallAt(row)).toBeDefined();
  });

  it('give 0% ASR with attempts but no answer, and no ACD or PDD without what they average over', () => {
    const row = testRow(1, {}, makeCustomerMetrics({ h1: [5, 0, 0, 0, 0, 1, 1, 3], cps: 0 }));
    expect(asrPercent(row)).toBe(0);
    expect(acdSeconds(row)).toBeUndefined();
    expect(pddSeconds(row)).toBeUndefined();
    expect(callsPerSecond(row)).toBe(0);
  });

  it('sort by every metric column, customers without a figure last in both directions', () => {
    const high = testRow(1, { name: 'High' }, makeCustomerMetrics({ h1: [100, 80, 8_000_000, 400_000, 100, 0, 0, 0], cps: 3, ch: 20, last: 3_000 }));
    const low = testRow(2, { name: 'Low' }, makeCustomerMetrics({ h1: [100, 10, 500_000, 100_000, 100, 0, 0, 0], cps: 0.5, ch: 1, last: 1_000 }));
    const none = testRow(3, { name: 'None' });
    const columns: GridColumnId[] = ['asr', 'acd', 'pdd', 'cps', 'channels', 'lastCall'];
    for (const column of columns) {
      const names = (direction: 'asc' | 'desc') => sortCustomers([none, high, low], [{ column, direction }]).map((r) => r.customer.name);
      expect(names('asc'), column).toEqual(['Low', 'High', 'None']);
      expect(names('desc'), column).toEqual(['High', 'Low', 'None']);
    }
  });
});
