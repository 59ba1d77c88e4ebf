import { describe, expect, it } from 'vitest';
import { nextSort } from './next-sort.js';

describe('a click on a column header', () => {
  const byName = [{ column: 'name', direction: 'asc' }] as const;

  it('sorts by that column alone, and the other way round when clicked again', () => {
    expect(nextSort(byName, 'credit', false)).toEqual([{ column: 'credit', direction: 'asc' }]);
    expect(nextSort(byName, 'name', false)).toEqual([{ column: 'name', direction: 'desc' }]);
    const two = nextSort(byName, 'credit', true);
    expect(nextSort(two, 'credit', false)).toEqual([{ column: 'credit', direction: 'asc' }]);
    expect(nextSort(two, 'name', false)).toEqual([{ column: 'name', direction: 'desc' }]);
  });

  it('with shift adds the next level, or turns an existing level round in its place', () => {
    const two = nextSort(byName, 'credit', true);
    expect(two).toEqual([{ column: 'name', direction: 'asc' }, { column: 'credit', direction: 'asc' }]);
    expect(nextSort(two, 'credit', true)).toEqual([{ column: 'name', direction: 'asc' }, { column: 'credit', direction: 'desc' }]);
    expect(nextSort(two, 'name', true)).toEqual([{ column: 'name', direction: 'desc' }, { column: 'credit', direction: 'asc' }]);
  });

  it('keeps at most three levels: a fourth replaces the third', () => {
    const three = nextSort(nextSort(byName, 'credit', true), 'status', true);
    expect(nextSort(three, 'country', true).map((l) => l.column)).toEqual(['name', 'credit', 'country']);
  });
});
