import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clampRowIndex, nextRowIndex } from './row-focus.js';

describe('row focus', () => {
  it('moves one row with the arrows and to the ends with Home and End', () => {
    expect(nextRowIndex('ArrowDown', 0, 5)).toBe(1);
    expect(nextRowIndex('ArrowUp', 3, 5)).toBe(2);
    expect(nextRowIndex('Home', 3, 5)).toBe(0);
    expect(nextRowIndex('End', 1, 5)).toBe(4);
  });

  it('stops at the first and the last row', () => {
    expect(nextRowIndex('ArrowUp', 0, 5)).toBe(0);
    expect(nextRowIndex('ArrowDown', 4, 5)).toBe(4);
  });

  it('ignores other keys and pages without rows', () => {
    expect(nextRowIndex('a', 2, 5)).toBeUndefined();
    expect(nextRowIndex(' ', 2, 5)).toBeUndefined();
    expect(nextRowIndex('ArrowDown', 0, 0)).toBeUndefined();
  });

  it('keeps the focus on the page when the page gets shorter', () => {
    expect(clampRowIndex(49, 10)).toBe(9);
    expect(clampRowIndex(3, 10)).toBe(3);
    expect(nextRowIndex('ArrowDown', 49, 10)).toBe(9);
    expect(nextRowIndex('ArrowUp', 49, 10)).toBe(8);
  });

  it('always lands on a row of the page, at most one row away for an arrow', () => {
    const keys = fc.constantFrom('ArrowDown', 'ArrowUp', 'Home', 'End');
    fc.assert(
      fc.property(keys, fc.nat(200), fc.integer({ min: 1, max: 200 }), (key, current, count) => {
        const next = nextRowIndex(key, current, count)!;
        expect(next).toBeGreaterThanOrEqual(0);
        expect(next).toBeLessThan(count);
        if (key.startsWith('Arrow')) expect(Math.abs(next - clampRowIndex(current, count))).toBeLessThanOrEqual(1);
      }),
    );
  });
});
