import type { SortLevel } from '../../shared/grid-view.js';
import { CUSTOMER_FIELDS, type SortKey } from './customer-fields.js';
import type { IndexedCustomer } from './indexed-customer.js';
import type { RowChange } from './row-change-log.js';

/**
 * Sorting the customer list by one or more columns (the first decides, the next break its
 * ties). Keys come from the column catalog (customer-fields.ts) and are read once per row;
 * comparisons are plain `<` on strings and numbers (no localeCompare). Missing values sort
 * last in both directions; ties break by name then id, so the order never flickers and is
 * a strict total order (which `updateSorted` relies on). Keys must come from the row
 * object alone: a row that is the same object sorts the same.
 */

/** The sort levels in force, most significant first (at least one). */
export type CustomerSort = readonly SortLevel[];

type Read = (row: IndexedCustomer) => SortKey;

/** Every key of every level, with the sign its level's direction gives it. */
function keysOf(sort: CustomerSort): { reads: Read[]; signs: number[] } {
  const reads: Read[] = [];
  const signs: number[] = [];
  for (const level of sort) {
    for (const spec of CUSTOMER_FIELDS[level.column].sort) {
      reads.push(spec.read);
      signs.push(spec.ascending || level.direction === 'asc' ? 1 : -1);
    }
  }
  return { reads, signs };
}

const isMissing = (k: SortKey): boolean => k === undefined || (typeof k === 'number' && Number.isNaN(k));

/** A row with its keys read out; a missing key is marked in `missing` and holds 0, so comparing is branch-light. */
interface Decorated {
  row: IndexedCustomer;
  keys: (string | number)[];
  missing: number;
}

function compareTail(a: IndexedCustomer, b: IndexedCustomer): number {
  return (a.nameKey < b.nameKey ? -1 : a.nameKey > b.nameKey ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function decoratedComparator(signs: readonly number[]): (a: Decorated, b: Decorated) => number {
  const n = signs.length;
  return (a, b) => {
    for (let i = 0; i < n; i++) {
      const bit = 1 << i;
      const ma = a.missing & bit;
      const mb = b.missing & bit;
      if (ma !== mb) return ma ? 1 : -1;
      const x = a.keys[i]!;
      const y = b.keys[i]!;
      if (x < y) return -signs[i]!;
      if (x > y) return signs[i]!;
    }
    return compareTail(a.row, b.row);
  };
}

/** The same order as the sort, reading keys on the fly: for merges, which compare each row about once. */
export function rowComparator(sort: CustomerSort): (a: IndexedCustomer, b: IndexedCustomer) => number {
  const { reads, signs } = keysOf(sort);
  return (a, b) => {
    for (let i = 0; i < reads.length; i++) {
      const x = reads[i]!(a);
      const y = reads[i]!(b);
      const mx = isMissing(x);
      const my = isMissing(y);
      if (mx || my) {
        if (mx === my) continue;
        return mx ? 1 : -1;
      }
      if (x! < y!) return -signs[i]!;
      if (x! > y!) return signs[i]!;
    }
    return compareTail(a, b);
  };
}

/** Sorted copy of `rows`: numeric for money and numbers, missing values last in both directions. */
export function sortCustomers(rows: readonly IndexedCustomer[], sort: CustomerSort): IndexedCustomer[] {
  const { reads, signs } = keysOf(sort);
  const decorated: Decorated[] = rows.map((row) => {
    const keys: (string | number)[] = new Array(reads.length);
    let missing = 0;
    for (let i = 0; i < reads.length; i++) {
      const k = reads[i]!(row);
      if (isMissing(k)) {
        missing |= 1 << i;
        keys[i] = 0;
      } else keys[i] = k!;
    }
    return { row, keys, missing };
  });
  decorated.sort(decoratedComparator(signs));
  return decorated.map((d) => d.row);
}

/** Whether two sorts order rows the same way. */
export function sameSort(a: CustomerSort, b: CustomerSort): boolean {
  return a === b || (a.length === b.length && a.every((l, i) => l.column === b[i]!.column && l.direction === b[i]!.direction));
}

/** A list after some rows changed: whether any row left, arrived or moved (else only rows were replaced in place). */
export interface UpdatedList {
  rows: IndexedCustomer[];
  moved: boolean;
}

/**
 * `list` (sorted by `sort`) after `changes`. A changed row whose sort keys are the same
 * takes its predecessor's place; the others leave and are merged back in where they now
 * belong. A 10,000-row status edit in a 100,000-row list then costs one pass, not a sort.
 * Every `before` must be in `list` (the caller filters the changes to the list's rows).
 */
export function updateSorted(list: readonly IndexedCustomer[], changes: Iterable<RowChange>, sort: CustomerSort): UpdatedList {
  const compare = rowComparator(sort);
  const replace = new Map<IndexedCustomer, IndexedCustomer>();
  const remove = new Set<IndexedCustomer>();
  const insert: IndexedCustomer[] = [];
  for (const { before, after } of changes) {
    if (before === after) continue;
    if (before && after && compare(before, after) === 0) {
      replace.set(before, after);
      continue;
    }
    if (before) remove.add(before);
    if (after) insert.push(after);
  }
  if (replace.size === 0 && remove.size === 0 && insert.length === 0) return { rows: list as IndexedCustomer[], moved: false };
  const kept: IndexedCustomer[] = [];
  for (const row of list) {
    if (remove.size > 0 && remove.has(row)) continue;
    kept.push(replace.size > 0 ? (replace.get(row) ?? row) : row);
  }
  const moved = remove.size > 0 || insert.length > 0;
  if (insert.length === 0) return { rows: kept, moved };
  // Mostly new rows (a first sync page into a small list): one sort beats a merge.
  if (insert.length > kept.length) return { rows: sortCustomers(kept.concat(insert), sort), moved };
  const added = sortCustomers(insert, sort);
  const out: IndexedCustomer[] = new Array(kept.length + added.length);
  let i = 0;
  let j = 0;
  let o = 0;
  while (i < kept.length && j < added.length) out[o++] = compare(kept[i]!, added[j]!) <= 0 ? kept[i++]! : added[j++]!;
  while (i < kept.length) out[o++] = kept[i++]!;
  while (j < added.length) out[o++] = added[j++]!;
  return { rows: out, moved };
}
