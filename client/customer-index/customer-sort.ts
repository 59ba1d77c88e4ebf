import type { CustomerSort, SortColumn } from './customer-query.js';
import { acdSeconds, asrPercent, callsPerSecond, lastCallAt, liveChannels, pddSeconds } from './customer-metrics.js';
import type { IndexedCustomer } from './indexed-customer.js';
import type { RowChange } from './row-change-log.js';

/**
 * Sorting the customer list. Keys are precomputed on the index and read once per row;
 * comparisons are plain `<` on strings and numbers (no localeCompare). Missing values
 * sort last in both directions; ties break by name then id, so the order never flickers
 * and is a strict total order (which `updateSorted` relies on). Keys must come from the
 * row object alone: a row that is the same object sorts the same.
 */

type SortKey = number | string | undefined;
type KeyOf = (row: IndexedCustomer) => SortKey;

/** Sort keys per column (at most two), most significant first. */
const SORT_KEYS: Record<SortColumn, readonly KeyOf[]> = {
  name: [(r) => r.nameKey],
  // Amounts in different currencies are not comparable: currency first, then the amount.
  credit: [(r) => r.customer.currency, (r) => r.credit],
  channels: [liveChannels, (r) => r.channelLimit],
  status: [(r) => r.statusRank],
  lastCall: [lastCallAt],
  asr: [asrPercent],
  acd: [acdSeconds],
  pdd: [pddSeconds],
  cps: [callsPerSecond],
  country: [(r) => r.countryKey],
  tags: [(r) => r.tagsKey],
  deletedAt: [(r) => r.deletedAtMs],
};

/** A row with its keys read out; a missing key is flagged (1) and its value zeroed, so comparing is branch-light. */
interface Decorated {
  row: IndexedCustomer;
  m0: number;
  k0: string | number;
  m1: number;
  k1: string | number;
}

const isMissing = (k: SortKey): boolean => k === undefined || (typeof k === 'number' && Number.isNaN(k));

function decorator(sort: CustomerSort): (row: IndexedCustomer) => Decorated {
  const [first, second] = SORT_KEYS[sort.column];
  return (row) => {
    const k0 = first?.(row);
    const k1 = second?.(row);
    const m0 = isMissing(k0) ? 1 : 0;
    const m1 = isMissing(k1) ? 1 : 0;
    return { row, m0, k0: m0 ? 0 : k0!, m1, k1: m1 ? 0 : k1! };
  };
}

function comparator(sort: CustomerSort): (a: Decorated, b: Decorated) => number {
  const sign = sort.direction === 'asc' ? 1 : -1;
  return (a, b) =>
    a.m0 - b.m0 ||
    (a.k0 < b.k0 ? -sign : a.k0 > b.k0 ? sign : 0) ||
    a.m1 - b.m1 ||
    (a.k1 < b.k1 ? -sign : a.k1 > b.k1 ? sign : 0) ||
    (a.row.nameKey < b.row.nameKey ? -1 : a.row.nameKey > b.row.nameKey ? 1 : 0) ||
    (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0);
}

/** The same order as `comparator`, reading keys on the fly: for merges, which compare each row about once. */
export function rowComparator(sort: CustomerSort): (a: IndexedCustomer, b: IndexedCustomer) => number {
  const [first, second] = SORT_KEYS[sort.column];
  const sign = sort.direction === 'asc' ? 1 : -1;
  const compareKey = (x: SortKey, y: SortKey): number => {
    const mx = isMissing(x);
    const my = isMissing(y);
    if (mx || my) return mx === my ? 0 : mx ? 1 : -1;
    return x! < y! ? -sign : x! > y! ? sign : 0;
  };
  return (a, b) =>
    (first ? compareKey(first(a), first(b)) : 0) ||
    (second ? compareKey(second(a), second(b)) : 0) ||
    (a.nameKey < b.nameKey ? -1 : a.nameKey > b.nameKey ? 1 : 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Sorted copy of `rows`: numeric for money and numbers, missing values last in both directions. */
export function sortCustomers(rows: readonly IndexedCustomer[], sort: CustomerSort): IndexedCustomer[] {
  const decorated = rows.map(decorator(sort));
  decorated.sort(comparator(sort));
  return decorated.map((d) => d.row);
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
