import {
  DURATION_UNITS,
  type DateCondition,
  type FilterNode,
  type NumberCondition,
  type SetCondition,
  type TextCondition,
} from '../../shared/customer-filter.js';
import { DATE_READERS, NUMBER_READERS, SET_READERS, TEXT_READERS } from './customer-filter-fields.js';
import { foldText } from './fold-text.js';
import type { IndexedCustomer } from './indexed-customer.js';

export type RowPredicate = (row: IndexedCustomer) => boolean;

const always: RowPredicate = () => true;

/**
 * Compiles a filter tree (shared/customer-filter.ts) into one predicate over index rows:
 * the tree is walked once per filter change, not once per row, and each condition reads
 * its field through a fixed accessor. `now` anchors "within 24 h" and "more than 30 days
 * ago". An unfinished condition (no text, no values chosen) and an empty group keep
 * every row: the filter builder shows them while the user is still typing.
 */
export function compileFilter(node: FilterNode, now: number): RowPredicate {
  switch (node.type) {
    case 'group': {
      const parts = node.children.map((child) => compileFilter(child, now)).filter((p) => p !== always);
      if (parts.length === 0) return always;
      if (parts.length === 1) return parts[0]!;
      return node.op === 'and' ? (row) => parts.every((p) => p(row)) : (row) => parts.some((p) => p(row));
    }
    case 'text':
      return textPredicate(node);
    case 'number':
      return numberPredicate(node);
    case 'set':
      return setPredicate(node);
    case 'date':
      return datePredicate(node, now);
  }
}

function textPredicate(c: TextCondition): RowPredicate {
  const read = TEXT_READERS[c.field];
  if (c.op === 'empty') return (row) => !read(row);
  const wanted = foldText(c.value.trim());
  if (wanted === '') return always;
  if (c.op === 'equals') return (row) => read(row) === wanted;
  if (c.op === 'startsWith') return (row) => read(row)?.startsWith(wanted) ?? false;
  return (row) => read(row)?.includes(wanted) ?? false;
}

function numberPredicate(c: NumberCondition): RowPredicate {
  const read = NUMBER_READERS[c.field];
  const test = numberTest(c);
  const currency = c.currency;
  if (currency === undefined) return (row) => test(read(row));
  return (row) => row.customer.currency === currency && test(read(row));
}

function numberTest(c: NumberCondition): (v: number | undefined) => boolean {
  const x = c.value ?? 0;
  switch (c.op) {
    case 'empty':
      return (v) => v === undefined;
    case 'eq':
      return (v) => v === x;
    case 'ne':
      return (v) => v !== x;
    case 'lt':
      return (v) => v !== undefined && v < x;
    case 'le':
      return (v) => v !== undefined && v <= x;
    case 'gt':
      return (v) => v !== undefined && v > x;
    case 'ge':
      return (v) => v !== undefined && v >= x;
    case 'between': {
      const [lo, hi] = x <= (c.to ?? x) ? [x, c.to ?? x] : [c.to ?? x, x];
      return (v) => v !== undefined && v >= lo && v <= hi;
    }
  }
}

function setPredicate(c: SetCondition): RowPredicate {
  if (c.values.length === 0) return always;
  const read = SET_READERS[c.field];
  const wanted = new Set(c.values.map((v) => v.toLowerCase()));
  const hit = (row: IndexedCustomer) => {
    for (const v of read(row)) if (wanted.has(v.toLowerCase())) return true;
    return false;
  };
  return c.op === 'in' ? hit : (row) => !hit(row);
}

function datePredicate(c: DateCondition, now: number): RowPredicate {
  const read = DATE_READERS[c.field];
  switch (c.op) {
    case 'never':
      return (row) => read(row) === undefined;
    case 'between': {
      const from = c.from ?? Number.NEGATIVE_INFINITY;
      const to = c.to ?? Number.POSITIVE_INFINITY;
      return (row) => {
        const t = read(row);
        return t !== undefined && t >= from && t <= to;
      };
    }
    case 'olderThan':
    case 'within': {
      const edge = now - (c.amount ?? 0) * DURATION_UNITS[c.unit ?? 'd'];
      return c.op === 'within'
        ? (row) => {
            const t = read(row);
            return t !== undefined && t >= edge;
          }
        : (row) => {
            const t = read(row);
            return t !== undefined && t < edge;
          };
    }
  }
}
