import { describe, expect, it } from 'vitest';
import { timeShapes, type ShapeDriver } from './shape-runs.js';

/** A grid whose first rows are the state's name (or `same` for states that show the same rows), taking `ms` per change. */
function fakeGrid(ms: Record<string, number>, same: Record<string, string> = {}) {
  let at = '';
  const visits: string[] = [];
  const rowsOf = (s: string) => same[s] ?? `rows of ${s}`;
  const driver: ShapeDriver<string> = {
    key: (s) => s,
    settle: async (s) => {
      at = s;
      return rowsOf(s);
    },
    time: async (s, expected) => {
      expect(expected).toBe(rowsOf(s));
      visits.push(`${at}->${s}`);
      at = s;
      return ms[s]!;
    },
    quiet: async () => {},
  };
  return { driver, visits };
}

describe('timing changes between grid states', () => {
  it('keeps only the timed changes, going back between them untimed', async () => {
    const { driver, visits } = fakeGrid({ filtered: 40, all: 900 });
    const ms = await timeShapes(driver, 'all', [
      { to: 'filtered', timed: true },
      { to: 'all', timed: false },
    ], 3);
    expect(ms).toEqual([40, 40, 40]);
    expect(visits.slice(0, 4)).toEqual(['all->filtered', 'filtered->all', 'all->filtered', 'filtered->all']);
  });

  it('times both ways of a switch when both are timed', async () => {
    const { driver } = fakeGrid({ a: 10, b: 20 });
    expect(await timeShapes(driver, 'a', [{ to: 'b', timed: true }, { to: 'a', timed: true }], 4)).toEqual([20, 10, 20, 10]);
  });

  it('refuses a change that leaves the first rows as they were: nothing would paint', async () => {
    const { driver } = fakeGrid({ sorted: 5, all: 5 }, { sorted: 'same rows', all: 'same rows' });
    await expect(timeShapes(driver, 'all', [{ to: 'sorted', timed: true }, { to: 'all', timed: false }], 1)).rejects.toThrow('does not change the first rows');
  });

  it('refuses a cycle that does not end where it starts', async () => {
    const { driver } = fakeGrid({ b: 1 });
    await expect(timeShapes(driver, 'a', [{ to: 'b', timed: true }], 1)).rejects.toThrow('ends where it starts');
  });
});
