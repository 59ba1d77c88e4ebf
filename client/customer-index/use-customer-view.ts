import { useMemo, useState } from 'react';
import type { CustomerIndexSnapshot } from './customer-index.js';
import type { CustomerQuery } from './customer-query.js';
import { CustomerViewModel, type CustomerViewResult } from './customer-view-model.js';
import type { IndexedCustomer } from './indexed-customer.js';

export interface CustomerViewState extends CustomerViewResult {
  /** The requested page, clamped to the pages that exist. */
  page: number;
  pageRows: IndexedCustomer[];
}

/**
 * The current view of the index. The view model updates the previous view from the
 * index's changes (an edit of 10,000 rows costs a pass, not a sort); paging only slices.
 */
export function useCustomerView(snapshot: CustomerIndexSnapshot, query: CustomerQuery, page: number, pageSize: number): CustomerViewState {
  const { sort, search, view, warningsOnly, status, conditions, now } = query;
  // Holds the previous view: it changes how much work an update takes, never its result.
  const [model] = useState(() => new CustomerViewModel());
  const result = useMemo(
    () => model.update(snapshot, { sort, filter: { search, view, warningsOnly, conditions, now }, status }),
    [model, snapshot, sort, search, view, warningsOnly, status, conditions, now],
  );
  const { visible } = result;
  const currentPage = Math.min(page, Math.max(1, Math.ceil(visible.length / pageSize)));
  const [pages] = useState(() => new StablePage());
  const pageRows = useMemo(
    () => pages.of(visible.slice((currentPage - 1) * pageSize, currentPage * pageSize)),
    [pages, visible, currentPage, pageSize],
  );
  return { ...result, page: currentPage, pageRows };
}

/**
 * Gives back the previous page of rows while it holds the same customers in the same
 * order with the same names: the grid then keeps its records and skips re-rendering, and
 * its cells (LiveCell) show the current rows. Names are compared because the grid labels
 * each row's checkbox with the customer's name.
 */
export class StablePage {
  #last: IndexedCustomer[] = [];

  of(rows: IndexedCustomer[]): IndexedCustomer[] {
    const last = this.#last;
    const same = rows.length === last.length && rows.every((r, i) => r.id === last[i]!.id && r.customer.name === last[i]!.customer.name);
    if (!same) this.#last = rows;
    return this.#last;
  }
}
