import { normalizeColumns, type GridColumnId, type GridColumnState } from '../../shared/grid-view.js';
import { CUSTOMER_FIELDS, type FieldKind, type PlainValue } from '../customer-index/customer-fields.js';
import type { IndexedCustomer } from '../customer-index/indexed-customer.js';

/**
 * What an export writes, apart from the file format: the columns (title and kind) and, per
 * customer, one plain value per column. Built on the page from the column catalog, so a
 * column exports what it shows and sorts by; the writers (csv-writer.ts, xlsx-writer.ts)
 * only decide how each kind is spelled in their format.
 */

/** `date` values are epoch ms; `money` values are amounts in the currency of the row's currency column. */
export type ExportKind = 'text' | 'number' | 'percent' | 'seconds' | 'money' | 'date';

export interface ExportColumn {
  title: string;
  kind: ExportKind;
}

/** Null is a missing value (an empty cell). Text is as the customer has it: the writers neutralise formulas. */
export type ExportValue = string | number | null;
export type ExportRow = ExportValue[];

export interface ExportLayout {
  columns: ExportColumn[];
  /** The column holding each row's currency: present whenever a money column is exported. */
  currencyAt: number | undefined;
}

type Reader = (row: IndexedCustomer) => ExportValue;

/** The layout and how to read each of its columns from a row. */
export interface ExportPlan {
  layout: ExportLayout;
  readers: Reader[];
}

const KINDS: Record<FieldKind, ExportKind> = {
  text: 'text',
  number: 'number',
  money: 'money',
  percent: 'percent',
  seconds: 'seconds',
  date: 'date',
  // Lists and yes/no are written as words.
  list: 'text',
  boolean: 'text',
};

/** The grid's visible columns in their on-screen order: pinned ones first, then the rest, hidden ones left out. */
export function visibleColumnIds(columns: readonly GridColumnState[]): GridColumnId[] {
  const shown = normalizeColumns(columns).filter((c) => !c.hidden);
  return [...shown.filter((c) => c.pinned), ...shown.filter((c) => !c.pinned)].map((c) => c.id);
}

/** A catalog value as an export value: tags joined with "; ", booleans as Yes/No, empty or not finite as missing. */
export function exportValue(value: PlainValue): ExportValue {
  if (value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string') return value === '' ? null : value;
  return value.length === 0 ? null : value.join('; ');
}

const readerOf = (id: GridColumnId): Reader => {
  const read = CUSTOMER_FIELDS[id].value;
  return (row) => exportValue(read(row));
};

/**
 * The export of columns `ids`. An amount means nothing without its currency: when money is
 * exported and the Currency column is not, a Currency column follows the first money column.
 */
export function exportPlan(ids: readonly GridColumnId[]): ExportPlan {
  const plan: ExportPlan = { layout: { columns: [], currencyAt: undefined }, readers: [] };
  const add = (id: GridColumnId) => {
    const field = CUSTOMER_FIELDS[id];
    plan.layout.columns.push({ title: field.title, kind: KINDS[field.kind] });
    plan.readers.push(readerOf(id));
  };
  const hasCurrency = ids.includes('currency');
  for (const id of ids) {
    add(id);
    if (!hasCurrency && plan.layout.currencyAt === undefined && CUSTOMER_FIELDS[id].kind === 'money') {
      plan.layout.currencyAt = plan.layout.columns.length;
      add('currency');
    }
  }
  if (hasCurrency && ids.some((id) => CUSTOMER_FIELDS[id].kind === 'money')) plan.layout.currencyAt = ids.indexOf('currency');
  return plan;
}

/** One customer's values, in the plan's column order. */
export function exportRow(plan: ExportPlan, row: IndexedCustomer): ExportRow {
  return plan.readers.map((read) => read(row));
}
