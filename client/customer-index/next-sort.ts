import { MAX_SORT_LEVELS, type GridColumnId, type SortDirection } from '../../shared/grid-view.js';
import type { CustomerSort } from './customer-sort.js';

/**
 * The sort after a click on a column header, as spreadsheets do it: a plain click sorts
 * by that column alone (again: the other way round); a shift-click adds it as the next
 * level, or turns an existing level round, keeping the others. A fourth level replaces
 * the third.
 */
export function nextSort(sort: CustomerSort, column: GridColumnId, addLevel: boolean): CustomerSort {
  const at = sort.findIndex((l) => l.column === column);
  const flipped = (d: SortDirection): SortDirection => (d === 'asc' ? 'desc' : 'asc');
  if (!addLevel) {
    return [{ column, direction: at === 0 ? flipped(sort[0]!.direction) : 'asc' }];
  }
  if (at >= 0) return sort.map((l, i) => (i === at ? { column, direction: flipped(l.direction) } : l));
  const kept = sort.length >= MAX_SORT_LEVELS ? sort.slice(0, MAX_SORT_LEVELS - 1) : sort;
  return [...kept, { column, direction: 'asc' }];
}
